package dev.pmkb.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.Shared;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled example library, baked once, read as a reader would. */
class ExampleSiteTest {

    private final BakeResult site = Shared.exampleSite();

    private Document html(String path) {
        return Jsoup.parse(site.read(path));
    }

    private List<String> incidentPages() throws IOException {
        try (Stream<Path> files = Files.list(site.output().resolve("incidents"))) {
            return files.map(f -> "incidents/" + f.getFileName()).sorted().toList();
        }
    }

    @Test
    void everyPublishedPostmortemHasAPageWithItsTitleAndText() throws IOException {
        Path content = Shared.exampleLibrary().resolve("content");
        int published = 0;
        for (Path file : ContentFolder.scan(content).postmortems()) {
            SourceDocument doc = SourceReader.read(content, file);
            String id = doc.source().replaceAll("\\.md$", "").replace('/', '-');
            String page = "incidents/" + id + ".html";
            boolean draft = doc.frontMatter().text("status").filter("draft"::equals).isPresent();
            if (draft) {
                site.assertMissing(page);
                continue;
            }
            published++;
            Document html = html(page);
            String h1 = html.selectFirst("h1").text();
            assertFalse(h1.isBlank(), page + " has no title");
            assertTrue(html.title().startsWith(h1), page + ": <title> should start with the h1");
            doc.frontMatter().text("title").ifPresent(t -> assertEquals(t, h1, page + ": the header title as written"));
            String aSentence = firstProseLine(doc.markdown());
            assertTrue(html.selectFirst(".prose").text().contains(aSentence),
                    page + " should show the write-up, e.g. '" + aSentence + "'");
        }
        assertEquals(published, incidentPages().size(), "one page per published postmortem");
        assertEquals(published, site.report().incidents());
        assertTrue(published >= 12, "the example library holds at least 12 postmortems");
    }

    /** A line of plain prose from the Markdown, as the page shows it as text. */
    private static String firstProseLine(String markdown) {
        return markdown.lines().map(String::strip)
                .filter(l -> l.matches("[A-Z][^*\\[\\]<>_|#~]{40,}"))
                .map(l -> l.replace("`", "").substring(0, 30))
                .findFirst().orElseThrow(() -> new AssertionError("no prose line in " + markdown));
    }

    /** A relative link of the page at {@code from} as a path from the site root. */
    static String resolve(String from, String href) {
        return java.net.URI.create("https://site.invalid/" + from).resolve(href).getPath().substring(1);
    }

