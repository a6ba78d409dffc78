package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aTimelineStartsAtTheFirstHarmNotAtTheWorkThatLedUpToIt() {
        Facts f = facts("""
                # Gateway outage, 4 March 2024 (UTC)

                ## Timeline
                | Time | Event |
                |------|-------|
                | 2024-03-04 09:00 UTC | Maintenance window opened, config change prepared |
                | 2024-03-04 09:20 UTC | Change applied to the gateway fleet |
                | 2024-03-04 09:25 UTC | Gateway returning 502 to every client |
                | 2024-03-04 09:50 UTC | Change reverted, service restored |
                """);
        assertEquals(OffsetDateTime.parse("2024-03-04T09:25Z"), f.start().instant().orElseThrow());
        assertEquals(25, f.duration().toMinutes());
    }

    @Test
    void aTimelineThatNeverTellsOfHarmStartsAtItsFirstEntry() {
        Facts f = facts("""
                ## Timeline
                - 2024-03-04 09:00 UTC: migration started
                - 2024-03-04 09:30 UTC: migration finished, service restored
                """);
        assertEquals(OffsetDateTime.parse("2024-03-04T09:00Z"), f.start().instant().orElseThrow());
    }

    @Test
    void aStartAndAStatedDurationGiveTheEnd() {
        Facts f = facts("""
                ## Summary
                On 5 May 2024 at 10:00 UTC the billing service went down. The outage lasted for 2 hours.
                """);
        assertEquals(OffsetDateTime.parse("2024-05-05T12:00Z"), f.end().instant().orElseThrow());
        assertEquals(Facts.DurationOrigin.STATED, f.durationOrigin());
    }

    @Test
    void aLoneStatedTimeThatTheTimelineCallsTheRestorationIsTheEnd() {
        Facts f = facts("""
                ## Summary
                - Duration: June 3, 2024, 16:40 UTC (40 minutes)

                ## Timeline
                - 16:00 UTC: alerts fire, the API is down
                - 16:20 UTC: bad config found
                - 16:40 UTC: service restored
                """);
        assertEquals(OffsetDateTime.parse("2024-06-03T16:00Z"), f.start().instant().orElseThrow());
        assertEquals(OffsetDateTime.parse("2024-06-03T16:40Z"), f.end().instant().orElseThrow());
        assertEquals(40, f.duration().toMinutes());
    }

    @Test
    void aStatusPagesUpdatesNewestFirstAreItsTimeline() {
        Facts f = facts("""
                ---
                title: Object storage errors in AMS1
                date: 2022-09-14 09:05:00
                ---

                09:50 UTC

                Uploads are responding again and error rates are back to normal.

                ---

                09:20 UTC

                We are working on restoring the storage gateway.

                ---

                09:05 UTC

                We are seeing errors on uploads to object storage in AMS1.
                """);
        assertEquals(OffsetDateTime.parse("2022-09-14T09:05Z"), f.start().instant().orElseThrow());
        assertEquals(OffsetDateTime.parse("2022-09-14T09:50Z"), f.end().instant().orElseThrow());
        assertEquals(45, f.duration().toMinutes());
    }

    @Test
    void anUpdateThatHopesForRestorationOrIsStillInvestigatingIsNotTheEnd() {
        Facts f = facts("""
                ---
                title: Compute outage in LON1
                date: 2022-09-14 09:05:00
                ---

                09:50 UTC

                Our storage partner is investigating and we will update as soon as we know more.

                ---

                09:20 UTC

                We hope to have all instances restored very soon.

                ---

                09:05 UTC

                All instances in LON1 are down.
                """);
        assertEquals(OffsetDateTime.parse("2022-09-14T09:05Z"), f.start().instant().orElseThrow());
        assertNull(f.end());
    }

    @Test
    void aPromisedNextUpdateIsNotTheStartAndAwaitingARepairIsNotTheEnd() {
        Facts f = facts("""
                ---
                title: Power loss in SFO2
                date: 2022-09-14 21:40:00
                ---

                23:10 UTC

                Engineers are awaiting access to the building, then restoring power.
                Our next update will be at 23:40 UTC.

                ---

                21:40 UTC

                A power failure has taken SFO2 offline.
                """);
        assertEquals(OffsetDateTime.parse("2022-09-14T21:40Z"), f.start().instant().orElseThrow());
        assertNull(f.end());
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
                On 2 January 2020, from 8.35 AM GMT until 9.05 AM GMT, the API was down.
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

    @Test
    void restorationWrittenAsVerifiedOperationalEndsTheIncident() {
        Facts f = facts("""
                ## Timeline
                - 2024-02-01 10:00 UTC: node pool deleted by mistake
                - 2024-02-01 10:20 UTC: some daemon sets not operational
                - 2024-02-01 10:40 UTC: all systems verified operational
                - 2024-02-01 10:45 UTC: wrote a summary for the team
                """);
        assertEquals(OffsetDateTime.parse("2024-02-01T10:40Z"), f.end().instant().orElseThrow());
    }

    @Test
    void aTimelineThatNeverSaysServiceCameBackEndsWithItsFix() {
        Facts f = facts("""
                ## Timeline
                - 2024-02-01 10:00 UTC: admission controller applied
                - 2024-02-01 10:30 UTC: users report timeouts
                - 2024-02-01 11:15 UTC: admission controller deleted
                """);
        assertEquals(OffsetDateTime.parse("2024-02-01T11:15Z"), f.end().instant().orElseThrow());
        Facts ongoing = facts("""
                ## Timeline
                - 2024-02-01 10:00 UTC: firewall rules changed
                - 2024-02-01 10:05 UTC: unable to reconnect over SSH
                """);
        assertNull(ongoing.end());
    }

    @Test
    void aTenthListItemGluedToItsTimeIsStillATime() {
        Facts f = facts("""
                ## Summary
                The API failed at 10:00 AM UTC on 14 March 2024.

                ## Timeline
                1. 10:00 AM UTC: reports arrive
                10.12:30 PM UTC: Service fully restored.
                """);
        assertEquals(OffsetDateTime.parse("2024-03-14T12:30Z"), f.end().instant().orElseThrow());
    }

    @Test
    void aDateFieldAboveTheTimelineDatesItsTimes() {
        Facts f = facts("""
                ## Summary
                TBD.

                ## Timeline
                **Date**: 2019-12-05
                **Timezone**: CET

                | Time | Event |
                | --- | --- |
                | 12:00 | Pipeline reverted the cluster |
                | 12:40 | All systems verified operational |
                """);
        assertEquals(OffsetDateTime.parse("2019-12-05T12:00+01:00"), f.start().instant().orElseThrow());
        assertEquals(40, f.duration().toMinutes());
    }

    @Test
    void aBareDateLineDatesTheTimesBelowIt() {
        Facts f = facts("""
                ## Timeline
                Thursday, 17 January 2019
                * 14:51 PST - engineer found nginx running as root
                * 15:10 PST - nginx is now running as the nginx user
                """);
        assertEquals(OffsetDateTime.parse("2019-01-17T14:51-08:00"), f.start().instant().orElseThrow());
        assertEquals(19, f.duration().toMinutes());
    }

    @Test
    void theHeadersDateDatesTimesWrittenWithoutOne() {
        Facts f = facts("""
                ---
                title: Storage outage
                date: 2021-07-08
                ---
                ## Timeline
                - 12:34 UTC: volumes became read-only
                - 14:02 UTC: storage restored
                """);
        assertEquals(OffsetDateTime.parse("2021-07-08T12:34Z"), f.start().instant().orElseThrow());
    }

    @Test
    void aTableColumnNamingTheZoneGivesEveryRowItsZone() {
        Facts f = facts("""
                ## Timeline
                | Date and Time in CET | Event |
                |:---:|---|
                | 2019-12-04 00:30 | all worker nodes deleted |
                | 2019-12-04 01:30 | verified all systems operational |
                """);
        assertEquals(OffsetDateTime.parse("2019-12-04T00:30+01:00"), f.start().instant().orElseThrow());
    }

    @Test
    void aDateInASentenceIsNotADateLine() {
        Facts f = facts("""
                # Cache outage

                ## Timeline
                We met on 4 May 2020 to write this down.
                - 10:00: alert
                - 10:30: restored
                """);
        assertNull(f.start().date());
    }

    @Test
    void aHeadingWithItsLevelTypedOutStillNamesItsSection() {
        Facts f = facts("""
                # h1 My first postmortem

                # h2 Timeline (all in UTC)
                - 2024-01-05 17:50 UTC: first complaint
                - 2024-01-05 19:00 UTC: site back online
                """);
        assertEquals(2, f.timeline().size());
        assertEquals(70, f.duration().toMinutes());
    }

    @Test
    void anAmbiguousNumericDateIsDayFirstUnlessTheTimesAreNorthAmerican() {
        Facts lagos = facts("""
                ## Summary
                Started at 07/09/2023 05:15 PM WAT and ended at 07/09/2023 06:00 PM WAT.
                """);
        assertEquals(OffsetDateTime.parse("2023-09-07T17:15+01:00"), lagos.start().instant().orElseThrow());
        Facts seattle = facts("""
                ## Summary
                Started at 07/09/2023 05:15 PM PDT and ended at 07/09/2023 06:00 PM PDT.
                """);
        assertEquals(OffsetDateTime.parse("2023-07-09T17:15-07:00"), seattle.start().instant().orElseThrow());
    }

    @Test
    void aRangeBetweenTwoDatedTimesDoesNotReadTheSecondDayAsAnHour() {
        Facts f = facts("""
                ## Summary
                From 15/01/2021 3:00 a.m to 17/01/2021 2 a.m (GMT-5) the disk was full.
                """);
        assertEquals(OffsetDateTime.parse("2021-01-17T02:00-05:00"), f.end().instant().orElseThrow());
        assertEquals(47 * 60, f.duration().toMinutes());
    }

    @Test
    void datesWithDashesAndMonthNamesBetweenSlashes() {
        Facts dashes = facts("""
                ## Summary
                At 2:00 PM PT on 02-20-2017 Apache stopped running.
                """);
        assertEquals(OffsetDateTime.parse("2017-02-20T14:00-08:00"), dashes.start().instant().orElseThrow());
        Facts slashes = facts("""
                ## Summary
                Start: 06/May/2022 2:17 PM (GMT)
                End: 06/May/2022 3:07 PM (GMT)
                """);
        assertEquals(OffsetDateTime.parse("2022-05-06T14:17Z"), slashes.start().instant().orElseThrow());
        assertEquals(50, slashes.duration().toMinutes());
    }

    @Test
    void aShortDashedNumberIsNoDate() {
        Facts f = facts("""
                ## Summary
                Servers 1-2-23 failed at 10:00 UTC.
                """);
        assertNull(f.start().date());
    }

    @Test
    void aZoneAfterACommaWhenItIsAnOffsetOrAKnownAbbreviation() {
        Facts f = facts("""
                ## Summary
                From 6:00 am to 12:16 pm, GMT+1, January 14 2020 requests failed.
                """);
        assertEquals(OffsetDateTime.parse("2020-01-14T06:00+01:00"), f.start().instant().orElseThrow());
        Facts notAZone = facts("""
                ## Summary
                At 6:00 am on January 14 2020, OK was all the dashboard said.
                """);
        assertNull(notAZone.start().zone());
    }

    @Test
    void twelveAmAfterAMorningStartIsNoonWithAWarning() {
        var p = Docs.understand("""
                ## Summary
                On 10/02/2022 from 11 AM to 12:30 AM the home page served 500s.
                """);
        assertEquals(LocalTime.of(12, 30), p.facts().end().time());
        assertEquals(90, p.facts().duration().toMinutes());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().contains("12 AM is midnight")));
        Facts dated = facts("""
                Start: 2022-02-10 11:00 AM UTC
                End: 2022-02-11 12:30 AM UTC
                """);
        assertEquals(13 * 60 + 30, dated.duration().toMinutes());
    }

    @Test
    void restorationInOtherWordsAndAYearlessDateStillGiveADuration() {
        Facts f = facts("""
                ## Summary
                On 05 June at 10:00 PM, a Puppet manifest changed the WordPress settings.

                ## Timeline
                - 10:00 PM: users report errors
                - 08:45 AM: manifest error identified
                - 12:00 PM: system recovers and WordPress functions normally
                """);
        assertEquals(14 * 60, f.duration().toMinutes());
    }

    @Test
    void aClockTimeWrittenWithHours() {
        Facts f = facts("""
                ## Summary
                On August 15, 2024, at 00:00 hours, the intrusion detection system raised an alert.
                """);
        assertEquals(LocalTime.MIDNIGHT, f.start().time());
        Facts duration = facts("""
                ## Summary
                On August 15, 2024 the site was down for 2:30 hours.
                """);
        assertNull(duration.start());
    }

    @Test
    void aMonthGluedToItsDayBeforeAYear() {
        Facts f = facts("""
                # API outage

                The outage occurred on January23, 2021.

                ## Summary
                Requests failed from 7:31 PM to 9:21 PM PT.
                """);
        assertEquals(OffsetDateTime.parse("2021-01-23T19:31-08:00"), f.start().instant().orElseThrow());
    }

    @Test
    void aSingleTimeInTheSentenceThatSaysTheOutageHappened() {
        Facts f = facts("""
                ## Summary
                On 31st January 2023 (10am GMT + 1), we experienced a server outage on all our servers.
                """);
        assertEquals(OffsetDateTime.parse("2023-01-31T10:00+01:00"), f.start().instant().orElseThrow());
    }

    @Test
    void anIncidentDateFieldWinsOverADateInTheTitle() {
        Facts f = facts("""
                Postmortem Report: System Outage on August 10, 2024
                Incident Date: August 16, 2024
                Incident Time: 10:00 AM - 12:30 PM (EAT)
                """);
        assertEquals(OffsetDateTime.parse("2024-08-16T10:00+03:00"), f.start().instant().orElseThrow());
    }

    @Test
    void anOffsetWithMinutesAfterALoneStartIsNotAnEnd() {
        Facts f = facts("""
                ## Summary
                The outage started at 10:00 AM (GMT+03:00) on 5 March 2024.
                """);
        assertEquals(OffsetDateTime.parse("2024-03-05T10:00+03:00"), f.start().instant().orElseThrow());
        assertNull(f.end());
    }

    @Test
    void timestampsInAQuotedLogAreNotTheIncidentsTimes() {
        Facts f = facts("""
                ## Summary
                The API failed from 10:00 to 10:40 UTC on 5 March 2024.

                ## Timeline
                - 10:00 UTC: errors start
                ```
                2024-03-05 09:12:44 WARN pool almost full
                2024-03-05 23:59:01 ERROR pool exhausted
                ```
                - 10:40 UTC: pool resized, service restored
                """);
        assertEquals(2, f.timeline().size());
        assertEquals(40, f.duration().toMinutes());
        Facts noSummary = facts("""
                ## Timeline
                ```
                2024-03-05 09:12:44 WARN pool almost full
                ```
                - 2024-03-05 10:00 UTC: errors start
                - 2024-03-05 10:40 UTC: service restored
                """);
        assertEquals(OffsetDateTime.parse("2024-03-05T10:00Z"), noSummary.start().instant().orElseThrow());
    }

    @Test
    void aLabelledDurationAnywhereWinsOverNumbersInCommands() {
        Facts f = facts("""
                Incident Date: October 29th
                Time of Outage: 2:35 PM

                Steps:
                File search: ran find / -size +100M for 10 minutes to locate large files.

                Resolution Time: 1 hour and 22 minutes
                """);
        assertEquals(82, f.duration().toMinutes());
        assertEquals(Facts.DurationOrigin.STATED, f.durationOrigin());
    }

    @Test
    void anIncidentToolsFieldsRunFromDetectedToFixedNotToClosed() {
        Facts f = facts("""
                # DB outage

                ## Summary
                - Detected: 2024-05-02 09:10 UTC
                - Fixed: 2024-05-02 10:05 UTC
                - Closed: 2024-05-03 16:00 UTC

                The database ran out of connections.
                """);
        assertEquals(OffsetDateTime.parse("2024-05-02T09:10Z"), f.start().instant().orElseThrow());
        assertEquals(OffsetDateTime.parse("2024-05-02T10:05Z"), f.end().instant().orElseThrow());
        assertEquals(55, f.duration().toMinutes());
    }
}
