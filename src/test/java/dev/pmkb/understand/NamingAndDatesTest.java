package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Postmortem.DateOrigin;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamingAndDatesTest {

    @Test
    void idsAreSlugifiedPathSegments() {
        assertEquals("incidents/2024/db-pool", Naming.id("incidents/2024/DB Pool.md"));
        assertEquals("incidents/cafe-outage", Naming.id("incidents/Café Outage!.markdown"));
    }

    @Test
    void idsKeepLettersOfEveryScriptAndAreUniqueAndBounded() {
        assertEquals("2024/事故", Naming.id("2024/事故.md"));
        assertEquals("сбой-бд", Naming.id("Сбой БД.md"));
        assertEquals("حادث", Naming.id("حادث.md"));
        assertEquals("हादसा", Naming.id("हादसा.md"), "Devanagari vowel signs are part of the word");
        assertEquals("strasse-lodz", Naming.id("Straße Łódź.md").replace("ß", "ss").replace("ł", "l"));
        String fire = Naming.id("🔥.md");
        String wave = Naming.id("🌊.md");
        assertTrue(fire.matches("untitled-[0-9a-f]{8}"), fire);
        assertFalse(fire.equals(wave), "names without letters still get ids of their own");
        assertEquals(fire, Naming.id("🔥.md"), "the same in every bake");

        String longName = "事故".repeat(200) + ".md";
        String id = Naming.id("2024/" + longName);
        assertTrue(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 180, id);
        assertFalse(id.equals(Naming.id("2024/" + "事故".repeat(201) + ".md")), "cut ids stay unique");
    }

    @Test
    void titleFromHeaderHeadingBoldLineFirstLineOrFileName() {
        assertEquals("From header", Docs.understand("---\ntitle: From header\n---\n# Heading\n").title());
        assertEquals("Heading", Docs.understand("# Heading\ntext\n").title());
        assertEquals("Postmortem: Payments Outage", Docs.understand("**Postmortem: Payments Outage**\n\ntext\n").title());
        assertEquals("Payments were down", Docs.understand("Payments were down\n\nmore\n").title());
        assertEquals("Pay Outage", Docs.understand("incidents/Pay Outage.md", "\n").title());
    }

    @Test
    void aGenericHeadingGivesWayToTheIncidentsOwnTitle() {
        assertEquals("Postmortem: Checkout Outage",
                Docs.understand("## 0x19. Postmortem\n\n- Postmortem: Checkout Outage\n\nIssue Summary:\ntext\n").title());
        assertEquals("Checkout outage", Docs.understand("# Postmortem\n\n## Checkout outage\n\n## Timeline\n").title());
        Postmortem generic = Docs.understand("# Incident report\n\n## Issue Summary\n\nThe site was down.\n");
        assertTrue(generic.titleComposed(), "nothing more specific before the first section: a title is composed");
        assertEquals("Incident report", generic.authorTitle(), "the author's heading is kept");
    }

    @Test
    void aDateWithoutATimeInTheSummaryStillDatesTheIncident() {
        Postmortem p = Docs.understand("# Card payments failing\n\nOn November 28, 2023, card payments failed for about 45 minutes.\n");
        assertEquals(LocalDate.of(2023, 11, 28), p.date());
        assertEquals(DateOrigin.TEXT, p.dateOrigin());
        assertEquals(null, p.facts().start(), "a date alone is no start time");
    }

    @Test
    void hostileTitlesBecomePlainText() {
        Postmortem p = Docs.understand("# Outage <script>alert(1)</script> in **prod**\n");
        assertFalse(p.title().contains("<"), p.title());
        assertEquals("Outage alert(1) in prod", p.title());
    }

    @Test
    void dateFromHeaderTextFileNameOrNothing() {
        Postmortem header = Docs.understand("---\ndate: 2024-02-03T10:00:00Z\n---\nStart: May 1, 2023, 10:00 UTC\n");
        assertEquals(LocalDate.of(2024, 2, 3), header.date());
        assertEquals(DateOrigin.HEADER, header.dateOrigin());

        assertEquals(LocalDate.of(2019, 10, 4),
                Docs.understand("---\ndate: 2019-10-04 09:00:00 +0200\n---\nbody\n").date(), "Jekyll-style date-time");

        Postmortem text = Docs.understand("Start: May 1, 2023, 10:00 UTC\n");
        assertEquals(LocalDate.of(2023, 5, 1), text.date());
        assertEquals(DateOrigin.TEXT, text.dateOrigin());

        Postmortem file = Docs.understand("incidents/2022-07-09-dns.md", "DNS broke.\n");
        assertEquals(LocalDate.of(2022, 7, 9), file.date());
        assertEquals(DateOrigin.FILE_NAME, file.dateOrigin());

        Postmortem none = Docs.understand("Something broke.\n");
        assertNull(none.date());
        assertEquals(DateOrigin.NONE, none.dateOrigin());
    }

    @Test
    void invalidHeaderDateIsAnErrorAtItsLineAndFallsBack() {
        Postmortem p = Docs.understand("---\ntitle: X\ndate: 2024-13-45\n---\nStart: May 1, 2023, 10:00 UTC\n");
        assertEquals(DateOrigin.TEXT, p.dateOrigin());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.isError() && d.line() == 3), p.diagnostics().toString());
    }

    @Test
    void draftFromStatusOrDraftFlag() {
        assertTrue(Docs.understand("title=X\nstatus=draft\n~~~~~~\nbody\n").draft());
        assertTrue(Docs.understand("---\ndraft: true\n---\nbody\n").draft());
        assertFalse(Docs.understand("---\nstatus: published\n---\nbody\n").draft());
    }
}
