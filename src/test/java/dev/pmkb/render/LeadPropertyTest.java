package dev.pmkb.render;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Display#lead} once collapsed the white space of a whole text before taking its first sentence; it now
 * collapses only the start it reads. On any text and length it must give what the whole text gave.
 */
class LeadPropertyTest {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");
    private static final List<String> WORDS = List.of("the cache", "failed", ".", "!", "?", ". ", "a", "ab", "abc",
            "x.", "\u0085", "\u2028", "\r\n", "\u000B", "\f", "\t", " ", "  ", " \n ");

    @Test
    void aLeadIsWhatCollapsingTheWholeTextGave() {
        Property.forAll(4000, random -> List.of(text(random), List.of(String.valueOf(2 + random.nextInt(40)))),
                parts -> {
                    String text = String.join("", parts.get(0));
                    int max = Integer.parseInt(parts.get(1).isEmpty() ? "2" : parts.get(1).getFirst().isEmpty() ? "2"
                            : parts.get(1).getFirst());
                    assertEquals(wholeTextLead(text, Math.max(2, max)), Display.lead(text, Math.max(2, max)));
                }, parts -> Property.show(parts.get(0)) + " at " + parts.get(1));
    }

    private static List<String> text(Random random) {
        return Property.tokens(random, 40, WORDS, WORDS, Tokens.NON_ASCII, Tokens.LINE_BREAKS);
    }

    /** The lead as it was made before. */
    private static String wholeTextLead(String text, int max) {
        String s = SPACES.matcher(text.strip()).replaceAll(" ");
        Matcher end = SENTENCE_END.matcher(s);
        if (end.find() && end.start() + 1 <= max) return s.substring(0, end.start() + 1);
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
