package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken postmortems are reported by file and line; everything else still bakes. */
class BadInputTest {

    private static final String LIBRARY = """
            -- content/good.md --
            # Good incident

            The checkout service ran out of database connections.
            -- content/bad-header.md --
            title=Bad header
            this line has no equals sign
            ~~~~~~
            # Bad header

            Body of the bad header file.
            -- content/bad-yaml.md --
            ---
            title: [unclosed
            ---
            # Bad YAML

            Body of the bad YAML file.
            -- content/empty.md --
            -- content/same/page.md --
            # One
            -- content/same-page.md --
            # Two
            -- content/notes.html --
            <p>not a postmortem</p>
            """;

    @Test
    void eachProblemNamesItsFileAndLineAndTheRestBakes(@TempDir Path tmp) throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY)
                .withBytes("content/latin1.md", "# Caf\u00e9 outage\n\nThe caf\u00e9 was down.\n".getBytes(StandardCharsets.ISO_8859_1))
                .bake();
        List<String> problems = site.diagnosticLines();
        assertContains(problems, "bad-header.md:2: error: header line is not key=value");
        assertContains(problems, "bad-yaml.md:1: warning: the front matter of lines 1 to 3 is not valid YAML");
        assertContains(problems, "empty.md: error: empty file");
        assertContains(problems, "latin1.md:1: error: invalid UTF-8");
        assertContains(problems, "same/page.md: error: same page incidents/same-page.html as same-page.md");
        assertContains(problems, "notes.html: warning: not baked: pmkb reads postmortems from .md and .markdown files");

        site.assertFile("incidents/good.html", "The checkout service ran out of database connections.");
        site.assertFile("incidents/bad-header.html", "Body of the bad header file.");
        site.assertFile("incidents/bad-yaml.html", "Body of the bad YAML file.");
        site.assertFile("incidents/latin1.html", "Caf\uFFFD outage");
        site.assertFile("incidents/same-page.html", "Two");
        site.assertMissing("incidents/empty.html");
        assertEquals(5, site.report().incidents());
    }

    @Test
    void aPostmortemNestedTooDeepForTheParsersStillGetsItsPage(@TempDir Path tmp) throws Exception {
        String deep = "# Deep quotes\n\nThe quotes below nest too deep.\n\n" + ">".repeat(50_000) + " deepest words\n";
        BakeResult site = SiteFixture.write(tmp, """
                -- content/good.md --
                # Good incident

                The checkout service ran out of database connections.
                """).withBytes("content/deep.md", deep.getBytes(StandardCharsets.UTF_8)).bake();
        assertContains(site.diagnosticLines(), "deep.md: error: this file nests too deeply for pmkb to read its facts");
        site.assertFile("incidents/good.html", "The checkout service ran out of database connections.");
        site.assertFile("incidents/deep.html", "deepest words");
        assertTrue(!site.read("incidents/deep.html").contains("<blockquote"), "shown as written, not as 50,000 quotes");
        assertEquals(2, site.report().incidents());
    }

    @Test
    void oneHostileFileNeverStopsOrStallsTheBake(@TempDir Path tmp) throws Exception {
        StringBuilder deepLists = new StringBuilder("# Deep lists\n\n");
        for (int i = 0; i < 2_000; i++) deepLists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        String longName = "content/" + "very-long-name-".repeat(16) + "x.md";
        BakeResult site = SiteFixture.write(tmp, """
                -- content/good.md --
                # Good incident

                The checkout service ran out of database connections.
                -- content/far-future.md --
                ---
                title: Far future
                date: +999999999-12-31
                ---
                The dates are wrong.
                -- content/huge-year.md --
                ---
                title: Huge year
                date: +1000000-01-01
                ---
                Still wrong.
                -- content/chart-breaker.md --
                ---
                title: Chart breaker
                date: +99999-01-01
                ---
                Still wrong.
                -- content/tagged.md --
                title=Queue <Consumer> group lag
                tags=kafka, consumer lag
                ~~~~~~
                Retries ran 5*60*24 times.
                """).withBytes("content/deep.md", deepLists.toString().getBytes(StandardCharsets.UTF_8))
                .withBytes(longName, "# Long name\n\nA long name.\n".getBytes(StandardCharsets.UTF_8))
                .withBytes("content/nul.md", "# NUL\u0000 bytes\n\nText\u0000 with\u0007 controls.\n".getBytes(StandardCharsets.UTF_8))
                .bake();
        List<String> problems = site.diagnosticLines();
        assertContains(problems, "far-future.md:3: error: date +999999999-12-31 is outside the years 1970 to");
        assertContains(problems, "huge-year.md:3: error: date +1000000-01-01 is outside the years");
        assertContains(problems, "chart-breaker.md:3: error: date +99999-01-01 is outside the years");
        assertContains(problems, "deep.md:1: warning: the Markdown is too deep or too long in one paragraph");
        assertContains(problems, "nul.md:1: warning: 3 control characters (the first U+0000) removed");
        assertEquals(8, site.report().incidents());
        assertTrue(Files.size(site.output().resolve("insights.html")) < 200_000, "the per-month chart stays small");
        site.assertFile("incidents/deep.html", "level 1999");
        site.assertFile("incidents/tagged.html", """
                <h1>Queue &lt;Consumer&gt; group lag</h1>
                <span class="chip chip-keyword">kafka</span>
                <span class="chip chip-keyword">consumer lag</span>
                """);
        assertTrue(problems.stream().noneMatch(l -> l.contains("tagged.md") && l.contains("root-cause tag")), problems.toString());
        assertTrue(!site.read("incidents/nul.html").contains("\u0000"), "no NUL in a page");
        try (Stream<Path> pages = Files.list(site.output().resolve("incidents"))) {
            assertTrue(pages.anyMatch(p -> p.getFileName().toString().startsWith("very-long-name-")
                    && p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length
                    <= dev.pmkb.read.Limits.MAX_ID_BYTES + ".html".length()));
        }
    }

    @Test
    void aFailedBakeLeavesThePreviousSiteUntouched(@TempDir Path tmp) throws Exception {
        SiteFixture fixture = SiteFixture.write(tmp, """
                -- content/a.md --
                # First version
                """);
        BakeResult first = fixture.bake();
        first.assertFile("incidents/a.html", "First version");

        SiteFixture.write(tmp, """
                -- content/a.md --
                # Second version
                -- templates/incident.ftlh --
                <h1>${page.noSuchProperty}</h1>
                """);
        copyBundledTemplatesExceptIncident(tmp);
        BakeFailure failure = assertThrows(BakeFailure.class, fixture::bake);
        assertTrue(failure.getMessage().contains("incident.ftlh"), failure.getMessage());
        first.assertFile("incidents/a.html", "First version");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(".output.search-index", "content", "output", "templates"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder left (the first bake's search index stays beside its site)");
        }
    }

    private static void copyBundledTemplatesExceptIncident(Path site) throws Exception {
        Path bundled = Path.of("templates");
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("incident.ftlh")) {
                    Files.copy(f, site.resolve("templates").resolve(f.getFileName()));
                }
            }
        }
    }

    private static void assertContains(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(expected)), "no '" + expected + "' in " + lines);
    }
}
