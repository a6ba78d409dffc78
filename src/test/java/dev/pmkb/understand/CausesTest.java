package dev.pmkb.understand;

import dev.pmkb.model.Causes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CausesTest {

    private static final CauseClassifier EXTRACTOR = new CauseClassifier(TaxonomyLoader.defaults());

    /** Tags read from {@code text} as a root-cause section. */
    private static List<String> tags(String text) {
        return EXTRACTOR.classify(List.of(new CauseClassifier.Passage(text, CauseClassifier.Place.ROOT_CAUSE))).slugs();
    }

    @Test
    void mostSpecificMechanismFirstThenWhatCausedIt() {
        assertEquals(List.of("connection-pool-exhaustion", "config-change"),
                tags("Database connection pool exhaustion due to a misconfigured connection limit.").subList(0, 2));
    }

    @Test
    void pluralsHyphensAndCaseDoNotMatter() {
        assertEquals("connection-pool-exhaustion", tags("The Connection-Pools were EXHAUSTED").getFirst());
        assertEquals("inefficient-query", tags("slow queries against an unindexed column").getFirst());
        assertEquals("certificate-expiry", tags("The SSL cert had expired.").getFirst());
        assertEquals("resource-leak", tags("A memory-leak in the image resizer").getFirst());
    }

    @Test
    void negatedMentionsDoNotCount() {
        List<String> t = tags("It was not a DNS problem: a firewall rule blocked port 443.");
        assertFalse(t.contains("dns"), t.toString());
        assertTrue(t.contains("config-change") || t.contains("network"), t.toString());
    }

    @Test
    void nothingStatedIsUnknown() {
        assertEquals(List.of("unknown"), tags("We are still looking into it."));
        assertEquals(List.of("unknown"), tags(null));
    }

    @Test
    void severalTagsForSeveralCauses() {
        List<String> t = tags("A DDoS attack overloaded the load balancer, and retries cascaded to the API tier.");
        assertEquals("security", t.getFirst());
        assertTrue(t.contains("cascading-failure"), t.toString());
        assertTrue(t.contains("capacity"), t.toString());
    }

    @Test
    void headerCausesWinAndUnknownOnesAreReported() {
        var p = Docs.understand("""
                ---
                title: Power cut
                root_causes: [hardware, gremlins]
                ---
                ## Root Cause
                A misconfigured deploy script.
                """);
        Causes c = p.facts().causes();
        assertEquals(List.of("hardware"), c.slugs());
        assertFalse(c.inferred());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().contains("gremlins")),
                p.diagnostics().toString());
    }

    @Test
    void inferredFromSummaryWhenThereIsNoRootCauseSection() {
        var f = Docs.understand("""
                ## Summary
                Orders failed for an hour after the disk of the primary database filled up.
                """).facts();
        assertEquals("capacity", f.causes().primary());
        assertTrue(f.causes().inferred());
    }
}
