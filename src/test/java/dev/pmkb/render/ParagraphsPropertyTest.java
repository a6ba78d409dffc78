package dev.pmkb.render;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SitePlanner#paragraphs} once split a text at the regex {@code \n\s*\n} and joined each paragraph's lines at
 * {@code \s*\n\s*}; it now does both by hand, since every page model of a rebake is built. On any text it must give
 * what the regexes gave.
 */
class ParagraphsPropertyTest {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");
    private static final List<String> BLANKS = List.of("\n", "\n\n", "\n \n", "\n\t\n", " \n\r\n", "\n\u000B\n",
            "\n\f \n\n", "\u00a0\n\n", "\n\u2028\n", "\r\n\r\n", "  ", "\t", " \n ", "\u000B", "\f");
    /** Line starts that make a paragraph read as written a line at a time, and prose that does not. */
    private static final List<String> LINES = List.of("10:05 deploy started", "- checked the logs", "Impact: ",
            "1. Rolled back", "a sentence of forty characters or so here", "the load balancer", "Fixed.", "x");

    @Test
    void paragraphsAreWhatTheRegexesGave() {
        Property.forAllTexts(4000, ParagraphsPropertyTest::text, text -> assertEquals(byRegex(text),
                SitePlanner.paragraphs(text), () -> Property.literal(text)));
    }

    @Test
    void aParagraphWrittenALineAtATimeKeepsItsLinesAndWrappedProseIsJoined() {
        assertEquals(List.of("10:05 deploy started\n10:30 rolled back\n10:45 fixed", "the load balancer ran out of ports"),
                SitePlanner.paragraphs(" 10:05 deploy started\n10:30 rolled back\n10:45 fixed\n \t\n\nthe load balancer \n"
                        + "  ran out of ports\n"));
    }

    private static List<String> text(Random random) {
        return Property.tokens(random, 40, BLANKS, LINES, LINES, Tokens.NON_ASCII, Tokens.LINE_BREAKS);
    }

    /** The paragraphs as the regexes made them. */
    private static List<String> byRegex(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(BLANK_LINE.split(text.strip())).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> WrittenLines.writtenAsLines(p) ? p : LINE_BREAK.matcher(p).replaceAll(" ")).toList();
    }
}
