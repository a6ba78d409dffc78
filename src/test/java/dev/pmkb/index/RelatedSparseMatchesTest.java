package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying a pattern only where it can start finds what {@link Matcher#find()} finds, for relating's patterns. */
class RelatedSparseMatchesTest {

    private static List<String> everywhere(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) out.add(m.start() + "-" + m.end());
        return out;
    }

    private static List<String> sparse(Pattern pattern, String text, IntUnaryOperator nextStart) {
        List<String> out = new ArrayList<>();
        SparseMatches m = new SparseMatches(pattern, text, nextStart);
        while (m.find()) out.add(m.start() + "-" + m.end());
        return out;
    }

    private static void assertSameMatches(String text) {
        assertEquals(everywhere(RelatedIncidents.REFERENCE_CUE, text), sparse(RelatedIncidents.REFERENCE_CUE, text,
                SparseMatches.near(text, RelatedIncidents.CUE_REACH, "post", "incident", "write", "rca")), text);
        assertEquals(everywhere(RelatedIncidents.MARKDOWN_EXTENSION, text),
                sparse(RelatedIncidents.MARKDOWN_EXTENSION, text, from -> text.indexOf('.', from)), text);
    }

    @Test
    void findsTheCuesAndLinksFindFinds() {
        assertSameMatches("The pipeline reverted it (see separate post-mortem). See [the other](../2023/db-pool.md).");
        assertSameMatches("Follow-up: as the previous RCA said, another write up; related incident reports. x.MD.md");
        assertSameMatches("seeing posts; SEE POSTMORTEMS; separate, longer, than forty characters of words, postmortem");
        assertSameMatches("no cue here at all");
        assertSameMatches("");
    }

    @Test
    void findsWhatFindFindsInRandomText() {
        String[] pieces = {"see ", "See", "separate ", "previous", "follow-up ", "follow up", "related", "prior ",
            "post-mortem", "Postmortems", "incident report", "incident reports", "write-up", "WRITE UPS", "RCA", "rcas",
            ".", "\n", " ", "word ", "a longer stretch of several words ", ".md", ".markdown", ".MD.", "file", "_",
            "posted", "writers", "K", "\u212A", "é"};
        SplittableRandom random = new SplittableRandom(15);
        for (int text = 0; text < 5_000; text++) {
            StringBuilder out = new StringBuilder();
            int length = random.nextInt(1, 40);
            for (int i = 0; i < length; i++) out.append(pieces[random.nextInt(pieces.length)]);
            assertSameMatches(out.toString());
        }
    }
}
