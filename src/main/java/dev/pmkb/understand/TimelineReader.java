package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.TimelineEntry;
import dev.pmkb.model.TimelineEntry.Kind;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timeline entries in the shapes authors use: {@code - 10:15 AM: text}, {@code - **Detection:** text},
 * a label line with the entries as sub-bullets, a time line with the text below it, or a Markdown table.
 * Entries inherit date and zone from the incident start and from each other; a time earlier than the one
 * before it moves to the next day (23:40 → 00:35).
 */
final class TimelineReader {

    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*");
    private static final Pattern LABEL = Pattern.compile("^([A-Za-z][A-Za-z0-9 /&'’()\\-]{1,50}?)\\s*:\\s*(.*)$");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s:\\-–—|,.)\\]]+");
    private static final int MAX_LINE = Limits.MAX_TIMELINE_LINE;
    private static final int MAX_ENTRIES = Limits.MAX_TIMELINE_ENTRIES;
    private static final Pattern OUTER_PIPES = Pattern.compile("^\\|\\s*|\\s*\\|$");
    private static final Pattern TABLE_HEADER = Pattern.compile(
            "(?:time|timestamp|when)(?: utc)?(?: \\w+)? (?:event|description|action|what happened|details?)(?: \\w+)?");
    private static final Pattern TIME_PREPOSITION = Pattern.compile("(?i)(?:at|on|around|approx\\.?|approximately|~|by)");
    private static final Pattern GLUED_LIST_NUMBER = Pattern.compile("^\\d{1,3}\\.(?=\\d{1,2}:\\d{2})");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,:\\-–—]+$");

    private final TimeScanner scanner;
    private final TimeResolver resolver;

    TimelineReader(TimeScanner scanner, TimeResolver resolver) {
        this.scanner = scanner;
        this.resolver = resolver;
    }

    /** Entries of all timeline sections, in order; {@code context} comes from the incident start. */
    List<Entry> read(List<SourceLine> lines, TimeResolver.Context context) {
        List<Entry> entries = new ArrayList<>();
        Kind labelKind = null;
        WrittenTime pendingTime = null;
        int pendingLine = 0;
        int pendingIndent = -1;
        boolean pendingForSiblings = false;
        TimeResolver.Context running = context;
        LocalDateTime previous = null;
        int read = 0;
        for (int index = 0; index < lines.size(); index++) {
            SourceLine line = lines.get(index);
            if (line.isBlank()) continue;
            if (++read > MAX_ENTRIES) break;
            String raw = line.text();
            if (raw.length() > MAX_LINE) raw = raw.substring(0, MAX_LINE);
            if (raw.strip().startsWith("|")) {
                if (TABLE_SEPARATOR.matcher(raw).matches()) continue;
                // The row above a table's separator is its header ("| Time (GMT +1) | Actions |"), whatever it says.
                if (index + 1 < lines.size() && TABLE_SEPARATOR.matcher(lines.get(index + 1).text()).matches()) continue;
                raw = OUTER_PIPES.matcher(raw.strip()).replaceAll("").replace("|", " — ");
            }
            // "10.12:30 PM: Service restored": the tenth item of a numbered list whose space was lost.
            String plain = PlainText.line(raw);
            Matcher glued = GLUED_LIST_NUMBER.matcher(plain);
            if (glued.lookingAt()) plain = plain.substring(glued.end());
            if (plain.isEmpty() || plain.codePoints().noneMatch(Character::isLetterOrDigit)) continue;
            if (isTableHeader(plain)) continue;
            // "All times in UTC.", "Timezone: CET": the zone of the entries (the stated window read it), not an event.
            if (PlainText.indexOfIgnoreCase(plain, "time", 0) >= 0
                    && StatedWindowExtractor.zoneStatement(plain, resolver.zones()) != null) {
                continue;
            }
            int indent = indentOf(raw);
            if (pendingTime != null && (indent < pendingIndent || (indent == pendingIndent && !pendingForSiblings))) {
                pendingTime = null;
            }
            String label = null;
            String rest = plain;
            Matcher m = LABEL.matcher(plain);
            if (m.matches() && kindOfLabel(m.group(1)) != null) {
                label = m.group(1);
                rest = m.group(2).strip();
            }
            List<WrittenTime> times = scanner.scan(rest);
            WrittenTime leading = leadingTime(rest, times);
            String text = leading == null ? rest : stripLeading(rest, leading);
            if (label != null && text.isEmpty() && leading == null) {
                // "- **Detection:**" with the entries below it as sub-bullets.
                labelKind = kindOfLabel(label);
                pendingTime = null;
                continue;
            }
            if (leading != null && text.isEmpty() && label == null) {
                // "- **09:15 AM (GMT+1):**" with its text on the next lines (deeper, or siblings under a label).
                pendingTime = leading;
                pendingLine = line.number();
                pendingIndent = indent;
                pendingForSiblings = true;
                continue;
            }
            WrittenTime time = leading != null ? leading : pendingTime;
            int timeLine = leading != null ? line.number() : pendingLine;
            Kind kind = label != null ? kindOfLabel(label) : labelKind != null ? labelKind : kindOfWords(text);
            IncidentTime resolved = null;
            if (time != null) {
                resolved = resolver.resolve(time, running, timeLine);
                if (previous != null && time.date() == null && resolved.local().isPresent()
                        && crossesMidnight(previous, resolved.local().get())) {
                    resolved = IncidentWindow.rollOver(new IncidentTime(null, previous.toLocalDate(), previous.toLocalTime(),
                            null, null, resolved.resolution()), resolved);
                }
                if (resolved.local().isPresent()) previous = resolved.local().get();
                running = TimeResolver.Context.of(resolved, running);
            }
            String entryText = label != null && !text.isEmpty() && kindOfLabel(label) != null && leading == null
                    ? label + ": " + text : text;
            if (entryText.isEmpty()) entryText = label != null ? label : plain;
            entries.add(new Entry(new TimelineEntry(resolved, PlainText.clip(entryText, 600), kind, line.number())));
            if (leading != null) {
                // "- Issue Detected: May 11, 9:00 AM" is an entry; only its sub-bullets share its time.
                pendingTime = leading;
                pendingLine = line.number();
                pendingIndent = indent;
                pendingForSiblings = false;
            }
        }
        return entries;
    }

    /**
     * 23:40 then 00:35 is the next day; 11:00 then 09:00 is an entry written out of order. A jump back of more
     * than twelve hours can only be the clock passing midnight.
     */
    private static boolean crossesMidnight(LocalDateTime previous, LocalDateTime next) {
        return next.isBefore(previous) && java.time.Duration.between(next, previous).toMinutes() > 12 * 60;
    }

    /** A timeline entry with its body line (converted to a file line by the caller). */
    record Entry(TimelineEntry entry) {
    }

    private static int indentOf(String raw) {
        int width = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') width++;
            else if (c == '\t') width += 4;
            else break;
        }
        return width;
    }

    static boolean isTableHeader(String plain) {
        // A header's words start with "time", "timestamp" or "when": most entries are passed over at their first letter.
        if (!mayStartATableHeader(plain)) return false;
        String w = PlainText.words(plain);
        return TABLE_HEADER.matcher(w).matches();
    }

    /** Whether the first letter or digit lowers to 't' or 'w', as it does in {@link PlainText#words}. */
    private static boolean mayStartATableHeader(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (!Character.isLetterOrDigit(c)) continue;
            char lower = Character.toLowerCase(c);
            return lower == 't' || lower == 'w';
        }
        return false;
    }

    /** A time written at the start of the entry ("10:15 AM -", "May 11, 2023, 9:00 AM (WAT):"). */
    private static WrittenTime leadingTime(String text, List<WrittenTime> times) {
        for (WrittenTime t : times) {
            if (t.time() == null) continue;
            return t.from() <= 25 ? t : null;
        }
        for (WrittenTime t : times) {
            if (t.from() <= 3) return t;
        }
        return null;
    }

    private static String stripLeading(String text, WrittenTime t) {
        String before = text.substring(0, t.from()).strip();
        String after = LEADING_SEPARATOR.matcher(text.substring(Math.min(text.length(), t.to()))).replaceFirst("").strip();
        if (before.isEmpty() || TIME_PREPOSITION.matcher(before).matches()) return after;
        before = TRAILING_SEPARATORS.matcher(before).replaceAll("");
        return after.isEmpty() ? before : before + " " + after;
    }

    static Kind kindOfLabel(String label) {
        String w = PlainText.words(label);
        if (w.contains("mislead") || w.contains("red herring") || w.contains("wrong path") || w.contains("dead end")
                || w.contains("false lead") || w.contains("assumption")) return Kind.MISLEADING;
        if (w.contains("escalat")) return Kind.ESCALATION;
        if (w.contains("detect") || w.contains("discover") || w.contains("alert") || w.contains("noticed")
                || w.contains("identified")) return Kind.DETECTION;
        if (w.contains("resol") || w.contains("recover") || w.contains("restor") || w.contains("fix")
                || w.contains("mitigat")) return Kind.RESOLUTION;
        if (w.contains("action") || w.contains("investigat") || w.contains("response") || w.contains("debug")
                || w.contains("diagnos") || w.contains("troubleshoot")) return Kind.ACTION;
        return null;
    }

    private static final WordStartSearch MISLEADING = words(List.of("mislead\\w*", "red herring",
            "initially (?:thought|suspected|assumed|believed)", "assum\\w*", "suspect\\w*", "wrongly", "false lead",
            "dead end", "turned out not", "ruled out", "was not the (?:cause|problem|issue)"), "\\b");
    private static final WordStartSearch ESCALATION = words(List.of("escalat\\w*", "paged", "page[ds]? the", "looped in",
            "called in", "brought in", "notified the", "involved the", "handed over"), "\\b");
    private static final WordStartSearch RESOLUTION = words(List.of("resolv\\w*", "restored", "fixed", "back to normal",
            "back online", "recovered", "fully operational", "mitigated", "service (?:was )?restored", "rolled back",
            "closed the incident", "incident closed"), "\\b");
    private static final WordStartSearch DETECTION = words(List.of("detected", "noticed", "alert(?:ed|s)?", "spotted",
            "first reports?", "reported", "discovered", "monitoring"), "\\b");

    /** An alert paging the on-call engineer is how the incident was noticed, not an escalation. */
    private static final WordStartSearch ALERT_PAGES_ON_CALL = words(List.of("alert\\w*", "alarm\\w*", "monitor\\w*"),
            "\\b.*\\bpag(?:e[ds]?|ing)\\b.*\\bon-?call\\b");

    /** {@code \b(?:word|word|...)} followed by {@code tail}: searched only where one of the words can start. */
    private static WordStartSearch words(List<String> words, String tail) {
        return new WordStartSearch(Pattern.compile("\\b(?:" + String.join("|", words) + ")" + tail), words);
    }

    static Kind kindOfWords(String text) {
        WordStartSearch.Starts t = WordStartSearch.Starts.of(text.toLowerCase(Locale.ROOT));
        if (MISLEADING.find(t)) return Kind.MISLEADING;
        if (ALERT_PAGES_ON_CALL.find(t)) return Kind.DETECTION;
        if (ESCALATION.find(t)) return Kind.ESCALATION;
        if (RESOLUTION.find(t)) return Kind.RESOLUTION;
        if (DETECTION.find(t)) return Kind.DETECTION;
        return Kind.ACTION;
    }
}
