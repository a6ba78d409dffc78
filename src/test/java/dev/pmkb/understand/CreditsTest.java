package dev.pmkb.understand;

import dev.pmkb.model.Credits;
import dev.pmkb.model.Postmortem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Author, organisation, severity and original URL, under the names Jekyll, Hugo, JBake and status pages give them. */
class CreditsTest {

    @Test
    void everyHeaderFormatCreditsTheSameWay() {
        Credits expected = new Credits("https://example.com/pm/1", List.of("Ana", "Bo"), "Acme", "SEV-2");
        assertEquals(expected, Docs.understand("""
                ---
                source_url: https://example.com/pm/1
                authors: [Ana, Bo]
                company: Acme
                severity: SEV-2
                ---
                text
                """).credits());
        assertEquals(expected, Docs.understand("""
                +++
                url = "https://example.com/pm/1"
                authors = ["Ana", "Bo"]
                organization = "Acme"
                severity = "SEV-2"
                +++
                text
                """).credits());
        assertEquals(expected, Docs.understand("""
                url=https://example.com/pm/1
                authors=Ana, Bo
                organisation=Acme
                severity=SEV-2
                ~~~~~~
                text
                """).credits());
    }

    @Test
    void theMostSpecificKeyWinsAndNothingIsInvented() {
        Postmortem p = Docs.understand("""
                ---
                url: /posts/outage/
                source_url: https://example.com/original
                author: Dana Reyes, SRE
                ---
                text
                """);
        assertEquals("https://example.com/original", p.credits().sourceUrl());
        assertEquals(List.of("Dana Reyes, SRE"), p.credits().authors(), "one author, comma and all");
        assertNull(p.credits().organisation());
        assertEquals(Credits.NONE, Docs.understand("# Just a title\n\ntext\n").credits());
    }

    @Test
    void aSourceUrlThatIsNoWebAddressIsDroppedWithAWarningAtItsLine() {
        Postmortem p = Docs.understand("""
                ---
                title: T
                source_url: javascript:alert(1)
                ---
                text
                """);
        assertNull(p.credits().sourceUrl());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().contains("source_url")),
                p.diagnostics().toString());
    }
}
