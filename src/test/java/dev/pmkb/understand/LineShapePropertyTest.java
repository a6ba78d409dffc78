package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LineShape} tries its list-marker pattern only on a line whose first character after white space can
 * open a list item; wherever the pattern matches, {@link LineShape#mayOpenList} must let it.
 */
class LineShapePropertyTest {

    private static final List<String> LINE = List.of("-", "*", "+", "•", "1", "12", "123", "1234", ".", ")", " ", "  ",
            "\t", "\u000B", "\f", "\r", "\n", "[ ]", "[x]", "[X]", "item", "#", ">", "\u00a0", "\u2003", "–", "\u0661");

    @Test
    void mayOpenListWhereverTheListPatternMatches() throws ReflectiveOperationException {
        Field field = LineShape.class.getDeclaredField("LIST");
        field.setAccessible(true);
        Pattern list = (Pattern) field.get(null);
        Property.forAllTexts(5000, random -> Property.tokens(random, 8, LINE, LINE, Tokens.WORDS),
                line -> assertTrue(!list.matcher(line).lookingAt() || LineShape.mayOpenList(line), "LIST matches"));
    }
}
