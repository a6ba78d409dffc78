package dev.pmkb.render;

import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.IncidentTime.ZoneResolution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayTest {

    private static IncidentTime at(String zone, ZoneOffset offset, ZoneResolution how) {
        return new IncidentTime("written", LocalDate.of(2023, 5, 11), LocalTime.of(23, 30), zone, offset, how);
    }

    @Test
    void timesInTheAuthorsZoneAndInUtc() {
        IncidentTime wat = at("WAT", ZoneOffset.ofHours(1), ZoneResolution.EXPLICIT);
        assertEquals("May 11, 2023 23:30 WAT", Display.local(wat));
        assertEquals("22:30 UTC", Display.utc(wat));
        IncidentTime pdt = at("PDT", ZoneOffset.ofHours(-7), ZoneResolution.EXPLICIT);
        assertEquals("May 12, 2023 06:30 UTC", Display.utc(pdt), "the UTC date is named when it differs");
        assertNull(Display.utc(at("UTC", ZoneOffset.UTC, ZoneResolution.EXPLICIT)), "UTC is not said twice");
        assertNull(Display.utc(at("West saudi arabia Time", null, ZoneResolution.UNKNOWN)), "never guessed");
    }

    @Test
    void timelineTimesReadLikeTheFactsCardWithTheDateOnlyWhenTheDayChanges() {
        IncidentTime pm = new IncidentTime("11:30 PM WAT", LocalDate.of(2023, 5, 11), LocalTime.of(23, 30), "WAT",
                ZoneOffset.ofHours(1), ZoneResolution.EXPLICIT);
        assertEquals("23:30 WAT", Display.clock(pm, LocalDate.of(2023, 5, 11)));
        assertEquals("May 11, 2023 23:30 WAT", Display.clock(pm, LocalDate.of(2023, 5, 10)));
        IncidentTime noZone = new IncidentTime("9:05 am", null, LocalTime.of(9, 5), null, null, ZoneResolution.MISSING);
        assertEquals("09:05", Display.clock(noZone, null));
        IncidentTime dayOnly = new IncidentTime("May 12", LocalDate.of(2023, 5, 12), null, "UTC", ZoneOffset.UTC,
                ZoneResolution.EXPLICIT);
        assertEquals("May 12, 2023", Display.clock(dayOnly, LocalDate.of(2023, 5, 12)));
    }

    @Test
    void durationsAndOffsetsFromTheStart() {
        assertEquals("2 h 15 min", Display.duration(Duration.ofMinutes(135)));
        assertEquals("45 min", Display.duration(Duration.ofMinutes(45)));
        assertEquals("1 d 4 h", Display.duration(Duration.ofHours(28)));
        assertEquals("0 min", Display.duration(Duration.ZERO));
        assertEquals("T+0:15", Display.relative(Duration.ofMinutes(15)));
        assertEquals("T+26:05", Display.relative(Duration.ofMinutes(26 * 60 + 5)));
        assertEquals("T\u22120:35", Display.relative(Duration.ofMinutes(-35)));
    }

    @Test
    void theLeadIsAStorySentenceNotLabelledFacts() {
        assertNull(Display.summaryLead("Duration: March 3, 2024, 14:05 - 15:50 (UTC) Impact: 30% of users."));
        assertEquals("Checkout failed for a third of users after a release.",
                Display.summaryLead("Checkout failed for a third of users after a release. More detail follows here."));
        assertEquals("90%", Display.percent(90.0));
        assertEquals("12.5%", Display.percent(12.5));
    }

    @Test
    void searchResultsSayDatesAsTheListsDo() throws java.io.IOException {
        java.nio.file.Path render = dev.pmkb.testing.Shared.repository().resolve("assets/js/search/ui/render.js");
        String script = "import { displayDate } from '" + render.toUri() + "';"
                + "import readline from 'node:readline';"
                + "for await (const line of readline.createInterface({ input: process.stdin })) console.log(displayDate(line));";
        java.util.List<LocalDate> dates = java.util.List.of(LocalDate.of(2023, 6, 10), LocalDate.of(2024, 1, 1),
                LocalDate.of(2019, 12, 31));
        java.util.List<String> shown = dev.pmkb.testing.Node.run(java.util.List.of("--input-type=module", "-e", script),
                dates.stream().map(LocalDate::toString).toList());
        assertEquals(dates.stream().map(Display::date).toList(), shown);
    }

    @Test
    void aCardSaysInOneSentenceWhatHappenedOrWhy() {
        assertEquals("Checkout returned errors for an hour.",
                Display.cardLine("Checkout returned errors for an hour. Then it recovered.", "The pool ran dry.", null));
        assertEquals("The pool ran dry when traffic doubled.",
                Display.cardLine("Duration: 2 hours\nImpact: 30% of users", "The pool ran dry when traffic doubled.",
                        "ignored"), "labelled facts are no story: the cause sentence is");
        assertEquals("Incorrect configuration of the NGINX server settings.",
                Display.cardLine(null, null, "Root Cause: Incorrect configuration of the NGINX server settings."),
                "the label goes");
        assertEquals("A bad certificate took down the login service.",
                Display.cardLine("On Thursday 5 December 2019,", "| 10:00 | The certificate expired |",
                        "A bad certificate took down the login service."), "fragments and table rows are passed over");
        assertNull(Display.cardLine("postmortem: title: \"Outage\" issue_summary: duration: 2h", null, null));
        assertNull(Display.cardLine(null, null, null));
        String longLine = Display.cardLine("word ".repeat(80), null, null);
        assertTrue(longLine.length() <= Display.CARD_LINE && longLine.endsWith("word…"), longLine);
    }
}
