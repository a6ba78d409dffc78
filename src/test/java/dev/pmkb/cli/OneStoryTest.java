package dev.pmkb.cli;

import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.pmkb.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bake} and {@code check} tell an author the same story: the same problems, paths and lines. */
class OneStoryTest {

    private static final String LIBRARY = """
            -- content/2024/complete.md --
            ---
            title: Search latency
            ---
            ## Issue Summary
            Search was slow for 25% of users.

            - Start: 2024-04-02 10:00 UTC
            - End: 2024-04-02 10:40 UTC

            ## Root Cause
            A missing index after the schema migration caused full table scans. See [the graph](graph.png).

            ## Action Items
            - [ ] Check indexes in migration review
            -- content/2024/thin.md --
            # Thin
            The site was down. We restarted it.
            -- content/2024/broken.md --
            ---
            title: Broken
            date: 2024-02-31
            ---
            Something happened at some point.
            -- content/notes.txt --
            not a postmortem
            """;

    private static final Pattern BAKE_COUNTS = Pattern.compile("(\\d+) errors?, (\\d+) warnings? in the postmortems");
    private static final Pattern CHECK_COUNTS = Pattern.compile("postmortems? checked: (\\d+) errors?, (\\d+) warnings?");

    private static List<Integer> counts(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), text);
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Test
    void bakeAndCheckCountTheSameProblems(@TempDir Path tmp) {
        SiteFixture.write(tmp, LIBRARY);
        CliTest.Run bake = run("bake", "--site", tmp.toString());
        CliTest.Run check = run("check", "--site", tmp.toString());
        assertEquals(counts(BAKE_COUNTS, bake.out()), counts(CHECK_COUNTS, check.out()), bake.out() + "\n" + check.out());
        CliTest.Run report = run("check", "--site", tmp.toString(), "--report");
        assertEquals(counts(BAKE_COUNTS, bake.out()), counts(Pattern.compile("Diagnostics: (\\d+) errors?, (\\d+) warnings?"),
                report.out()), "the coverage report counts the same: " + report.out());
        assertTrue(check.out().contains("content/2024/complete.md:11: warning: link to 'graph.png' points at nothing"),
                "the broken link a bake finds, check finds: " + check.out());
        assertTrue(check.out().contains("content/notes.txt: warning: not baked"), check.out());
        assertTrue(bake.out().contains("'pmkb check --site " + tmp + "' lists them"), bake.out());
        assertTrue(bake.err().contains(tmp + "/content/2024/broken.md:3: error: invalid date"), "from the site typed: "
                + bake.err());
        assertTrue(check.out().contains(tmp + "/content/2024/broken.md:3: error: invalid date"), check.out());
    }

    @Test
    void theHintRepeatsTheFoldersBakedAndPathsAreShownAsTyped(@TempDir Path tmp) {
        SiteFixture.write(tmp, LIBRARY);
        String typed = tmp + "/./content/";
        CliTest.Run bake = run("bake", "--site", tmp.toString(), "--content", typed, "--output", tmp + "/site");
        assertTrue(bake.out().contains("lists them") && bake.out().contains(" --content " + tmp + "/./content'"), bake.out());
        assertTrue(bake.err().contains(typed + "2024/broken.md:3: error: invalid date"), bake.err());
        CliTest.Run check = run("check", "--site", tmp.toString(), "--content", typed);
        assertTrue(check.out().contains(typed + "2024/broken.md:3: error: invalid date"), check.out());
    }

    @Test
    void checkOfGivenFilesReportsOnlyThem(@TempDir Path tmp) {
        SiteFixture.write(tmp, LIBRARY);
        String thin = tmp.resolve("content/2024/thin.md").toString();
        CliTest.Run check = run("check", "--site", tmp.toString(), thin);
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains(thin + ":1: warning: no root cause"), check.out());
        assertFalse(check.out().contains("broken.md"), check.out());
        assertTrue(check.out().contains("1 postmortem checked: 0 errors, "), check.out());
        assertEquals(1, run("check", "--site", tmp.toString(), tmp.resolve("content/2024/broken.md").toString()).exit());
        CliTest.Run outside = run("check", "--site", tmp.toString(), tmp.resolve("content/notes.txt").toString());
        assertEquals(2, outside.exit(), outside.out());
    }

    @Test
    void strictMeansAnyProblemForBothCommands(@TempDir Path tmp) {
        SiteFixture.write(tmp, """
                -- content/thin.md --
                # Thin
                The site was down. We restarted it.
                """);
        assertEquals(0, run("bake", "--site", tmp.toString()).exit());
        assertEquals(0, run("check", "--site", tmp.toString()).exit());
        assertEquals(1, run("bake", "--site", tmp.toString(), "--strict").exit(), "warnings fail a strict bake");
        assertEquals(1, run("check", "--site", tmp.toString(), "--strict").exit(), "as they fail a strict check");
    }

    @Test
    void githubAnnotationsEndWithASummary(@TempDir Path tmp) {
        SiteFixture.write(tmp, LIBRARY);
        CliTest.Run check = run("check", "--site", tmp.toString(), "--format", "github");
        List<String> lines = check.out().lines().toList();
        assertTrue(lines.size() > 10, "more annotations than GitHub shows: " + check.out());
        assertTrue(lines.get(lines.size() - 1).matches("::notice title=pmkb check::3 postmortems checked: 1 error, \\d+ warnings"),
                lines.get(lines.size() - 1));
    }

    @Test
    void controlCharactersFromContentAreEscaped(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, "-- content/x.md --\n# x\n");
        Files.writeString(tmp.resolve("content/red\u001b[31m.md"), "---\ntitle: A\ndate: 2024-02-31\n---\nText.\n");
        CliTest.Run check = run("check", "--site", tmp.toString());
        CliTest.Run bake = run("bake", "--site", tmp.toString());
        for (String out : new String[]{check.out(), bake.err()}) {
            assertFalse(out.contains("\u001b"), out);
            assertTrue(out.contains("red\\u001b[31m.md:3: error: invalid date"), out);
        }
    }

    @Test
    void ioReasonsAreWords() {
        assertEquals("permission denied", Terminal.reason(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("no such file or folder", Terminal.reason(new java.nio.file.NoSuchFileException("/x")));
        assertEquals("cannot write /site/output: permission denied", Terminal.withReason(new dev.pmkb.site.BakeFailure(
                "cannot write /site/output", new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/site/output")))));
    }
}
