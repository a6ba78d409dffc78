package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The related block of an incident page: links that hold without a cause tag, reasons in display names. */
class RelatedBlockPageTest {

    @TempDir
    Path tmp;

    @Test
    void relatedIncidentsShowDisplayNamesAndReferences() throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/starvation.md --
                ---
                title: Kubernetes network infrastructure IP starvation
                date: 2019-11-30
                ---
                Pods could not be scheduled: the subnets ran out of IP addresses.
                -- content/deletion.md --
                ---
                title: Cluster node deletion
                date: 2019-12-04
                ---
                A command deleted every worker node; daemon sets then failed for want of IP addresses
                (see post-mortem [PM2019-009](PM2019-009%20-%20Kubernetes%20network%20infrastructure%20IP%20starvation.md)).
                -- content/config-a.md --
                ---
                title: Checkout down
                date: 2024-05-02
                ---
                The checkout was down. Root cause: a misconfigured nginx upstream after a configuration change.
                -- content/config-b.md --
                ---
                title: Search down
                date: 2024-07-09
                ---
                Search was down. Root cause: a misconfigured haproxy backend after a configuration change.
                """).bake();
        String deletion = related(site.read("incidents/deletion.html"));
        assertTrue(deletion.contains("starvation.html"), deletion);
        assertTrue(deletion.contains("<span class=\"reason\">this write-up refers to it</span>"), deletion);
        assertTrue(related(site.read("incidents/starvation.html")).contains("its write-up refers to this one"));

        String config = related(site.read("incidents/config-a.html"));
        assertTrue(config.contains("same root cause: Configuration error"), config);
        assertFalse(config.contains("config-change"), "a slug is no name: " + config);
    }

    private static String related(String page) {
        int start = page.indexOf("<section class=\"related\"");
        assertTrue(start >= 0, "no related block: " + page);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
