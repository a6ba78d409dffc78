package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The incident page and incidents.json show each cause tag with the sentence it was read from. */
class CauseEvidencePageTest {

    @TempDir
    Path tmp;

    @Test
    void eachCauseTagShowsItsSentenceEscaped() throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/queue.md --
                # Orders stuck in the queue

                ## Root cause

                Orders piled up. The root cause was a memory leak in the consumer & worker process.

                ## Resolution

                The fix was deployed at 11:00.
                -- content/tagged.md --
                ---
                title: Power cut
                tags: [hardware]
                ---
                The rack lost power.
                """).bake();
        String page = site.read("incidents/queue.html");
        assertTrue(page.contains("class=\"cause-evidence\""), page);
        assertTrue(page.contains("<dt>Resource leak</dt><dd><q>The root cause was a memory leak in the consumer &amp; worker process.</q></dd>"),
                page);
        assertTrue(!page.contains("<dt>Bad deployment</dt>"), "the fix's words are no cause");
        assertTrue(!site.read("incidents/tagged.html").contains("cause-evidence"), "a header's tags need no sentence");
        String json = site.read("incidents.json");
        assertTrue(json.replaceAll("\\s+", " ").contains("\"causeEvidence\" : [ { \"cause\" : \"resource-leak\","
                + " \"sentence\" : \"The root cause was a memory leak"), json);
    }
}
