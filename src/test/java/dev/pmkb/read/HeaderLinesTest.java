package dev.pmkb.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HeaderParser#lines} cuts lines by hand, as {@code text.split("\r?\n", -1)} would. */
class HeaderLinesTest {

    @Test
    void linesAreCutWhereTheRegexWouldCutThemInTheCasesThatMatter() {
        String[] samples = {"", "\n", "\r\n", "\r", "a", "a\n", "a\r\nb", "a\rb\n", "\r\r\n\n", "title=x\n~~~~~~\nbody\r\n",
                "a\n\nb\r\n\r\n", "\n\r"};
        for (String text : samples) {
            assertEquals(Arrays.asList(text.split("\r?\n", -1)), HeaderParser.lines(text), text);
        }
    }

    @Test
    void linesAreCutWhereTheRegexWouldCutThem() {
        List<String> header = List.of("a", " ", "-", "---", "~~~~~~", "title=x", "=", "\r", "\n", "\u2028", "\u0085");
        Property.forAllTexts(2000, random -> Property.tokens(random, 16, header, Tokens.LINE_BREAKS),
                text -> assertEquals(Arrays.asList(text.split("\r?\n", -1)), HeaderParser.lines(text)));
    }
}
