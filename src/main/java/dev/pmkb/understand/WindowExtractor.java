package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.TimelineEntry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
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
    private static final Pattern APPROXIMATE = Pattern.compile(
            "(?i)~|\\b(?:about|approx\\w*|around|roughly|nearly|almost|over|more than|less than|under|some|estimated)\\b");
    private static final Pattern DURATION_LABEL = Pattern.compile(
            "(?i)(?:(?:total |outage |incident )?(?:duration|downtime)|resolution time|time to (?:resolve|recover|resolution|recovery))\\s?:");
    /** Labelled lines are looked for in this many lines. */
    private static final int MAX_FIELD_LINES = 2000;
    private static final Duration MAX_DURATION = Duration.ofDays(30);
    /** A timeline entry about the paperwork after the fix: the ticket closed, the postmortem written. */
    private static final Pattern PAPERWORK = Pattern.compile(
            "(?i)\\b(?:closed|closing|close[sd]? (?:the|out)|post-?mortem|retrospective|review(?:ed)?|follow-?ups?|documented)\\b");
    private static final Pattern RESTORED = Pattern.compile(
            "(?i)\\b(?:restored|restoring|recover(?:ed|s)|back (?:online|up|to normal)|successful resolution|resumed"
                    + "|function(?:s|ing)? (?:normally|again|as expected)|(?:fully |verified |all systems )operational"
                    + "|working (?:again|normally|as (?:intended|expected))|confirmed working|up and running|running again"
                    + "|is now running|available again|responding (?:again|normally)|resolved|fixed)\\b");
    /**
     * Restoration hoped for or under way, not done: "power can be restored", "working on restoring power",
     * "awaiting permission ... to start restoring power".
     */
    private static final Pattern RESTORATION_TO_COME = Pattern.compile(
            "(?i)\\b(?:can|could|will|would|to|until|once|before|hope|attempting|working)\\s(?:\\w+\\s){0,3}"
                    + "(?:restor|recover|resolv|fix)\\w*|\\b(?:awaiting|no eta|not yet)\\b");
    /** A last entry that says the trouble goes on ("unable to reconnect", "still failing") is not the fix. */
    private static final Pattern STILL_FAILING = Pattern.compile(
            "(?i)\\b(?:unable|fail\\w*|cannot|can't|could not|couldn't|lost|errors?|still|not|awaiting|pending|ongoing"
                    + "|investigating|will update|next update)\\b");
    /** An entry that tells of harm to users or services, not of work done on them. */
    private static final Pattern HARM = Pattern.compile(
            "(?i)\\b(?:errors?|fail(?:s|ed|ing|ures?)?|down|outages?|unavailable|unreachable|unexpected(?:ly)?"
                    + "|disrupt\\w*|time-?outs?|timed? out|timing out|[45]\\d\\d|5xx|unhealthy|killed|crash\\w*|broke(?:n)?"
                    + "|not (?:working|responding|available)|(?:weren't|wasn't|isn't|aren't) working|no longer|complain\\w*"
                    + "|affected|impacted|degrad\\w*|spik\\w*|lost|stopped|alert\\w*|alarm\\w*|paged|reported|reporting"
                    + "|detected|noticed|we have no|(?:is|are|was|were) slow|expir\\w*|unschedulable|result(?:s|ed|ing)? in|causing)\\b");
    private static final Pattern TWELVE_AM = Pattern.compile("(?i)\\b12(?::\\d{2})?\\s?a\\.?\\s?m\\b");
    private static final Pattern NOT_RESTORED = Pattern.compile(
            "(?i)\\b(?:not|partially|partly|isn't|wasn't)\\s(?:\\w+\\s)?(?:restored|recovered|operational|working|running|resolved|fixed)\\b");

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
        if (start != null && end == null && isRestoration(entries, start)) {
            // "Duration: August 16, 2024, 19:30 UTC (45 minutes)": the one time stated is when the timeline says
            // service came back, so it is the end, and the timeline tells the start.
            IncidentTime first = firstOfIncident(entries);
            Duration d = first == null ? null : between(first, start);
            if (d != null && d.isPositive()) {
                end = start;
                start = first;
            }
        }
        if (start == null) {
            // No start in the summary: the timeline's first event of the incident itself.
            start = firstOfIncident(entries);
        }
        if (start != null && end == null) end = restoredAt(entries, start);
        if (start != null && end != null && isNoonSlip(start, end) && !hasOwnDate(r, end, start.date())) {
            // "From 11 AM to 12:30 AM": 12 AM is midnight, but after a morning start the author meant noon.
            r.findings.warnAtBody(window.endLine() > 0 ? window.endLine() : window.startLine(), "end \"" + end.written()
                    + "\" read as " + end.time().plusHours(12) + ": 12 AM is midnight; write 12 PM for noon");
            end = new IncidentTime(end.written(), start.date(), end.time().plusHours(12), end.zone(), end.offset(),
                    end.resolution());
        }

        Duration duration = null;
        Facts.DurationOrigin durationOrigin = null;
        int durationLine = window.endLine() > 0 ? window.endLine() : window.startLine();
        Duration d = start == null || end == null ? null : between(start, end);
        if (d != null && start.date() == null && end.date() == null && (garbledDate(r, start) || garbledDate(r, end))) {
            // "Febtember 45, 20234": the author wrote a date pmkb cannot trust, so it cannot say both are one day.
            d = null;
        }
        if (d != null && (start.date() == null || end.date() == null)) {
            // Two times of day only, no date: an exact duration the author gives in a Duration field is surer.
            String statement = durationStatement(r, s.durationLines());
            Duration exact = statement == null ? null : exact(statement);
            if (exact != null && exact.compareTo(MAX_DURATION) <= 0) d = null;
        }
        if (d != null) {
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
            String statement = durationStatement(r, s.durationLines());
            Duration stated = statement != null ? StatedDuration.find(statement)
                    : statedDuration(s.durationLines(), s.summaryLines());
            if (stated != null && stated.compareTo(MAX_DURATION) > 0) {
                r.findings.warnAtBody(durationLine, "stated duration of " + stated.toDays() + " days is implausible: left out");
            } else if (stated != null) {
                duration = stated;
                durationOrigin = Facts.DurationOrigin.STATED;
            }
        }
        if (end == null && start != null && start.time() != null && durationOrigin == Facts.DurationOrigin.STATED) {
            // "At 10:00 AM our software failed. The incident lasted for 2 hours": the end is the start plus that.
            end = plus(start, duration);
        }
        return new Times(start, end, duration, durationOrigin);
    }

    /** {@code start} moved on by {@code d}, in its own zone; written by nobody, so {@code written} is null. */
    static IncidentTime plus(IncidentTime start, Duration d) {
        if (start.date() == null) {
            return new IncidentTime(null, null, start.time().plus(d), start.zone(), start.offset(), start.resolution());
        }
        java.time.LocalDateTime at = start.local().orElseThrow().plus(d);
        return new IncidentTime(null, at.toLocalDate(), at.toLocalTime(), start.zone(), start.offset(), start.resolution());
    }

    /**
     * The time from start to end as far as the author wrote them: between the instants when both zones
     * resolved, else between the wall-clock times (one zone is meant when none or an unknown one is written),
     * else between two times of day (the date unknown; an end before the start is on the next day).
     */
    static Duration between(IncidentTime start, IncidentTime end) {
        if (start.instant().isPresent() && end.instant().isPresent()) {
            return Duration.between(start.instant().get(), end.instant().get());
        }
        if (start.local().isPresent() && end.local().isPresent()) {
            if (start.offset() != null && end.offset() != null) return null;
            return Duration.between(start.local().get(), end.local().get());
        }
        if (start.time() == null || end.time() == null || (start.date() != null && end.date() != null)) return null;
        Duration d = Duration.between(start.time(), end.time());
        return d.isNegative() ? d.plusDays(1) : d;
    }

    /** A morning start and an end written "12:xx AM" that falls on the start's day or the next. */
    static boolean isNoonSlip(IncidentTime start, IncidentTime end) {
        if (start.time() == null || end.time() == null || end.written() == null || end.time().getHour() != 0) return false;
        if (!TWELVE_AM.matcher(end.written()).find()) return false;
        if (start.time().getHour() < 6 || start.time().getHour() >= 12) return false;
        return start.date() == null ? end.date() == null
                : end.date() != null && (end.date().equals(start.date()) || end.date().equals(start.date().plusDays(1)));
    }

    /** Whether {@code t} was written with a date other than {@code shared} (the start's, written once for both). */
    private static boolean hasOwnDate(Reading r, IncidentTime t, LocalDate shared) {
        return r.scanner.scan(t.written()).stream()
                .anyMatch(w -> w.date() != null && !Objects.equals(TimeResolver.dateOf(w.date(), 2024), shared));
    }

    /** Whether {@code t} was written with a date that is not a calendar date (written without a year is fine). */
    private static boolean garbledDate(Reading r, IncidentTime t) {
        // A leap year lends "29 February" and "05 June" (no year) a day; "Febtember 45, 20234" has none.
        return t.written() != null && r.scanner.scan(t.written()).stream()
                .anyMatch(w -> w.date() != null && TimeResolver.dateOf(w.date(), 2024) == null);
    }

    /**
     * The first timed entry that tells of the incident itself: of harm done (errors, an outage, a disruption, users
     * reporting) or of its detection. Timelines often open with the work that led up to it (a change made, a
     * rollover begun, a workshop started): those precursors are not the start. A timeline that never tells of harm
     * starts at its first timed entry.
     */
    static IncidentTime firstOfIncident(List<TimelineEntry> entries) {
        IncidentTime first = null;
        for (TimelineEntry e : entries) {
            IncidentTime t = e.time();
            if (t == null || t.time() == null) continue;
            if (first == null) first = t;
            if (e.kind() == TimelineEntry.Kind.DETECTION || HARM.matcher(e.text()).find()) return t;
            if (e.kind() != TimelineEntry.Kind.ACTION) return first;
        }
        return first;
    }

    /** Whether a timeline entry at {@code t} tells that service came back. */
    private static boolean isRestoration(List<TimelineEntry> entries, IncidentTime t) {
        for (TimelineEntry e : entries) {
            if (e.time() == null || e.time().time() == null) continue;
            Duration d = between(e.time(), t);
            if (d == null || !d.isZero()) continue;
            if (RESTORED.matcher(e.text()).find() && !NOT_RESTORED.matcher(e.text()).find()) return true;
        }
        return false;
    }

    /**
     * When service came back, as the timeline tells it: its last restoration entry at or after the start ("service
     * restored", "all systems verified operational", "confirmed working"). An entry that only closes the ticket or
     * writes the postmortem comes after the restoration and is not it. A timeline that never says the service
     * came back ends with the fix: then its last entry is the end, unless that is about paperwork, detection
     * or a false lead.
     */
    static IncidentTime restoredAt(List<TimelineEntry> entries, IncidentTime start) {
        IncidentTime restored = null;
        IncidentTime last = null;
        TimelineEntry lastEntry = null;
        for (TimelineEntry e : entries) {
            IncidentTime t = e.time();
            if (t == null || t.time() == null) continue;
            Duration d = between(start, t);
            if (d != null && d.isNegative()) continue;
            last = t;
            lastEntry = e;
            if (RESTORATION_TO_COME.matcher(e.text()).find()) continue;
            boolean restoring = RESTORED.matcher(e.text()).find() && !NOT_RESTORED.matcher(e.text()).find();
            if (e.kind() != TimelineEntry.Kind.RESOLUTION && !restoring) continue;
            if (PAPERWORK.matcher(e.text()).find() && !restoring) continue;
            restored = t;
        }
        if (restored != null || last == null || last == start) return restored;
        boolean fixStep = lastEntry == entries.getLast() && lastEntry.kind() == TimelineEntry.Kind.ACTION
                && !PAPERWORK.matcher(lastEntry.text()).find() && !STILL_FAILING.matcher(lastEntry.text()).find();
        return fixStep ? last : null;
    }

    /**
     * The line that states the duration: the first of a Duration field with a duration in it, or a labelled line
     * anywhere ("Duration: 30 mins", "Resolution time: 1 hour and 22 minutes", "Total downtime: 2h"); null when
     * there is none.
     */
    private static String durationStatement(Reading r, List<SourceLine> durationLines) {
        for (SourceLine l : IncidentWindow.head(durationLines)) {
            String plain = PlainText.line(capped(l.text()));
            if (StatedDuration.find(plain) != null) return plain;
        }
        int n = 0;
        for (Section section : r.sections) {
            // "Resolution Time: 1 hour and 22 minutes" read as a section named by its label, the value its text.
            boolean labelled = section.heading().length() < 60 && mayLabelADuration(section.heading())
                    && DURATION_LABEL.matcher(PlainText.line(section.heading()) + ":").lookingAt();
            for (SourceLine l : section.lines()) {
                if (n++ > MAX_FIELD_LINES) return null;
                String text = l.text();
                if (labelled && !l.isBlank() && text.length() <= 300) {
                    String plain = PlainText.line(text);
                    if (StatedDuration.find(plain) != null) return plain;
                    labelled = false;
                }
                if (text.length() > 300 || text.indexOf(':') < 0 || !mayLabelADuration(text)) continue;
                String plain = PlainText.line(text);
                if (DURATION_LABEL.matcher(plain).lookingAt() && StatedDuration.find(plain) != null) return plain;
            }
        }
        return null;
    }

    private static boolean mayLabelADuration(String text) {
        return PlainText.indexOfIgnoreCase(text, "duration", 0) >= 0 || PlainText.indexOfIgnoreCase(text, "downtime", 0) >= 0
                || PlainText.indexOfIgnoreCase(text, "time to", 0) >= 0 || PlainText.indexOfIgnoreCase(text, "resolution time", 0) >= 0;
    }

    /** The duration of a labelled line, unless an approximation word comes before its number. */
    private static Duration exact(String plain) {
        int digit = 0;
        while (digit < plain.length() && !Character.isDigit(plain.charAt(digit))) digit++;
        return APPROXIMATE.matcher(plain.substring(0, digit)).find() ? null : StatedDuration.find(plain);
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
