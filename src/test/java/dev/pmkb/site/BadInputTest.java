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
        assertContains(problems, "bad-yaml.md:2: error: invalid YAML front matter");
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
            assertEquals(List.of("content", "output", "templates"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left");
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
