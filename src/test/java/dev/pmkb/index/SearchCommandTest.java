package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.cli.SearchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

    @TempDir
    static Path tmp;
    /** The index lives beside the site, so the site is a folder inside the temporary one. */
    static Path site;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void bake() throws Exception {
        site = tmp.resolve("site");
        SearchIndex.write(Library.incidents(), SearchIndex.besideSite(site));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SearchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonListsHitsInRankOrderWithTheLibraryScores() throws Exception {
        Run run = run("connection pool", "--output", site.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().strip().startsWith("{\"query\":\"connection pool\",\"corrected\":null,")
                && run.out().strip().endsWith("]}"), run.out());
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"url\":\"([^\"]+)\",\"title\":\"([^\"]*)\","
                + "\"score\":([0-9.Ee-]+),\"partial\":false,\"matched\":\\[\"connect\",\"pool\"],\"missing\":\\[]}")
                .matcher(run.out());
        List<Hit> expected;
        try (Searcher searcher = Searcher.open(SearchIndex.besideSite(site))) {
            expected = searcher.search(SearchRequest.of("connection pool"));
        }
        for (Hit hit : expected) {
            assertTrue(m.find(), "missing " + hit.id() + " in " + run.out());
            assertEquals(hit.id(), m.group(1));
            assertEquals(hit.url(), m.group(2));
            assertEquals(hit.title(), m.group(3));
            assertEquals(hit.score(), Float.parseFloat(m.group(4)));
        }
        assertFalse(m.find(), "more objects than hits");
        assertEquals("", run.err());
    }

    @Test
    void causeAndLimitAndPrefix() {
        Run filtered = run("connection", "--output", site.toString(), "--cause", "disk-full", "--json");
        assertEquals(1, filtered.out().split("\"id\"").length - 1, filtered.out());
        assertTrue(filtered.out().contains("\"2022/disk-full\""));
        Run limited = run("pool", "--output", site.toString(), "--limit", "1", "--json");
        assertEquals(1, limited.out().split("\"id\"").length - 1, limited.out());
        Run typed = run("certi", "--output", site.toString(), "--prefix");
        assertEquals(0, typed.exit());
        assertTrue(typed.out().startsWith(" 1. ") || typed.out().startsWith("1. "), typed.out());
        assertTrue(typed.out().contains("incidents/2023-cert-api.html"), typed.out());
    }

    @Test
    void readableListWithoutJson() {
        Run run = run("certificate", "--output", site.toString());
        assertEquals(0, run.exit());
        String[] lines = run.out().split("\\R");
        assertTrue(lines[0].matches("1\\. .*certificate.*"), run.out());
        assertTrue(lines[1].matches("\\s+incidents/\\S+\\.html  \\(score \\d+\\.\\d{3}\\)"), run.out());
    }

    @Test
    void noHitsIsNotAnError() {
        Run run = run("zebra", "--output", site.toString());
        assertEquals(0, run.exit());
        assertEquals("no incidents match zebra", run.out().strip());
        Run json = run("zebra", "--output", site.toString(), "--json");
        assertTrue(json.out().strip().endsWith("\"hits\":[]}"), json.out());
    }

    @Test
    void missingIndexSaysToBake(@TempDir Path empty) {
        Run run = run("pool", "--output", empty.toString());
        assertEquals(1, run.exit());
        assertEquals("no search index in " + empty + ": run 'pmkb bake' first", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void malformedQueryIsAMessageNotAStackTrace() {
        for (String query : List.of("the of and", "   ", "!!!")) {
            Run run = run(query, "--output", site.toString());
            assertEquals(2, run.exit(), query);
            assertTrue(run.err().startsWith("pmkb search: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertEquals(2, run("pool", "--output", site.toString(), "--limit", "0").exit());
        assertEquals(2, run().exit());
    }

    /** The command line is the site's search: typo fallback (from the export's chunks), synonyms, every filter. */
    @Test
    void correctsTyposAppliesSynonymsAndEveryFilterAsTheSiteDoes() throws Exception {
        Path example = dev.pmkb.testing.Shared.exampleSite().output();
        Run typo = run("conection pool", "--output", example.toString(), "--json");
        assertEquals(0, typo.exit(), typo.err());
        assertTrue(typo.out().contains("\"corrected\":\"connection pool\""), typo.out());
        assertTrue(typo.out().contains("checkout-pool-exhaustion"), typo.out());
        Run text = run("conection pool", "--output", example.toString());
        assertTrue(text.out().startsWith("showing results for connection pool"), text.out());
        // a synonym is searched, never corrected: "postgres" finds the PostgreSQL incident
        Run synonym = run("postgresql", "--output", example.toString(), "--json");
        assertTrue(synonym.out().contains("\"corrected\":null"), synonym.out());
        assertTrue(synonym.out().contains("postgres-disk-full-wal"), synonym.out());
        Run all = run("disk", "--output", example.toString(), "--json");
        Run year = run("disk", "--output", example.toString(), "--json", "--year", "2025");
        assertTrue(all.out().contains("2022/postgres-disk-full-wal") && all.out().contains("2025/staging-kafka-disk-full"),
                all.out());
        assertTrue(year.out().contains("2025/staging-kafka-disk-full") && !year.out().contains("\"2022/"), year.out());
        Run unknown = run("disk", "--output", example.toString(), "--impact", "no-such-impact");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no incident has the impact category 'no-such-impact'"), unknown.err());
        Run component = run("disk", "--output", example.toString(), "--json", "--component", "kafka");
        assertTrue(component.out().contains("staging-kafka-disk-full") && !component.out().contains("postgres-disk"),
                component.out());
    }
}
