package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        assertNotNull(p.facts());
        assertEquals("Huge", p.title());
    }

    @Test
    void pathologicalMarkupDoesNotBacktrack() {
        String nasty = "**".repeat(50_000) + "[".repeat(50_000) + "<a".repeat(50_000) + "1:".repeat(50_000) + "\n";
        Postmortem p = Docs.understand("## Timeline\n- " + nasty + "## Root Cause\n" + nasty);
        assertNotNull(p.facts());
    }
}
