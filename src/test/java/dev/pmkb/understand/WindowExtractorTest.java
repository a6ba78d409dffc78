package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowExtractorTest {

    private static Facts facts(String md) {
        return Docs.understand(md).facts();
    }

    @Test
    void theEndIsTheTimelinesLastRestorationWhenTheSummaryGivesOnlyTheStart() {
        Facts f = facts("""
                ## Summary
                The search API started failing at 09:10 UTC on 2 May 2024.

                ## Timeline
                - 09:12 UTC: alert fired
                - 09:40 UTC: cache restarted, service restored for most users
                - 10:05 UTC: last shard recovered, fully operational
                - 11:00 UTC: incident closed and postmortem scheduled
                - 11:30 UTC: team lunch
                """);
        assertEquals(OffsetDateTime.parse("2024-05-02T10:05Z"), f.end().instant().orElseThrow());
        assertEquals(55, f.duration().toMinutes());
    }

    @Test
    void theEndIsNotARestorationBeforeTheStart() {
        Facts f = facts("""
                ## Summary
                Checkout failed from 14:00 UTC on 3 June 2024.

                ## Timeline
                - 13:00 UTC: an earlier, unrelated fault was fixed
                - 14:05 UTC: alert fired
                """);
        assertNull(f.end());
    }

    @Test
    void durationFromTimesOfDayWhenTheDateIsUnknown() {
        Facts f = facts("""
                ## Summary
                The site went down at 11:30 PM (WAT).

                ## Timeline
                - 11:35 PM: alert fired
                - 12:20 AM: server restarted, site back online
                """);
        assertNull(f.start().date());
        assertEquals(LocalTime.of(0, 20), f.end().time());
        assertEquals(50, f.duration().toMinutes());
        assertEquals(Facts.DurationOrigin.COMPUTED, f.durationOrigin());
    }

    @Test
    void durationFromTwoLocalTimesWithoutAZone() {
        Facts f = facts("""
                Start: 2024-03-02 14:15
                End: 2024-03-02 15:05
                """);
        assertEquals(50, f.duration().toMinutes());
    }

    @Test
    void anExactDurationFieldWinsOverTimesOfDayThatDisagree() {
        Facts f = facts("""
                **Duration: 30 mins** (13:20 ~ 13:30 EAT)

                The SSH key had the wrong permissions.
                """);
        assertEquals(30, f.duration().toMinutes());
    }

    @Test
    void anApproximateDurationFieldDoesNot() {
        Facts f = facts("""
                **Duration: about 30 mins** (13:20 ~ 13:30 EAT)

                The SSH key had the wrong permissions.
                """);
        assertEquals(10, f.duration().toMinutes());
    }

    @Test
    void timesWithADotOrAnHBetweenHourAndMinutes() {
        Facts f = facts("""
                ## Issue Description
                On 01/02/2020, from 8.35 AM GMT until 9.05 AM GMT, the API was down.
                """);
        assertEquals(OffsetDateTime.parse("2020-01-02T08:35Z"), f.start().instant().orElseThrow());
        assertEquals(30, f.duration().toMinutes());
        Facts french = facts("""
                ## Summary
                The outage lasted from 09h00 to 10h15 WAT on 5 May 2023.
                """);
        assertEquals(75, french.duration().toMinutes());
    }

    @Test
    void aDottedNumberIsNotATimeWithoutAMPMOrAZone() {
        Facts f = facts("""
                ## Summary
                We upgraded to version 2.10 at 10:00 UTC on 5 May 2023 and rolled back at 10:45 UTC.
                """);
        assertEquals(OffsetDateTime.parse("2023-05-05T10:00Z"), f.start().instant().orElseThrow());
        assertEquals(45, f.duration().toMinutes());
    }
}
