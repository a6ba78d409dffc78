package dev.pmkb.understand;

import dev.pmkb.model.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinterTest {

    private static List<String> messages(String md) {
        return Linter.lint(Docs.understand(md)).stream().map(Diagnostic::toString).toList();
    }

    @Test
    void reportsEveryMissingFact() {
        List<String> m = messages("# Thin\nSomething broke and we fixed it.\n");
        for (String expected : List.of("no Issue Summary", "no start time", "no end time", "no impact", "no root cause", "no action items")) {
            assertTrue(m.stream().anyMatch(s -> s.contains(": warning: " + expected)), expected + " in " + m);
        }
    }

    @Test
    void aFirstParagraphOfProseCountsAsTheSummary() {
        List<String> m = messages("# Outage\nThe billing service returned errors to every customer for most of the morning.\n");
        assertTrue(m.stream().noneMatch(s -> s.contains("no Issue Summary")), m.toString());
    }

    @Test
    void completePostmortemIsClean() {
        assertEquals(List.of(), messages("""
                ## Issue Summary
                Logins failed for 10% of users.
                Duration: 2024-05-01 08:00 - 08:30 UTC
                ## Root Cause
                An expired certificate on the identity provider.
                ## Action Items
                - Alert 30 days before certificates expire
                """));
    }

    @Test
    void zoneProblemsAreWarningsAtTheLineWhereTheTimeIs() {
        List<String> m = messages("""
                ## Issue Summary
                Orders failed for 5% of users.
                Start: 2024-05-01 08:00
                End: 2024-05-01 09:00
                """);
        assertTrue(m.contains("incidents/example.md:3: warning: no time zone for start \"2024-05-01 08:00\": write one (UTC, WAT, UTC+1) so times can be compared"), m.toString());
    }

    @Test
    void placeholdersAndTimesAreReportedAtTheirFileLines() {
        List<String> m = Linter.lint(Docs.understand("""
                # Outage
                - **Impact:** <!-- TODO: who was affected -->

                ## Timeline
                1. **19:55** - Started the firewall task
                2. **20:10** - Orders failed
                """), 6).stream().map(Diagnostic::toString).toList();
        assertTrue(m.contains("incidents/example.md:7: warning: placeholder left in the text: \"TODO: who was "
                + "affected\"; write what happened there, or remove it"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("incidents/example.md:11: warning: no time zone for \"20:10")),
                "the time's own line, not the top of the file: " + m);
    }
}
