package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Insights that are true: time to detect only where the timeline starts before the detection; the chart over time
 * covers the dense range and names the lone outlier; every chart has its numbers in a table, the new ones too.
 */
class InsightsPageTest {

    @TempDir
    Path tmp;

    @Test
    void chartsTellTheTruthAboutTheLibrary() throws Exception {
        StringBuilder files = new StringBuilder("""
                -- content/later.md --
                ---
                title: Checkout errors after a deploy
                date: 2024-01-15
                ---
                The checkout failed for an hour.

                ## Timeline

                - 10:00 UTC: A deploy went out and checkout errors started.
                - 10:20 UTC: The issue was detected by a monitoring alert.
                - 11:00 UTC: The deploy was rolled back and the checkout recovered.
                -- content/at-once.md --
                ---
                title: Search latency
                date: 2024-02-10
                ---
                Search was slow for 40 minutes.

                ## Timeline

                - 09:00 UTC: The issue was detected by a monitoring alert on search latency.
                - 09:40 UTC: The search cluster was scaled out and latency recovered.
                -- content/old.md --
                ---
                title: Mail queue stuck
                date: 2010-06-01
                ---
                The mail queue was stuck for 3 hours because of a misconfigured nginx upstream.
                """);
        for (int i = 1; i <= 19; i++) {
            files.append(String.format("""
                    -- content/filler-%02d.md --
                    ---
                    title: Gateway outage %d
                    date: 2024-%02d-%02d
                    ---
                    The gateway was down for %d hours.

                    ## Detection

                    Customers reported errors to support first.

                    ## Root cause

                    A misconfigured nginx upstream sent traffic to a dead server.
                    """, i, i, 1 + i % 10, 1 + i, 1 + i % 3));
        }
        BakeResult site = SiteFixture.write(tmp, files.toString()).bake();
        String page = site.read("insights.html");

        // one timeline starts before its detection (20 min); the other starts at it and says nothing
        assertTrue(page.contains("<span class=\"kpi-value\">20 min</span>"), page);
        assertTrue(page.contains("(1 incident whose timeline starts before the detection; 1 more start at it"), page);

        String overTime = section(page, "over-time");
        assertTrue(overTime.contains("Incidents per month"), overTime);
        assertTrue(overTime.contains(">2024</text>") && !overTime.contains("2010</text>"), overTime);
        assertTrue(overTime.contains("Not shown, far from the rest: 1 incident (Jun 2010)."), overTime);

        for (String chart : new String[]{"causes", "durations", "duration-by-cause", "detection-source", "components"}) {
            String section = section(page, chart);
            assertTrue(section.contains("<svg class=\"chart\" viewBox=\"0 0 400 "), chart + ": " + section);
            assertTrue(section.contains("<details class=\"chart-data\">") && section.contains("<table>"), section);
        }
        assertTrue(section(page, "detection-source").contains("Customer report"), section(page, "detection-source"));
        assertTrue(section(page, "components").contains("nginx"), section(page, "components"));
        assertTrue(section(page, "duration-by-cause").contains("<th scope=\"col\">Median</th>"),
                section(page, "duration-by-cause"));
        assertFalse(page.contains("viewBox=\"0 0 640"), "charts drawn for desktops shrink to 6 px text on phones");
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section class=\"insight\" aria-labelledby=\"" + id + "-heading\">");
        assertTrue(start >= 0, "no chart " + id);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
