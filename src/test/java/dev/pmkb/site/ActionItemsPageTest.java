package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Action items as teams track them: a check box has a status, a plain bullet does not; only tracked tasks can be
 * open, on the home page too; the actions page groups by theme, then by incident under its readable title.
 */
class ActionItemsPageTest {

    @TempDir
    Path tmp;

    @Test
    void onlyTrackedTasksAreOpenAndTasksAreGroupedByThemeAndIncident() throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/tracked.md --
                ---
                title: Checkout down
                date: 2024-05-02
                ---
                The payments API failed for an hour.

                ## Action items

                - [ ] Add an alert on payment errors
                - [x] Add an alert on queue depth
                - Review the alerting runbook
                -- content/generic.md --
                # Post-Mortem Report

                ## Summary

                On March 4, 2024 the whole site was down for all users.

                ## Root cause

                The DNS records pointed to the old load balancer.

                ## Corrective and preventative measures

                - Add an alert on DNS record changes
                - Add monitoring of the load balancer health checks
                """).bake();
        String home = site.read("index.html");
        assertTrue(Pattern.compile("kpi-value\">1</span><span class=\"kpi-label\"><a href=\"actions.html\">open action items")
                .matcher(home).find(), home);

        String actions = site.read("actions.html");
        assertTrue(actions.contains("<span class=\"kpi-value\">1</span><span class=\"kpi-label\">open"), actions);
        assertTrue(actions.contains("<span class=\"kpi-value\">3</span><span class=\"kpi-label\">untracked"), actions);
        // the generic title is never shown: the incident is listed under the title the site gives it
        String composed = h1(site.read("incidents/generic.html"));
        assertFalse(composed.contains("Post-Mortem Report"), composed);
        assertFalse(actions.contains(">Post-Mortem Report<"), actions);
        assertTrue(actions.contains("<h3><a href=\"incidents/generic.html\">" + composed + "</a>"), actions);
        // within a theme, each incident's tasks: the check boxes with their status, the bullets without one
        String alerting = actions.substring(actions.indexOf("<section class=\"action-theme\" aria-labelledby=\"alerting\""));
        alerting = alerting.substring(0, alerting.indexOf("</section>"));
        assertTrue(alerting.indexOf("incidents/tracked.html") < alerting.indexOf("incidents/generic.html"), alerting);
        assertTrue(alerting.contains("Open:</span> <span>Add an alert on payment errors"), alerting);
        assertTrue(alerting.contains("Done:</span> <span>Add an alert on queue depth"), alerting);
        assertTrue(alerting.contains("<li>Add an alert on DNS record changes</li>"), alerting);
        assertFalse(alerting.contains("Open:</span> <span>Add an alert on DNS"), alerting);

        String untracked = site.read("incidents/generic.html");
        assertTrue(untracked.contains("status not tracked"), untracked);
        assertFalse(untracked.contains("Open:</span>"), untracked);
        assertTrue(site.read("incidents/tracked.html").contains("1 done, 1 open"));
        assertEquals(2, Pattern.compile("\"tracked\"\\s*:\\s*true").matcher(site.read("incidents.json")).results().count());
    }

    private static String h1(String page) {
        Matcher m = Pattern.compile("<h1>([^<]+)</h1>").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }
}
