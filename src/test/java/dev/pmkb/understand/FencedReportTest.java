package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class FencedReportTest {

    private static final String WRAPPED = """
            Sure! Here is the postmortem you asked for:

            ```markdown
            # Login outage

            ## Summary
            From 10:00 to 11:00 UTC on 4 March 2024, 25% of users could not log in.

            ## Root cause
            An expired certificate on the identity provider.

            ```bash
            openssl x509 -enddate
            ```
            ```

            Let me know if you want changes.
            """;

    @Test
    void aReportInsideAMarkdownFenceIsReadAsTheReport() {
        Facts f = Docs.understand(WRAPPED).facts();
        assertNotNull(f.start());
        assertEquals(60, f.duration().toMinutes());
        assertEquals(25.0, f.impact().usersPercent());
    }

    @Test
    void unwrappingKeepsEveryLineWhereItWas() {
        String unwrapped = FencedReport.unwrap(WRAPPED);
        assertEquals(WRAPPED.split("\n", -1).length, unwrapped.split("\n", -1).length);
        assertEquals("", unwrapped.split("\n", -1)[2]);
        assertEquals("```bash", unwrapped.split("\n", -1)[11]);
    }

    @Test
    void aMarkdownExampleInsideAReportStaysACodeBlock() {
        String md = """
                # Outage

                ## Summary
                The status page template broke; this is what we publish, word for word, on every incident so far this
                year, and what the broken version showed to readers of the page for two hours on the day itself:

                ```markdown
                **Investigating**: we are looking into it.
                ```

                ## Timeline
                - 10:00 UTC: alerts fired
                - 12:00 UTC: template fixed, page restored
                """;
        assertSame(md, FencedReport.unwrap(md));
    }

    @Test
    void aPlainCodeFenceIsNotAWrapper() {
        String md = "Here:\n\n```\n# Not a report\n```\n";
        assertSame(md, FencedReport.unwrap(md));
    }
}
