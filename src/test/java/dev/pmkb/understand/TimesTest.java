package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.IncidentTime.ZoneResolution;
import dev.pmkb.model.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimesTest {

    private static Facts facts(String md) {
        return Docs.understand(md).facts();
    }

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void rangeWithDatesAndOneZoneAtTheEnd() {
        Facts f = facts("""
                Issue Summary:
                Duration: March 3, 2024, 10:15 PM - March 4, 2024, 2:45 AM (EAT)
                """);
        assertEquals(at("2024-03-03T22:15+03:00"), f.start().instant().orElseThrow());
        assertEquals(at("2024-03-04T02:45+03:00"), f.end().instant().orElseThrow());
        assertEquals("EAT", f.end().zone());
        assertEquals(Duration.ofMinutes(270), f.duration());
        assertEquals(Facts.DurationOrigin.COMPUTED, f.durationOrigin());
    }

    @Test
    void aRangeWhoseEndOpensWithTheDayOfTheMonthIsNotABareHour() {
        Facts f = facts("""
                Issue Summary:
                Duration: 15 March 2015, 11:45 PM (UTC) - 16 March 2015, 4:08 AM (UTC)
                """);
        assertTrue(Docs.understand("Duration: 15 March 2015, 11:45 PM (UTC) - 16 March 2015, 4:08 AM (UTC)\n")
                .diagnostics().stream().noneMatch(d -> d.message().contains("could not understand")));
        assertEquals(at("2015-03-15T23:45Z"), f.start().instant().orElseThrow());
        assertEquals(at("2015-03-16T04:08Z"), f.end().instant().orElseThrow());
        assertEquals(Duration.ofMinutes(263), f.duration());
    }

    @Test
    void fromToWithZoneAndDateAfter() {
        Facts f = facts("""
                ## Summary
                The checkout API failed from 10:00 AM to 12:30 PM EST on 6 February 2024.
                """);
        assertEquals(at("2024-02-06T10:00-05:00"), f.start().instant().orElseThrow());
        assertEquals(at("2024-02-06T12:30-05:00"), f.end().instant().orElseThrow());
    }

    @Test
    void startAndEndLinesNestedUnderADurationLabel() {
        Facts f = facts("""
                **Issue Summary:**
                - **Duration:**
                  - Start Time: August 2, 2024, 07:05 AM (UTC)
                  - End Time: August 2, 2024, 08:20 AM (UTC)
                """);
        assertEquals(at("2024-08-02T07:05Z"), f.start().instant().orElseThrow());
        assertEquals(at("2024-08-02T08:20Z"), f.end().instant().orElseThrow());
        assertEquals(ZoneResolution.EXPLICIT, f.start().resolution());
    }

    @Test
    void isoDatesAnd24HourTimes() {
        Facts f = facts("""
                Start: 2024-03-02 14:15 UTC
                End: 2024-03-02 15:05 UTC
                """);
        assertEquals(at("2024-03-02T14:15Z"), f.start().instant().orElseThrow());
        assertEquals(Duration.ofMinutes(50), f.duration());
    }

    @Test
    void dayFirstDatesWhenTheValueSaysSo() {
        Facts f = facts("""
                Start: 25/03/2024 09:00 UTC
                End: 12/04/2024 10:00 UTC
                """);
        // 25/03 can only be day-first, so 12/04 in the same document is the 12th of April.
        assertEquals(LocalDate.of(2024, 3, 25), f.start().date());
        assertEquals(LocalDate.of(2024, 4, 12), f.end().date());
    }

    @Test
    void startAndEndFieldsMarkedWithAnEmDash() {
        Facts f = facts("""
                Issue Summary
                - Duration:
                — Start Time: 2024-06-02 08:00 UTC.
                — End Time: 2024-06-02 08:40 UTC.
                """);
        assertEquals(at("2024-06-02T08:00Z"), f.start().instant().orElseThrow());
        assertEquals(at("2024-06-02T08:40Z"), f.end().instant().orElseThrow());
    }

    @Test
    void monthDayAndYearSetApartByCommas() {
        Facts f = facts("""
                Start: 06, 21, 2024, 9:00 AM UTC
                End: 21, 06, 2024, 11:30 AM UTC
                """);
        assertEquals(at("2024-06-21T09:00Z"), f.start().instant().orElseThrow());
        assertEquals(at("2024-06-21T11:30Z"), f.end().instant().orElseThrow());
    }

    @Test
    void aSummaryLineWithThreeTimesEndsWhereItSaysServiceWasBack() {
        Facts f = facts("""
                ## Summary
                At 9:00 AM UTC on 7 July 2024 the shop went down. At 9:15 AM the database was restarted and the shop was back online by 9:45 AM UTC.
                """);
        assertEquals(at("2024-07-07T09:00Z"), f.start().instant().orElseThrow());
        assertEquals(at("2024-07-07T09:45Z"), f.end().instant().orElseThrow());
    }

    @Test
    void aDateJoinedToItsTimeByOnBelongsToThatTime() {
        Facts f = facts("""
                ## Summary
                Uploads failed from 9:00 UTC on 2 May 2024 until 11:00 UTC on 4 May 2024.
                """);
        assertEquals(at("2024-05-02T09:00Z"), f.start().instant().orElseThrow());
        assertEquals(at("2024-05-04T11:00Z"), f.end().instant().orElseThrow());
    }

    @Test
    void noonAndMidnightNamedAsTimes() {
        Facts f = facts("""
                ## Summary
                On 3 May 2024 at 11 pm the queue stalled, and it stayed down until noon on 5 May 2024.
                """);
        assertEquals(java.time.LocalDateTime.parse("2024-05-05T12:00"), f.end().local().orElseThrow());
        Facts g = facts("""
                ## Summary
                On 3 May 2024, from 9 pm until midnight, the queue stalled.
                """);
        assertEquals(java.time.LocalDateTime.parse("2024-05-04T00:00"), g.end().local().orElseThrow());
    }

    @Test
    void fourDigitTimesBeforeADateRunTogether() {
        Facts f = facts("""
                ## Summary
                The core router failed at 1430 15Sep94 UTC and was back at 1610 15Sep94 UTC.
                """);
        assertEquals(at("1994-09-15T14:30Z"), f.start().instant().orElseThrow());
        assertEquals(at("1994-09-15T16:10Z"), f.end().instant().orElseThrow());
    }

    @Test
    void writtenDayMonthAndOrdinals() {
        Facts a = facts("Start: 12 March 2024, 08:00 UTC\n");
        assertEquals(LocalDate.of(2024, 3, 12), a.start().date());
        Facts b = facts("""
                # Cache stampede on March 3rd, 2024
                ## Summary
                The outage started at 11:00 AM UTC on March 3rd and ended at 11:40 AM UTC.
                """);
        assertEquals(at("2024-03-03T11:00Z"), b.start().instant().orElseThrow());
        assertEquals(at("2024-03-03T11:40Z"), b.end().instant().orElseThrow());
    }

    @Test
    void yearlessDateTakesTheYearFromTheTitle() {
        Facts f = facts("""
                # Login outage, 2023-10-01
                ## Summary
                Started: October 1, 9:10 AM UTC. Ended: October 1, 9:40 AM UTC.
                """);
        assertEquals(LocalDate.of(2023, 10, 1), f.start().date());
    }

    @Test
    void endBeforeStartWithoutItsOwnDateIsTheNextDay() {
        Facts f = facts("""
                Duration: 2024-11-12, 22:00 PST - 01:30 PST
                """);
        assertEquals(at("2024-11-12T22:00-08:00"), f.start().instant().orElseThrow());
        assertEquals(at("2024-11-13T01:30-08:00"), f.end().instant().orElseThrow());
        assertEquals(Duration.ofMinutes(210), f.duration());
    }

    @Test
    void timelineInheritsDateAndZoneAndRollsOverMidnight() {
        Facts f = facts("""
                ## Issue Summary
                Duration: June 30, 2024, 11:30 PM - July 1, 2024, 1:00 AM (WAT)

                ## Timeline
                - 23:40 - Disk alert fired on db-2.
                - 23:55 - On-call engineer escalated to the storage team.
                - 00:35 - Old WAL segments removed; writes resumed.
                """);
        var t = f.timeline();
        assertEquals(3, t.size());
        assertEquals(at("2024-06-30T23:40+01:00"), t.get(0).time().instant().orElseThrow());
        assertEquals(at("2024-07-01T00:35+01:00"), t.get(2).time().instant().orElseThrow());
        assertEquals("WAT", t.get(2).time().zone());
    }

    @Test
    void timesInAMarkdownTable() {
        Facts f = facts("""
                ## Summary
                Outage on 2024-05-05 (UTC).

                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 08:02 | Pager alert for elevated 5xx |
                | 08:20 | Rolled back release 4.2 |
                """);
        assertEquals(2, f.timeline().size());
        assertEquals(LocalTime.of(8, 2), f.timeline().get(0).time().time());
        assertEquals(LocalTime.of(8, 20), f.timeline().get(1).time().time());
    }

    @Test
    void aLineDeclaringTheZoneSetsTheZoneAndIsNoEntry() {
        for (String declaration : List.of("All times in UTC.", "📆 All timestamps in UTC", "**Timezone**: UTC",
                "(all times are UTC)", "Time (UTC)")) {
            Facts f = facts("## Timeline\n\n" + declaration + "\n\n- 2024-05-05 08:02 Pager alert for elevated 5xx\n"
                    + "- 08:20 Rolled back release 4.2\n");
            assertEquals(List.of("Pager alert for elevated 5xx", "Rolled back release 4.2"),
                    f.timeline().stream().map(TimelineEntry::text).toList(), declaration);
            assertEquals("UTC", f.timeline().getFirst().time().zone(), declaration);
        }
        // A line about times that names no zone stays an entry.
        Facts g = facts("## Timeline\n- All times were approximate in the first hour\n- 08:20 Rolled back\n");
        assertEquals(2, g.timeline().size());
    }

    @Test
    void aTablesHeaderRowIsNoEntryWhateverItSays() {
        Facts f = facts("""
                ## Timeline
                | Date / Time | Event |
                | --- | --- |
                | 2024-05-05 08:02 UTC | Pager alert for elevated 5xx |
                """);
        assertEquals(List.of("Pager alert for elevated 5xx"), f.timeline().stream().map(TimelineEntry::text).toList());
    }

    @Test
    void statedDurationWhenTheEndIsNotWritten() {
        Facts f = facts("""
                ## Summary
                The outage lasted 2 hours and 15 minutes and affected the search page.
                """);
        assertEquals(Duration.ofMinutes(135), f.duration());
        assertEquals(Facts.DurationOrigin.STATED, f.durationOrigin());
        assertEquals(Duration.ofMinutes(45), facts("Duration: approximately 45 minutes\n").duration());
        assertEquals(Duration.ofHours(3), facts("Duration: 3h\n").duration());
        assertEquals(Duration.ofMinutes(90), facts("Duration: an hour and thirty minutes\n").duration());
        // "AM" is not "a minute".
        assertNull(facts("Duration: The outage started at 11:45 AM and was resolved later.\n").duration());
    }

    @Test
    void implausibleDurationIsDroppedWithAWarning() {
        var p = Docs.understand("""
                Start: January 1, 2024, 10:00 UTC
                End: March 30, 2024, 10:00 UTC
                """);
        assertNull(p.facts().duration());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().contains("implausible")), p.diagnostics().toString());
    }

    @Test
    void noZoneWrittenIsMissingAndWarned() {
        var p = Docs.understand("Start: 2024-08-11, 01:00 PM\nEnd: 2024-08-11, 02:30 PM\n");
        IncidentTime start = p.facts().start();
        assertEquals(ZoneResolution.MISSING, start.resolution());
        assertNull(start.offset());
        assertTrue(start.instant().isEmpty());
        assertEquals("2024-08-11T13:00", start.iso());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().startsWith("no time zone") && d.line() == 1));
    }

    @Test
    void militaryTimesAndBareRangeEnds() {
        Facts f = facts("""
                ## Summary
                On 13/10/2023 at 2100hrs WAT the site went down; service was restored at 2115hrs WAT.
                """);
        assertEquals(at("2023-10-13T21:00+01:00"), f.start().instant().orElseThrow());
        assertEquals(at("2023-10-13T21:15+01:00"), f.end().instant().orElseThrow());
        Facts g = facts("## Summary\nOn 2022-03-01, from 4pm to 6 GMT, the blog returned errors.\n");
        assertEquals(at("2022-03-01T18:00Z"), g.end().instant().orElseThrow());
    }

    @Test
    void aStatementThatAllTimesInTheReportAreInAZoneCoversTimesWithoutOne() {
        Facts f = facts("""
                ## Summary
                All times in this report are Central European Time.
                The API failed at 10:00 on 3 March 2024 and was back at 10:45.
                """);
        assertEquals(at("2024-03-03T10:00+01:00"), f.start().instant().orElseThrow());
    }

    @Test
    void aStatementThatAllTimesAreInAZoneCoversTimesWithoutOne() {
        Facts f = facts("""
                ## Summary
                Start: 2021-03-31 12:06
                End: 2021-03-31 12:51

                ## Timeline (all times in CET)
                - 12:06 Error rate alert.
                """);
        // CET is read literally (UTC+1) even on a summer date, like PST in June: what was written, not a guess.
        assertEquals(at("2021-03-31T12:06+01:00"), f.start().instant().orElseThrow());
        assertEquals(ZoneResolution.EXPLICIT, f.start().resolution());
        assertEquals("CET", f.timeline().getFirst().time().zone());
    }

    @Test
    void moreWrittenForms() {
        Facts a = facts("Duration: Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST (7.5 hours)\n");
        assertEquals(Duration.ofMinutes(450), a.duration());
        Facts b = facts("**Duration**: Sunday, May 13th, 2023, 10:20 pm (PST) - Monday, May 14th, 2023, 3:00 pm (PST)\n");
        assertEquals(at("2023-05-14T15:00-08:00"), b.end().instant().orElseThrow());
        Facts c = facts("## Summary\nThe outage ran from May 15, 2024, at 10:00 PM GMT to May 16, 2024, at 2:00 AM GMT.\n");
        assertEquals(Duration.ofHours(4), c.duration());
        Facts d = facts("## Summary\nLogins failed from 10:00 AM to 11:30 AM on February 14th, 2024 (UTC timezone).\n");
        assertEquals(at("2024-02-14T10:00Z"), d.start().instant().orElseThrow());
        assertEquals(at("2024-02-14T11:30Z"), d.end().instant().orElseThrow());
        Facts e = facts("Start: 17 November 2020 (GMT-5) 9:00 AM\n");
        assertEquals(at("2020-11-17T09:00-05:00"), e.start().instant().orElseThrow());
    }
}
