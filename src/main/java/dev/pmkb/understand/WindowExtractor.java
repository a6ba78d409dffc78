package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.TimelineEntry;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When the incident started and ended and how long it lasted: the stated window, else the timeline's. */
final class WindowExtractor implements Extractor<WindowExtractor.Times> {

    /** Start and end (either may be null) and the duration with where it came from (both null when unknown). */
    record Times(IncidentTime start, IncidentTime end, Duration duration, Facts.DurationOrigin durationOrigin) {
    }

    private static final Pattern DURATION_WORDS = Pattern.compile(
            "(?i)\\b(?:lasted|duration|for (?:about|approximately|around|roughly|nearly|over|almost)?|approximately|about"
                    + "|around|roughly|outage of|down for|downtime of|total of)\\b");
    private static final Duration MAX_DURATION = Duration.ofDays(30);

    private final StatedWindowExtractor stated;
    private final TimelineExtractor timeline;

    WindowExtractor(StatedWindowExtractor stated, TimelineExtractor timeline) {
        this.stated = stated;
        this.timeline = timeline;
    }

    @Override
    public Times extract(Reading r) {
        StatedWindowExtractor.Stated s = r.of(stated);
        IncidentWindow.Window window = s.window();
        List<TimelineEntry> entries = r.of(timeline);
        IncidentTime start = window.start();
        IncidentTime end = window.end();
        if (start != null && start.resolution() == IncidentTime.ZoneResolution.MISSING) {
            r.findings.warnAtBody(window.startLine(), "no time zone for start \"" + start.written()
                    + "\": write one (UTC, WAT, UTC+1) so times can be compared");
        }
        if (start == null) {
            // No start in the summary: the first timed timeline entry is the author's own earliest time.
            start = entries.stream().map(TimelineEntry::time).filter(t -> t != null && t.time() != null)
                    .findFirst().orElse(null);
            if (start != null && end == null) {
                TimelineEntry last = entries.getLast();
                if (last.kind() == TimelineEntry.Kind.RESOLUTION && last.time() != null && last.time().time() != null) {
                    end = last.time();
                }
            }
        }

        Duration duration = null;
        Facts.DurationOrigin durationOrigin = null;
        int durationLine = window.endLine() > 0 ? window.endLine() : window.startLine();
        if (start != null && end != null && start.instant().isPresent() && end.instant().isPresent()) {
            Duration d = Duration.between(start.instant().get(), end.instant().get());
            if (d.isNegative()) {
                r.findings.warnAtBody(durationLine, "end " + end.iso() + " is before start " + start.iso()
                        + ": duration left out");
            } else if (d.compareTo(MAX_DURATION) > 0) {
                r.findings.warnAtBody(durationLine, "duration of " + d.toDays() + " days from " + start.iso() + " to "
                        + end.iso() + " is implausible: left out");
            } else {
                duration = d;
                durationOrigin = Facts.DurationOrigin.COMPUTED;
            }
        }
        if (duration == null) {
            Duration stated = statedDuration(s.durationLines(), s.summaryLines());
            if (stated != null && stated.compareTo(MAX_DURATION) > 0) {
                r.findings.warnAtBody(durationLine, "stated duration of " + stated.toDays() + " days is implausible: left out");
            } else if (stated != null) {
                duration = stated;
                durationOrigin = Facts.DurationOrigin.STATED;
            }
        }
        return new Times(start, end, duration, durationOrigin);
    }

    private static Duration statedDuration(List<SourceLine> durationLines, List<SourceLine> summaryLines) {
        for (SourceLine l : IncidentWindow.head(durationLines)) {
            Duration d = StatedDuration.find(PlainText.line(capped(l.text())));
            if (d != null) return d;
        }
        for (SourceLine l : IncidentWindow.head(summaryLines)) {
            String plain = PlainText.line(capped(l.text()));
            if (plain.length() > 4000) plain = plain.substring(0, 4000);
            Matcher m = DURATION_WORDS.matcher(plain);
            if (m.find()) {
                Duration d = StatedDuration.find(plain.substring(m.start()));
                if (d != null) return d;
            }
        }
        return null;
    }

    private static String capped(String raw) {
        return raw.length() > 8000 ? raw.substring(0, 8000) : raw;
    }
}
