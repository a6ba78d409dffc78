package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Composed and told-apart titles reach every place a title is shown: the page, lists, the feed, search data. */
class TitlesPageTest {

    @TempDir
    Path tmp;

    @Test
    void composedTitlesAreMarkedAndSharedTitlesToldApartEverywhere() throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/generic.md --
                # Postmortem

                ## Summary

                On March 4, 2024 the whole site was down for all users.

                ## Root cause

                The DNS records pointed to the old load balancer.
                -- content/first.md --
                ---
                title: Checkout down
                date: 2024-05-02
                ---
                The payments API failed.
                -- content/second.md --
                ---
                title: Checkout down
                date: 2024-06-09
                ---
                The payments API failed again.
                -- jbake.properties --
                pmkb.baseUrl=https://example.org/pm/
                """).bake();
        String page = site.read("incidents/generic.html");
        assertTrue(page.contains("<title>DNS outage (March 2024)"), page);
        assertTrue(page.contains("<h1>DNS outage (March 2024)</h1>"), page);
        assertTrue(page.contains("Title composed by pmkb from the facts; the author's heading: <q>Postmortem</q>"), page);
        String home = site.read("index.html");
        assertTrue(home.contains("Checkout down (2 May 2024)") && home.contains("Checkout down (9 June 2024)"), home);
        String feed = site.read("feed.xml");
        assertTrue(feed.contains("Checkout down (9 June 2024)") && feed.contains("DNS outage (March 2024)"), feed);
        assertFalse(site.read("incidents/first.html").contains("title-note"), "an author's title is not marked");
    }
}
