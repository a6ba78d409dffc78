package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.site.SiteConfig.Overrides;
import dev.pmkb.testing.Shared;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real postmortems from ../shared, baked with --content and the bundled templates. */
class SeedsAndCorpusTest {

    @Test
    void eachSeedBakesIntoAPageWithItsTitleAndText(@TempDir Path tmp) throws Exception {
        Path seeds = Shared.sharedFolder("seeds");
        Path content = Files.createDirectories(tmp.resolve("postmortems"));
        List<Path> files;
        try (Stream<Path> s = Files.list(seeds)) {
            files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            Files.copy(f, content.resolve(f.getFileName().toString().replace(".txt", ".md")));
        }
        BakeReport report = Bake.run(SiteConfig.load(tmp,
                new Overrides(content, tmp.resolve("site"), null, false)));
        assertEquals(files.size(), report.incidents());
        java.util.Map<String, String> urlOfSource = new java.util.HashMap<>();
        for (var incident : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report.output().resolve("incidents.json").toFile()).get("incidents")) {
            urlOfSource.put(incident.get("source").asText(), incident.get("url").asText());
        }
        java.util.Set<String> headings = new java.util.HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".txt", "");
            Document page = Jsoup.parse(report.output().resolve(urlOfSource.get(name + ".md")));
            // Five "Web Stack Outage" write-ups: each is listed under a title of its own, the author's heading
            // still shown beside a title pmkb composed.
            String heading = page.selectFirst("h1").text();
            org.jsoup.nodes.Element note = page.selectFirst(".title-note");
            assertTrue((heading + " " + (note == null ? "" : note.text())).toLowerCase().contains("outage"),
                    name + ": " + page.title());
            assertTrue(headings.add(heading), "two seeds are listed as " + heading);
            String seedText = Files.readString(f);
            assertTrue(page.selectFirst(".prose").text().contains("connection"), name + " shows its write-up");
            assertTrue(seedText.toLowerCase().contains("connection"));
        }
    }

    @Test
    void theWholeAlxCorpusBakesOnePagePerFile() throws Exception {
        Path corpus = Shared.sharedFolder("corpus/alx");
        long files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(f -> f.toString().endsWith(".md")).count();
        }
        BakeReport report = Shared.corpusSite().report();
        assertEquals(files, report.incidents(), "no postmortem lost");
        try (Stream<Path> pages = Files.list(report.output().resolve("incidents"))) {
            assertEquals(files, pages.count());
        }
        List<String> lost = report.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .filter(d -> d.contains("not baked")).toList();
        assertEquals(List.of(), lost);
        assertFalse(Files.readString(report.output().resolve("index.html")).isBlank());
        assertEquals(List.of(), gapsShownBadly(report.output()));
    }

    /**
     * The corpus as a reader meets it (issue 13): 13 write-ups used to show one paragraph of over 1,200 characters
     * because their authors wrote a line at a time, 17 timelines began with "All times in UTC" as an action, and
     * timelines said "08:30 AM" beside the facts card's "08:30".
     */
    @Test
    void theCorpusReadsAsItsAuthorsWroteIt() throws IOException {
        BakeReport report = Shared.corpusSite().report();
        List<String> problems = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(report.output().resolve("incidents"))) {
            for (Path page : files.sorted().toList()) {
                Document html = Jsoup.parse(page);
                String where = page.getFileName().toString();
                for (var p : html.select(".prose p")) {
                    boolean oneWrittenLine = p.wholeText().strip().indexOf('\n') < 0 && p.select("br").isEmpty();
                    if (p.text().length() > 1200 && !oneWrittenLine && p.select(".line").isEmpty()) {
                        problems.add(where + ": a wall of " + p.text().length() + " characters written in lines");
                    }
                }
                for (var row : html.select(".timeline .event")) {
                    String text = row.selectFirst(".event-text").text();
                    if (text.matches("(?i).*\\b(all times|all timestamps|timezone)\\b.*") && text.length() < 40) {
                        problems.add(where + ": zone line as an entry: " + text);
                    }
                    String time = row.selectFirst(".event-time").text();
                    if (time.matches("(?i).*\\d\\s*[ap]\\.?m\\b.*")) problems.add(where + ": 12-hour time " + time);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Pages of postmortems that leave facts out must say less, not show holes: no "null", "NaN" or
     * "undefined", no empty fact boxes, list items or headings, no chart without bars.
     */
    static List<String> gapsShownBadly(Path site) throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            Document html = Jsoup.parse(page);
            String where = site.relativize(page).toString();
            String text = html.select("main").text();
            if (text.matches("(?s).*\\b(null|NaN|undefined)\\b.*") && !html.select(".prose").text().matches("(?s).*\\b(null|NaN|undefined)\\b.*")) {
                problems.add(where + ": shows null/NaN/undefined");
            }
            for (var el : html.select("main dd, main li, main h1, main h2, main .chip, main td")) {
                boolean authors = !el.parents().select(".prose").isEmpty();
                if (!authors && el.text().isBlank() && el.select("img, svg, input").isEmpty()) {
                    problems.add(where + ": empty " + el.tagName());
                }
            }
            for (var chart : html.select("svg.chart")) {
                if (chart.select("rect").isEmpty()) problems.add(where + ": chart without bars " + chart.id());
            }
        }
        return problems;
    }

    @Test
    void bakingIntoAFolderWithTheContentIsStillOneSite(@TempDir Path tmp) throws IOException {
        // A site and its output can share a parent: the staging folder is created beside the output, hidden.
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("a.md"), "# A\n\nText.\n");
        assertDoesNotThrowBake(tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(".output.search-index", "content", "output"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging or old folders left behind, only the site and its search index");
        }
    }

    private static void assertDoesNotThrowBake(Path site) {
        try {
            Bake.run(SiteConfig.load(site, Overrides.NONE));
            Bake.run(SiteConfig.load(site, Overrides.NONE));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