    @Test
    void homePageListsIncidentsNewestFirst() {
        Document home = html("index.html");
        List<String> dates = home.select(".incident-card time").eachAttr("datetime");
        assertTrue(dates.size() >= 10, "home lists the newest incidents");
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates);
        assertEquals(String.valueOf(site.report().incidents()), home.selectFirst(".kpis .kpi-value").text());
    }

    @Test
    void previousAndNextLinksWalkEveryIncidentInDateOrder() throws IOException {
        String newest = html("index.html").selectFirst(".incident-card a.incident-title").attr("href");
        List<String> walked = new ArrayList<>();
        String page = newest;
        String cameFrom = null;
        while (page != null) {
            assertFalse(walked.contains(page), "prev links loop at " + page);
            walked.add(page);
            Document html = html(page);
            Element next = html.selectFirst("a[rel=next]");
            if (cameFrom == null) assertEquals(null, next, "the newest incident has no newer one");
            else assertEquals(cameFrom, "incidents/" + next.attr("href").replace("../incidents/", ""));
            Element prev = html.selectFirst("a[rel=prev]");
            cameFrom = page;
            page = prev == null ? null : "incidents/" + prev.attr("href").replace("../incidents/", "");
        }
        assertEquals(new HashSet<>(incidentPages()), new HashSet<>(walked), "the chain visits every incident once");
        List<String> dates = walked.stream().map(p -> html(p).selectFirst(".eyebrow time")).filter(t -> t != null)
                .map(t -> t.attr("datetime")).toList();
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates, "older links go back in time");
    }

    @Test
    void causePagesListExactlyTheIncidentsTaggedWithThem() throws IOException {
        Document index = html("causes/index.html");
        List<Element> causes = index.select("ul.counts a");
        assertFalse(causes.isEmpty());
        for (Element cause : causes) {
            String causePage = resolve("causes/index.html", cause.attr("href"));
            Set<String> listed = new HashSet<>();
            for (String href : html(causePage).select(".incident-card a.incident-title").eachAttr("href")) {
                listed.add(resolve(causePage, href));
            }
            Set<String> tagged = new HashSet<>();
            for (String incident : incidentPages()) {
                if (!html(incident).select(".incident-header a.chip[href=../" + causePage + "]").isEmpty()) {
                    tagged.add(incident);
                }
            }
            assertEquals(tagged, listed, causePage);
            String count = cause.parent().selectFirst(".count").text();
            assertTrue(count.startsWith(listed.size() + " incident"), causePage + " count " + count);
        }
    }

    @Test
    void archiveGroupsEveryIncidentUnderItsYear() throws IOException {
        Document archive = html("archive.html");
        List<String> links = new ArrayList<>();
        for (Element year : archive.select("#incident-table tbody.year-group")) {
            String heading = year.selectFirst(".year-row th").ownText().strip();
            for (Element row : year.select("tr:not(.year-row)")) {
                links.add(row.selectFirst(".cell-title a").attr("href"));
                Element time = row.selectFirst("time");
                if (time != null) assertTrue(time.attr("datetime").startsWith(heading), heading + " holds " + time);
            }
        }
        assertEquals(incidentPages().size(), links.size());
        assertEquals(incidentPages().size(), new HashSet<>(links).size());
    }

    @Test
    void feedAndSitemapUseTheBaseUrlOnlyThere() {
        Document feed = Jsoup.parse(site.read("feed.xml"), Parser.xmlParser());
        List<Element> entries = feed.select("entry");
        assertFalse(entries.isEmpty());
        for (Element e : entries) {
            String href = e.selectFirst("link").attr("href");
            assertTrue(href.startsWith("https://example.github.io/repo/incidents/"), href);
            assertTrue(Files.exists(site.output().resolve(href.substring("https://example.github.io/repo/".length()))));
        }
        // a postmortem's authors and root causes go with its entry, as feed readers show them
        Element leaked = entries.stream().filter(e -> e.selectFirst("title").text().startsWith("AWS access key leaked"))
                .findFirst().orElseThrow();
        assertEquals(List.of("Priya Natarajan", "Tom Becker"), leaked.select("author > name").eachText());
        assertEquals(List.of("Security"), leaked.select("category").eachAttr("term"));
        Document sitemap = Jsoup.parse(site.read("sitemap.xml"), Parser.xmlParser());
        for (Element loc : sitemap.select("loc")) {
            assertTrue(loc.text().startsWith("https://example.github.io/repo/"), loc.text());
        }
        assertTrue(sitemap.select("loc").size() > incidentCount());
        assertFalse(site.read("index.html").contains("example.github.io"), "pages link relatively");
        site.assertFile("robots.txt", "Sitemap: https://example.github.io/repo/sitemap.xml");
    }

    private int incidentCount() {
        return site.report().incidents();
    }

    @Test
    void githubPagesFilesAreThere() {
        site.assertExists(".nojekyll").assertExists("404.html").assertExists("css/pmkb.css");
        site.assertFile("404.html", """
                Page not found
                <link rel="stylesheet" href="/repo/css/pmkb.css">
                <a href="/repo/archive.html">
                """);
    }

    @Test
    void incidentsJsonListsEveryIncidentWithItsSource() throws IOException {
        JsonNode json = new ObjectMapper().readTree(site.read("incidents.json"));
        assertEquals("pmkb/incidents@1", json.get("schema").asText());
        JsonNode incidents = json.get("incidents");
        assertEquals(incidentCount(), incidents.size());
        for (JsonNode i : incidents) {
            assertTrue(Files.exists(Shared.exampleLibrary().resolve("content").resolve(i.get("source").asText())));
            assertTrue(Files.exists(site.output().resolve(i.get("url").asText())));
            assertNotNull(i.get("related"));
        }
    }

    @Test
    void nothingAnAuthorWroteRunsInTheReadersBrowser() {
        Document page = html("incidents/2025-hostile-input-test.html");
        for (Element script : page.select("script")) {
            assertTrue(script.data().isBlank(), "no inline script: " + script);
            assertTrue(script.attr("src").startsWith("../js/"), "only pmkb's own scripts: " + script);
        }
        assertTrue(page.select("[onerror], [onload], [onclick]").isEmpty(), "no event handler attributes");
        assertTrue(page.select("a[href^=javascript]").isEmpty(), "no javascript: links");
        assertTrue(page.selectFirst("h1").text().contains("status page"));
        assertFalse(page.selectFirst("h1").html().contains("<b>"), "markup in a title is text, not HTML");
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(page.selectFirst(".prose").text().contains("<script>alert('x')</script>"),
                "code spans show the payload as text");
    }

    @Test
    void timelineTimesReadInTheFactsCardsTwentyFourHourForm() throws IOException {
        Document page = html("incidents/2022-api-cert-expiry.html"); // written "10:00 AM: …", "12:30 PM …"
        assertTrue(page.selectFirst(".facts").text().contains("10:00 EST"), page.selectFirst(".facts").text());
        List<String> times = page.select(".timeline .event-time").eachText();
        assertTrue(times.getFirst().endsWith("10:00 EST"), times.toString());
        for (String p : incidentPages()) {
            for (String time : html(p).select(".timeline .event-time").eachText()) {
                assertFalse(time.matches("(?i).*\\d\\s*[ap]\\.?m\\b.*"), p + ": " + time);
            }
        }
    }

    @Test
    void thePublishedExampleShowsNoTestFixture() throws IOException {
        Path fixtures = Shared.repository().resolve("src/test/resources/fixtures/content");
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path fixture : files.filter(Files::isRegularFile).toList()) {
                String name = fixtures.relativize(fixture).toString();
                assertFalse(Files.exists(Shared.repository().resolve("content").resolve(name)), name);
                assertFalse(Files.exists(Shared.publishedExampleLibrary().resolve("content").resolve(name)), name);
                assertTrue(Files.exists(Shared.exampleLibrary().resolve("content").resolve(name)), "the tests bake " + name);
            }
        }
    }
}
