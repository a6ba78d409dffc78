package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists say what happened: every card has a line from the summary or the cause, and the archive is a plain table
 * grouped by year whose rows carry what the archive's script sorts and filters by.
 */
class ListsThatInformTest {

    @TempDir
    Path tmp;

    /** Three incidents in two years: a story summary, a labelled summary with a cause sentence, and a bare title. */
    static final String LIBRARY = """
            -- content/2024/cache.md --
            ---
            title: Cache cluster out of memory
            date: 2024-03-03
            company: Acme
            ---
            ## Summary

            The cache cluster ran out of memory & every page was slow for an hour. Then it recovered.

            ## Impact

            About 30% of users saw slow pages.

            ## Timeline

            - 10:00 UTC: latency alert fires
            - 12:15 UTC: the cache is resized and latency is back to normal

            ## Root cause

            The root cause was a memory leak in the Redis client library.
            -- content/2024/dns.md --
            ---
            title: DNS records deleted
            date: 2024-01-10
            company: Globex
            ---
            ## Summary

            - Duration: 20 minutes
            - Impact: 100% of users

            ## Root cause

            The root cause was a configuration change that deleted the DNS records of the API.
            -- content/2023/empty.md --
            ---
            title: Something happened
            date: 2023-06-01
            ---
            Nothing more.
            """;

    @Test
    void everyCardSaysWhatHappenedInOneEscapedSentence() throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY).bake();
        Document home = Jsoup.parse(site.read("index.html"));
        assertEquals("The cache cluster ran out of memory & every page was slow for an hour.",
                card(home, "Cache cluster out of memory").selectFirst(".card-summary").text(), "the summary's first sentence");
        assertTrue(site.read("index.html").contains("memory &amp; every page"), "escaped");
        assertEquals("The root cause was a configuration change that deleted the DNS records of the API.",
                card(home, "DNS records deleted").selectFirst(".card-summary").text(), "labelled facts: the cause sentence");
        assertNull(card(home, "Something happened").selectFirst(".card-summary"), "nothing said, nothing shown");
        Document cause = Jsoup.parse(site.read("causes/config-change.html"));
        assertNotNull(card(cause, "DNS records deleted").selectFirst(".card-summary"), "cause pages' cards too");
        assertEquals("../archive.html?cause=config-change", cause.selectFirst(".stats a").attr("href"));
    }

    @Test
    void theArchiveIsATableGroupedByYearWithWhatItSortsAndFiltersBy() throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY).bake();
        Document archive = Jsoup.parse(site.read("archive.html"));
        List<Element> years = archive.select("#incident-table tbody.year-group");
        assertEquals(List.of("2024", "2023"), years.stream().map(y -> y.attr("data-year")).toList());
        assertEquals(List.of("Date", "Incident", "Duration", "Users Affected", "Root causes", "Organisation"),
                archive.select("#incident-table thead th").eachText());
        Element cache = row(archive, "Cache cluster out of memory");
        assertEquals("2024-03-03", cache.selectFirst("time").attr("datetime"));
        assertEquals("135", cache.attr("data-duration"));
        assertEquals("30", cache.attr("data-share"));
        assertTrue(cache.attr("data-cause").contains("resource-leak"), cache.attr("data-cause"));
        assertEquals("acme", cache.attr("data-organisation"));
        assertEquals("2 h 15 min", cache.selectFirst(".cell-duration").ownText());
        assertEquals("The cache cluster ran out of memory & every page was slow for an hour.",
                cache.selectFirst(".row-summary").text());
        assertEquals("organisations/acme.html", cache.selectFirst(".cell-organisation a").attr("href"));
        Element empty = row(archive, "Something happened");
        assertEquals("", empty.attr("data-duration"), "unknown stays empty, so it sorts last");

        Element filters = archive.getElementById("archive-filters");
        assertTrue(filters.hasAttr("hidden"), "without the script there is nothing to filter with");
        assertEquals(List.of("cause", "year", "component", "organisation"), filters.select("select").eachAttr("name"));
        assertEquals(List.of("All", "2024 (2)", "2023 (1)"), filters.select("select[name=year] option").eachText());
        assertEquals(List.of("All", "Acme (1)", "Globex (1)"), filters.select("select[name=organisation] option").eachText());
        assertEquals("js/archive.js", archive.selectFirst("main script[type=module]").attr("src"));
        assertTrue(archive.select("script:not([src])").isEmpty(), "no inline script: the CSP allows none");
    }

    @Test
    void withOneOrganisationTheTableHasNoOrganisationColumn() throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY.replace("company: Globex", "company: Acme")).bake();
        Document archive = Jsoup.parse(site.read("archive.html"));
        assertEquals(List.of("Date", "Incident", "Duration", "Users Affected", "Root causes"),
                archive.select("#incident-table thead th").eachText());
        assertTrue(archive.select("select[name=organisation]").isEmpty());
        assertEquals("5", archive.selectFirst(".year-row th").attr("colspan"));
    }

    private static Element card(Document page, String title) {
        for (Element card : page.select(".incident-card")) {
            if (card.selectFirst(".incident-title").text().equals(title)) return card;
        }
        throw new AssertionError("no card " + title + " in\n" + page.select(".incident-list").outerHtml());
    }

    private static Element row(Document archive, String title) {
        for (Element row : archive.select("#incident-table tr:not(.year-row)")) {
            Element link = row.selectFirst(".cell-title a");
            if (link != null && link.text().equals(title)) return row;
        }
        throw new AssertionError("no row " + title);
    }
}
