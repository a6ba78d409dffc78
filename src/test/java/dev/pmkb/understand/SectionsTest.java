package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.TimelineEntry.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectionsTest {

    private static List<SectionKind> kinds(String md) {
        return SectionSplitter.split(md).stream().map(Section::kind).toList();
    }

    @Test
    void headingsOfEveryForm() {
        assertEquals(List.of(SectionKind.PREAMBLE, SectionKind.SUMMARY, SectionKind.TIMELINE, SectionKind.ROOT_CAUSE,
                SectionKind.RESOLUTION, SectionKind.CORRECTIVE, SectionKind.LESSONS), kinds("""
                # Queue backlog
                intro
                **Issue Summary:**
                text
                *Timeline*
                - 10:00 UTC alert
                ### Root Cause
                text
                Resolution and Recovery:
                text
                Corrective & Preventive Measures
                - add alerting
                __Lessons Learned__
                - test restores
                """));
    }

    @Test
    void nameVariants() {
        assertEquals(SectionKind.SUMMARY, SectionNames.kindOf("Overview"));
        assertEquals(SectionKind.SUMMARY, SectionNames.kindOf("Incident Summary:"));
        assertEquals(SectionKind.TIMELINE, SectionNames.kindOf("Chronology"));
        assertEquals(SectionKind.TIMELINE, SectionNames.kindOf("Timeline (all times in PST)"));
        assertEquals(SectionKind.ROOT_CAUSE_AND_RESOLUTION, SectionNames.kindOf("Root Cause and Resolution"));
        assertEquals(SectionKind.ROOT_CAUSE, SectionNames.kindOf("Root Causes"));
        assertEquals(SectionKind.CORRECTIVE, SectionNames.kindOf("Corrective and Preventative Measures"));
        assertEquals(SectionKind.CORRECTIVE, SectionNames.kindOf("Action Items"));
        assertEquals(SectionKind.TASKS, SectionNames.kindOf("TODO"));
        assertEquals(SectionKind.TASKS, SectionNames.kindOf("Tasks to address the issue"));
        assertEquals(SectionKind.LESSONS, SectionNames.kindOf("Lessons learned"));
        assertEquals(SectionKind.IMPACT, SectionNames.kindOf("🔥 Impact"));
        assertEquals(SectionKind.DETECTION, SectionNames.kindOf("Detection"));
        assertEquals(SectionKind.DURATION, SectionNames.kindOf("Duration of the outage"));
        assertNull(SectionNames.kindOf("Actions Taken"));
        assertNull(SectionNames.kindOf("Issue Detected"));
    }

    @Test
    void aTimelineHeadingWithTheOrOurBeforeIt() {
        assertEquals(SectionKind.TIMELINE, SectionNames.kindOf("The Timeline of Events:"));
        assertEquals(SectionKind.TIMELINE, SectionNames.kindOf("Our incident timeline"));
        assertNull(SectionNames.kindOf("The timeline slipped because the vendor was late on the fix"));
    }

    @Test
    void labelsNestedInListItemsBelongToTheSummary() {
        Facts f = Docs.understand("""
                **Issue Summary:**
                - **Duration:**
                  - Start Time: May 2, 2024, 14:00 (UTC)
                  - End Time: May 2, 2024, 14:45 (UTC)
                - **Impact:**
                  - Image uploads failed for 40% of users
                - **Root Cause:**
                  - An expired TLS certificate on the storage endpoint

                **Timeline:**
                - **Detection:**
                  - 14:00 UTC: Synthetic check failed.
                - **Resolution:**
                  - 14:45 UTC: Certificate renewed.
                """).facts();
        assertEquals(40.0, f.impact().usersPercent());
        assertEquals("certificate-expiry", f.causes().primary());
        assertEquals(2, f.timeline().size());
        assertEquals(Kind.DETECTION, f.timeline().get(0).kind());
        assertEquals(Kind.RESOLUTION, f.timeline().get(1).kind());
        assertNotNull(f.summary());
    }

    @Test
    void rootCauseAndResolutionSplitByParagraph() {
        Facts f = Docs.understand("""
                ## Root Cause and Resolution
                A missing index on the orders table made every checkout do a full table scan.

                To resolve it we added the index and restarted the workers.
                """).facts();
        assertTrue(f.rootCause().startsWith("A missing index"), f.rootCause());
        assertTrue(f.resolution().startsWith("To resolve it"), f.resolution());
        assertEquals("inefficient-query", f.causes().primary());
    }

    @Test
    void documentWithoutAnySection() {
        Facts f = Docs.understand("""
                Our status page was down for about twenty minutes this morning because the DNS record of
                the status domain had been deleted during a clean-up. We restored the record from backup.
                """).facts();
        assertNotNull(f.summary());
        assertEquals("dns", f.causes().primary());
        assertNull(f.start());
        assertTrue(f.timeline().isEmpty());
    }

    @Test
    void timelineEntryKindsFromLabelsAndWords() {
        Facts f = Docs.understand("""
                ## Timeline
                - 09:00 UTC: Customers reported 502 errors on the login page.
                - 09:10 UTC: We assumed the CDN was at fault and purged the cache.
                - 09:25 UTC: Escalated to the platform team.
                - 09:40 UTC: Restarted the auth pods.
                - 09:50 UTC: Service restored.
                """).facts();
        assertEquals(List.of(Kind.DETECTION, Kind.MISLEADING, Kind.ESCALATION, Kind.ACTION, Kind.RESOLUTION),
                f.timeline().stream().map(t -> t.kind()).toList());
        assertEquals(2, f.timeline().get(0).line());
        assertEquals("customer reports", f.detection().how());
    }

    @Test
    void anAlertPagingOnCallIsTheDetectionAndBringingInATeamIsTheEscalation() {
        Facts f = Docs.understand("""
                ## Timeline
                - 14:05 UTC — Grafana alert checkout_5xx_ratio > 5% fires and pages the on-call engineer.
                - 14:40 UTC — The on-call engineer paged the database team.
                """).facts();
        assertEquals(List.of(Kind.DETECTION, Kind.ESCALATION), f.timeline().stream().map(t -> t.kind()).toList());
    }
}
