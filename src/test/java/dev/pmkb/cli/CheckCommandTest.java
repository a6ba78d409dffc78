package dev.pmkb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    private static final String GOOD = """
            ---
            title: Search latency
            ---
            ## Issue Summary
            Search was slow for 25% of users.

            - Start: 2024-04-02 10:00 UTC
            - End: 2024-04-02 10:40 UTC

            ## Impact
            25% of users saw search results after more than 5 seconds.

            ## Timeline
            - 10:00 UTC: Latency alert fired.
            - 10:40 UTC: Index rebuilt, latency back to normal.

            ## Root Cause
            A missing index after the schema migration caused full table scans.

            ## Action Items
            - [ ] Check indexes in migration review
            """;

    private static final String BAD = """
            ---
            title: Broken
            date: 2024-02-31
            ---
            Something happened at some point.
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new CheckCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path content(boolean withBad) throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("incidents"));
        Files.writeString(content.resolve("incidents/search-latency.md"), GOOD);
        if (withBad) Files.writeString(content.resolve("incidents/broken.md"), BAD);
        return content;
    }

    @Test
    void cleanLibraryExitsZero() throws IOException {
        Path content = content(false);
        Run r = run("--content", content.toString(), "--strict");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1 postmortem checked: 0 errors, 0 warnings"), r.out());
    }

    @Test
    void errorsFailWithCompilerStyleLines() throws IOException {
        Path content = content(true);
        Run r = run("--content", content.toString());
        assertEquals(1, r.exit(), r.out());
        String prefix = content.toString().replace('\\', '/') + "/incidents/broken.md";
        assertTrue(r.out().contains(prefix + ":3: error: invalid date \"2024-02-31\""), r.out());
        assertTrue(r.out().contains(prefix + ":1: warning: no root cause"), r.out());
    }

    @Test
    void warningsFailOnlyWithStrict() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("thin.md"), "# Thin\nThe site was down. We restarted it.\n");
        assertEquals(0, run("--content", content.toString()).exit());
        assertEquals(1, run("--content", content.toString(), "--strict").exit());
    }

    @Test
    void githubAnnotations() throws IOException {
        Path content = content(true);
        Run r = run("--content", content.toString(), "--format", "github");
        assertEquals(1, r.exit());
        String file = content.toString().replace('\\', '/') + "/incidents/broken.md";
        String escaped = file.replace(":", "%3A").replace(",", "%2C");
        assertTrue(r.out().contains("::error file=" + escaped + ",line=3::invalid date"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("::")), r.out());
    }

    @Test
    void reportPrintsCoverage() throws IOException {
        Path content = content(true);
        Run r = run("--content", content.toString(), "--report");
        assertTrue(r.out().contains("Coverage of 2 postmortems"), r.out());
        assertTrue(r.out().contains("root cause"), r.out());
    }

    @Test
    void explainPrintsEachCauseTagWithItsSentence() throws IOException {
        Path content = content(true);
        Run r = run("--content", content.toString(), "--explain", content.resolve("incidents/search-latency.md").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"Search latency\": causes read from the text"), r.out());
        assertTrue(r.out().contains("  inefficient-query (primary): \"A missing index after the schema migration caused"
                + " full table scans.\""), r.out());
        Run other = run("--content", content.toString(), "--explain", dir.resolve("elsewhere.md").toString());
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("is not a postmortem in"), other.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("--format", "xml").exit());
        Run missing = run("--content", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("content folder not found"), missing.err());
        assertFalse(missing.err().isBlank());
    }
}
