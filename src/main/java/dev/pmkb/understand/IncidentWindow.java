package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import dev.pmkb.model.IncidentTime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds when the incident started and ended as the summary states it: explicit {@code Start:/End:} lines
 * first, then a range on a duration line ({@code 9:00 AM - 1:00 PM (WAT)}), then a range anywhere in the
 * summary. The timeline is only a fallback, handled by the caller.
 */
final class IncidentWindow {

    record Window(IncidentTime start, int startLine, IncidentTime end, int endLine) {
        static final Window NONE = new Window(null, 0, null, 0);
    }

    private static final Pattern START_LABEL = Pattern.compile(
            "(?i)^(?:the\\s)?(?:outage\\s|incident\\s|issue\\s|downtime\\s|impact\\s)?(?:start(?:ed|ing)?|began|begin(?:ning)?)"
                    + "(?:\\s(?:time|date|date and time|at|on))?\\s?(?::|-|–|at\\b|on\\b)");
    private static final Pattern END_LABEL = Pattern.compile(
            "(?i)^(?:the\\s)?(?:outage\\s|incident\\s|issue\\s|downtime\\s|impact\\s)?(?:end(?:ed|ing)?|resolved|resolution time"
                    + "|recovered|restored|fixed|finish(?:ed)?|mitigated)(?:\\s(?:time|date|date and time|at|on))?\\s?(?::|-|–|at\\b|on\\b)");
    private static final Pattern DETECTED_LABEL = Pattern.compile(
            "(?i)^(?:(?:incident|issue|outage)\\s)?(?:detected|reported|opened|declared)(?:\\s(?:at|on|time))?\\s?:");
    private static final Pattern SINGLE_START_WORDS = Pattern.compile(
            "(?i)\\b(?:start(?:ed|ing)?|began|begin|occurred|from|since|commenced|at|experienced|went (?:down|offline)"
                    + "|happened|stopped)\\b");
    private static final int MAX_SCAN = Limits.MAX_SCANNED_LINE;
    /** "Our next update will be at 03:15 UTC": the time of an update promised, not of the incident. */
    private static final Pattern NEXT_UPDATE = Pattern.compile(
            "(?i)\\b(?:next update|update (?:\\w+ ){0,2}(?:at|by)|will (?:next )?update|updates? (?:again )?(?:at|by))\\b");
    private static final Pattern RESTORATION_WORDS = Pattern.compile(
            "(?i)\\b(?:(?:fully |back )?(?:operational|online|restored|recovered|resolved|available)|back up|back to normal"
                    + "|working (?:again|normally))\\b");
    private static final Pattern DASH_MARKER = Pattern.compile("^\\s*[—–]\\s+");

    private final TimeScanner scanner;
    private final TimeResolver resolver;

    IncidentWindow(TimeScanner scanner, TimeResolver resolver) {
        this.scanner = scanner;
        this.resolver = resolver;
    }

