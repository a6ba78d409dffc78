package dev.pmkb.understand;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Postmortem;
import dev.pmkb.read.Limits;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustnessTest {

    @Test
    void noTimesAtAllGivesNullsAndWarnings() {
        Postmortem p = Docs.understand("""
                # Something went wrong
                The site was slow. We fixed it.
                """);
        assertNull(p.facts().start());
        assertNull(p.facts().end());
        assertNull(p.facts().duration());
        assertTrue(Linter.lint(p).stream().anyMatch(d -> d.message().startsWith("no start time")));
    }

    @Test
    void garbledDateIsNotInvented() {
        Postmortem p = Docs.understand("""
                ## Summary
                Start: Febtember 45, 20234, 10:00 AM UTC
                End: 2024-02-30 11:00 UTC
                """);
        assertNull(p.facts().start().date());
        assertNull(p.facts().end().date(), "February 30 does not exist");
        assertNull(p.facts().duration());
        assertNull(p.date());
    }

    @Test
    void invalidUtf8AndBadHeaderAreErrorsOnThePostmortem() {
        byte[] bytes = "# Title\nbad \u00ff byte\n".getBytes(StandardCharsets.ISO_8859_1);
        Postmortem p = Understander.defaults().understand(SourceReader.parse("bad.md", bytes));
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("UTF-8")));
        assertTrue(Linter.lint(p).stream().anyMatch(d -> d.isError()));
    }

    @Test
    void emptyFile() {
        Postmortem p = Understander.defaults().understand(SourceReader.parse("incidents/empty.md", new byte[0]));
        assertEquals("empty", p.title());
        assertEquals("incidents/empty", p.id());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // about 5 s on one busy core; quadratic work would take hours
    void tenMegabytesOfTextIsReadInLinearTime() {
        StringBuilder b = new StringBuilder(11_000_000);
        b.append("# Huge\n## Issue Summary\nStart: March 1, 2024, 10:00 UTC\n");
        String paragraph = "The connection pool was exhausted at 10:15 AM UTC on 2024-03-01 because of a "
                + "misconfigured limit (GMT+1) ****** ____ [[[ ((( <<< 12/12/12 99:99 West Some Long Words Time; ";
        while (b.length() < 5_000_000) b.append("- ").append(paragraph).append('\n');
        // Half of it on one enormous line: no per-line limit may turn into quadratic work.
        while (b.length() < 10_000_000) b.append(paragraph);
        b.append("\n## Root Cause\nA memory leak.\n");
        Postmortem p = Docs.understand(b.toString());
        assertEquals("Huge", p.title());
        assertEquals("2024-03-01T10:00", p.facts().start().local().orElseThrow().toString());
        assertEquals("A memory leak.", p.facts().rootCause());
        assertFalse(p.body().verbatim(), "ten megabytes of flat Markdown is within the work budget");
        assertEquals(List.of(), p.diagnostics(), "a diagnostic-free read");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathologicalMarkupDoesNotBacktrack() {
        String nasty = "**".repeat(50_000) + "[".repeat(50_000) + "<a".repeat(50_000) + "1:".repeat(50_000) + "\n";
        Postmortem p = Docs.understand("# Nasty\n## Timeline\n- " + nasty + "## Root Cause\n" + nasty);
        assertEquals("Nasty", p.title());
        assertEquals(List.of("incidents/example.md:1: warning: the Markdown is too deep or too long in one paragraph"
                + " for the parser; the page shows it as written"), p.diagnostics().stream().map(Diagnostic::toString).toList(),
                "no error: every reader got through the markup, only flexmark's recursion gave up");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // flexmark alone took 199 s for 2,000 levels, forever for 5,000
    void thousandsOfNestedListsAreShownAsWrittenWithAWarning() {
        StringBuilder indented = new StringBuilder("# Deep lists\n\nThe incident was short.\n\n");
        for (int i = 0; i < 2_000; i++) indented.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        String oneLine = "# Deep lists\n\nThe incident was short.\n\n" + "- > 1. ".repeat(5_000) + "deepest\n";
        for (String markdown : List.of(indented.toString(), oneLine)) {
            Postmortem p = Docs.understand(markdown);
            assertTrue(p.body().verbatim());
            assertTrue(p.body().unsafeHtml().startsWith("<pre># Deep lists"), p.body().unsafeHtml().substring(0, 30));
            assertTrue(p.diagnostics().stream().anyMatch(d -> !d.isError()
                    && d.message().equals("the Markdown is too deep or too long in one paragraph for the parser; the page shows it as written")),
                    p.diagnostics().toString());
        }
        StringBuilder tenLevels = new StringBuilder();
        for (int i = 0; i < 10; i++) tenLevels.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        assertFalse(Docs.understand(tenLevels.toString()).body().verbatim(), "real nesting is parsed");
    }

    @Test
    void datesOutsideTheYearsOfComputingAreErrorsAndDropped() {
        for (String date : List.of("+999999999-12-31", "+1000000-01-01", "+99999-01-01", "1969-12-31",
                (Limits.lastYear() + 1) + "-01-01")) {
            Postmortem p = Docs.understand("---\ntitle: X\ndate: " + date + "\n---\nThe site was down.\n");
            assertNull(p.date(), date);
            assertEquals(Postmortem.DateOrigin.NONE, p.dateOrigin());
            assertTrue(p.diagnostics().stream().anyMatch(d -> d.isError() && d.line() == 3
                    && d.message().contains("is outside the years 1970 to " + Limits.lastYear())), p.diagnostics().toString());
        }
        Postmortem fileName = Docs.understand("incidents/2999-01-01-dns.md", "DNS broke.\n");
        assertNull(fileName.date());
        assertEquals(LocalDate.of(1970, 1, 1),
                Docs.understand("---\ndate: 1970-01-01\n---\nThe site was down.\n").date(), "the bounds are inclusive");
    }

    @Test
    void longFileNamesGetBoundedIdsThatStayDistinct() {
        String longName = "a-very-long-incident-name-".repeat(9) + "1.md";
        Postmortem one = Docs.understand("2024/" + longName, "# One\n");
        Postmortem two = Docs.understand("2024/" + longName.replace("1.md", "2.md"), "# Two\n");
        assertTrue(longName.length() > 200);
        assertTrue(one.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Limits.MAX_ID_BYTES, one.id());
        assertTrue(one.id().startsWith("2024/a-very-long-incident-name-"), one.id());
        assertFalse(one.id().equals(two.id()));
        assertEquals("incidents/example", Docs.understand("# Short\n").id(), "short ids are untouched");
    }

    @Test
    void aHeaderTitleIsTakenAsWritten() {
        assertEquals("Retry storm: 5*60*24 requests", Docs.understand("---\ntitle: \"Retry storm: 5*60*24 requests\"\n---\nx\n").title());
        assertEquals("Queue <Consumer> group lag", Docs.understand("title=Queue <Consumer> group lag\n~~~~~~\nx\n").title());
    }

    @Test
    void freeTagsBecomeKeywordsNotWarnings() {
        Postmortem p = Docs.understand("title=Lag\ntags=kafka, consumer lag, config-change, Kafka\n~~~~~~\n"
                + "The consumers fell behind after a config change.\n");
        assertEquals(List.of("kafka", "consumer lag", "Kafka"), p.keywords());
        assertEquals(List.of("config-change"), p.facts().causes().slugs());
        assertEquals(List.of(), p.diagnostics().stream().filter(d -> d.message().contains("root-cause tag")).toList());
        assertEquals(List.of("domains", "hosting", "rant"),
                Docs.understand("---\ntags:   domains hosting rant\n---\nx\n").keywords(), "Jekyll's space-separated tags");
        Postmortem causes = Docs.understand("---\nroot_causes: [kafka]\n---\nx\n");
        assertTrue(causes.diagnostics().stream().anyMatch(d -> d.message().startsWith("unknown root-cause tag \"kafka\"")),
                "a root_causes key still names causes only");
    }

    @Test
    void aBrokenFrontMatterNoLongerLosesTheIncident() {
        Path file = SharedFiles.folder("corpus/alx").resolve("045.md");
        Postmortem p = Understander.defaults().understand(SourceReader.read(file.getParent(), file));
        assertEquals("Bank Fee Transparency Tool Outage", p.title());
        assertEquals(LocalDate.of(2025, 2, 25), p.date());
        assertTrue(p.facts().timeline().size() >= 10, p.facts().timeline().toString());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.line() == 1 && !d.isError()
                && d.message().startsWith("the front matter of lines 1 to 28 is not valid YAML")), p.diagnostics().toString());
    }
}
