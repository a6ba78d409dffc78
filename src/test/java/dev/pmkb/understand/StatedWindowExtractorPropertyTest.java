package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link StatedWindowExtractor} measures a date line's stripped length without stripping it: the same length. */
class StatedWindowExtractorPropertyTest {

    private static final List<String> SPACES = List.of(" ", "\t", "\u2028", "\u00a0", "\u2003", "\u3000", "\r", "\n",
            "\u001c", "\ud83d\ude00", "x", "2019-12-05");

    @Test
    void strippedLengthIsTheLengthOfTheStrippedText() {
        Property.forAllTexts(3000, random -> Property.tokens(random, 12, SPACES, Tokens.WORDS, Tokens.NON_ASCII),
                text -> assertEquals(text.strip().length(), StatedWindowExtractor.strippedLength(text), text));
    }
}