    Window find(List<SourceLine> durationLinesAll, List<SourceLine> summaryLinesAll, TimeResolver.Context context) {
        // A summary states its window near its top; a 10 MB summary is not read to its end.
        List<SourceLine> durationLines = head(durationLinesAll);
        List<SourceLine> summaryLines = head(summaryLinesAll);
        List<SourceLine> all = new ArrayList<>(durationLines);
        all.addAll(summaryLines);
        SourceLine startLine = null;
        WrittenTime start = null;
        SourceLine endLine = null;
        WrittenTime end = null;
        SourceLine detectedLine = null;
        WrittenTime detected = null;
        // The fallbacks below look at the same lines again: each line's plain text and times are made once.
        String[] plains = new String[all.size()];
        List<List<WrittenTime>> timedOf = new ArrayList<>(java.util.Collections.nCopies(all.size(), null));
        for (int i = 0; i < all.size(); i++) {
            SourceLine l = all.get(i);
            String plain = plain(l);
            plains[i] = plain;
            if (detected == null && DETECTED_LABEL.matcher(plain).lookingAt()) {
                WrittenTime t = first(plain);
                if (t != null && t.time() != null) {
                    detected = t;
                    detectedLine = l;
                }
            }
            if (start == null && START_LABEL.matcher(plain).lookingAt()) {
                WrittenTime t = first(plain);
                if (t != null) {
                    start = t;
                    startLine = l;
                }
            } else if (end == null && END_LABEL.matcher(plain).lookingAt()) {
                WrittenTime t = first(plain);
                if (t != null) {
                    end = t;
                    endLine = l;
                }
            }
        }
        if (start == null && end != null && detected != null) {
            // An incident tool's fields (Detected / Fixed / Closed): with no start stated, the detection opens it.
            start = detected;
            startLine = detectedLine;
        }
        if (start != null && end == null) {
            // "The outage started at 5:00 AM GMT on May 12 and ended at 8:00 AM GMT": both on the start line.
            List<WrittenTime> times = timed(scanner.scan(plain(startLine)));
            if (times.size() >= 2 && start.time() != null && times.getFirst().from() == start.from()) {
                end = times.get(1);
                endLine = startLine;
            }
        }
        if (start == null) {
            for (int i = 0; i < all.size(); i++) {
                SourceLine l = all.get(i);
                String plain = plains[i];
                List<WrittenTime> times = timedAt(timedOf, i, plain);
                if (times.size() >= 2) {
                    start = times.get(0);
                    startLine = l;
                    end = restorationAmong(times, plain);
                    endLine = l;
                    break;
                }
            }
        }
        if (start == null) {
            for (int i = 0; i < all.size(); i++) {
                SourceLine l = all.get(i);
                String plain = plains[i];
                List<WrittenTime> times = timedAt(timedOf, i, plain);
                if (times.size() == 1 && (i < durationLines.size() || SINGLE_START_WORDS.matcher(plain).find())
                        && !NEXT_UPDATE.matcher(plain).find()) {
                    start = times.getFirst();
                    startLine = l;
                    break;
                }
            }
        }
        if (start == null && end == null) return Window.NONE;
        IncidentTime s = start == null ? null : resolver.resolve(start, context, startLine.number());
        TimeResolver.Context endContext = TimeResolver.Context.of(s, context);
        IncidentTime e = end == null ? null : resolver.resolve(end, endContext, endLine.number());
        if (s != null && e != null && (end.date() == null || end.dateShared())) e = rollOver(s, e);
        return new Window(s, startLine == null ? 0 : startLine.number(), e, endLine == null ? 0 : endLine.number());
    }

    /** "22:00 - 01:00": an end written without its date, earlier than the start, is on the next day. */
    static IncidentTime rollOver(IncidentTime start, IncidentTime end) {
        if (start.local().isEmpty() || end.local().isEmpty()) return end;
        if (!end.local().get().isBefore(start.local().get())) return end;
        LocalDate next = end.date().plusDays(1);
        return new IncidentTime(end.written(), next, end.time(), end.zone(),
                end.offset(), end.resolution());
    }

    static final int MAX_LINES = Limits.MAX_WINDOW_LINES;

    static List<SourceLine> head(List<SourceLine> lines) {
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }

    private static String plain(SourceLine l) {
        String raw = l.text();
        String p = PlainText.line(raw.length() > MAX_SCAN * 2 ? raw.substring(0, MAX_SCAN * 2) : raw);
        // "— Start Time: ...": a dash written as the list's marker (pasted from a blog) before a field's label.
        p = DASH_MARKER.matcher(p).replaceFirst("");
        return p.length() > MAX_SCAN ? p.substring(0, MAX_SCAN) : p;
    }

    /**
     * The end among a line's times after its first: the one that follows words of restoration ("at 2:20 PM
     * Apache was restarted and the website was fully operational by 2:30 PM"), else the second.
     */
    private static WrittenTime restorationAmong(List<WrittenTime> times, String plain) {
        for (int i = times.size() - 1; i >= 2; i--) {
            String before = plain.substring(times.get(i - 1).to(), times.get(i).from());
            if (RESTORATION_WORDS.matcher(before).find()) return times.get(i);
        }
        return times.get(1);
    }

    private WrittenTime first(String plain) {
        List<WrittenTime> all = scanner.scan(plain);
        for (WrittenTime t : all) {
            if (t.time() != null) return t;
        }
        return all.isEmpty() ? null : all.getFirst();
    }

    /** The timed times of the {@code i}th line, scanned the first time they are asked for. */
    private List<WrittenTime> timedAt(List<List<WrittenTime>> timedOf, int i, String plain) {
        List<WrittenTime> times = timedOf.get(i);
        if (times == null) {
            times = timed(scanner.scan(plain));
            timedOf.set(i, times);
        }
        return times;
    }

    private static List<WrittenTime> timed(List<WrittenTime> all) {
        return all.stream().filter(t -> t.time() != null).toList();
    }
}
