package dev.pmkb.understand;

import dev.pmkb.model.IncidentTime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window the summary or a "Duration:" section states, and the date and zone every time written without
 * one borrows: the first date of the title or summary, the zone of an "All times in UTC." statement.
 */
final class StatedWindowExtractor implements Extractor<StatedWindowExtractor.Stated> {

    /**
     * @param window       the start and end the summary or duration section states (either may be null)
     * @param context      the date, year and zone lent to times written without them
     * @param summaryDate  the first date of the title or summary, null when there is none
     * @param summaryLines the lines of the summary, its parts and the preamble
     * @param durationLines the lines of the duration sections
     */
    record Stated(IncidentWindow.Window window, TimeResolver.Context context, LocalDate summaryDate,
                  List<SourceLine> summaryLines, List<SourceLine> durationLines) {
    }

    private static final Pattern DECLARED_ZONE = Pattern.compile(
            "(?i)\\ball (?:times?|timestamps?)(?: in (?:this|the) (?:report|document|post-?mortem|timeline))?(?: are| listed| shown| given| below)?(?: in)?\\s{1,3}\\(?([A-Za-z][A-Za-z/_+\\-:0-9 ]{0,30}?)\\s{0,2}(?:[).,;*_]|$)",
            Pattern.MULTILINE);

    /** "📆 ", "- ": what may come before a statement of the zone. */
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}(]+");

    /** "Date:", "**Incident date**:", "Date of the incident -": the label of a date field. */
    private static final Pattern DATE_FIELD = Pattern.compile(
            "(?i)(?:(?:incident|outage|event)\\s)?date(?:\\sof\\s(?:the\\s)?(?:incident|outage|event))?\\s?[:\\-–]\\s*");
    private static final Pattern ONLY_WEEKDAY = Pattern.compile(
            "(?i)(?:on\\s)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[\\s,.:()]*");
    /** "Timezone: CET", "Time zone - UTC", "Date and Time in CET", "Time (UTC)". */
    private static final Pattern ZONE_FIELD = Pattern.compile(
            "(?i)(?:time\\s?zone\\s?[:\\-–]\\s*|(?:date\\s(?:and|&)\\s)?time\\s(?:in\\s|\\()|timestamps?\\s(?:in\\s|\\())"
                    + "([A-Za-z][A-Za-z/_+\\-:0-9 ]{0,30}?)\\)?\\s*");
    /** A date apart from the times is written near the top; this many lines are looked at. */
    private static final int MAX_DATE_LINES = 2000;

    private final TitleExtractor title;

    StatedWindowExtractor(TitleExtractor title) {
        this.title = title;
    }

    @Override
    public Stated extract(Reading r) {
        List<SourceLine> durationLines = SectionSplitter.outsideCode(r.lines(SectionKind.DURATION));
        List<SourceLine> summaryLines = new ArrayList<>();
        for (Section s : r.sections) {
            if (s.kind() == SectionKind.SUMMARY || s.parent() == SectionKind.SUMMARY
                    || s.kind() == SectionKind.PREAMBLE || (s.kind() == SectionKind.IMPACT && s.parent() == null)) {
                summaryLines.addAll(s.lines());
            }
        }
        summaryLines = SectionSplitter.outsideCode(summaryLines);
        TimeResolver.Context context = contextOf(r, r.of(title), summaryLines);
        LocalDate summaryDate = context.date();
        if (context.date() == null) context = dateApart(r);
        String declared = declaredZone(r);
        if (declared == null) declared = zoneField(r);
        if (declared != null) {
            // "All times in CET." / "Timeline (all times in UTC)": the author's statement covers every time.
            context = new TimeResolver.Context(context.date(), context.year(), declared);
        }
        IncidentWindow.Window window = new IncidentWindow(r.scanner, r.resolver).find(durationLines, summaryLines, context);
        return new Stated(window, context, summaryDate, summaryLines, durationLines);
    }

    /** The zone of a statement such as "All times in UTC." or "Timeline (all times West African Time)". */
    private static String declaredZone(Reading r) {
        String text = r.markdown.length() > Reading.TIME_TEXT_LIMIT ? r.markdown.substring(0, Reading.TIME_TEXT_LIMIT)
                : r.markdown;
        // Every statement contains "all time": the regex is tried only there, not at every character.
        Matcher m = DECLARED_ZONE.matcher(text).useTransparentBounds(true);
        int from = 0;
        for (int at; (at = PlainText.indexOfIgnoreCase(text, "all time", from)) >= 0; ) {
            if (!m.region(at, text.length()).lookingAt()) {
                from = at + 1;
                continue;
            }
            from = m.end();
            String zone = m.group(1).strip();
            if (r.zones.resolve(zone, LocalDate.of(2024, 1, 1), null).resolution() != IncidentTime.ZoneResolution.UNKNOWN) {
                return zone;
            }
        }
        return null;
    }

    /**
     * The zone that a line saying nothing else declares ("All times in UTC.", "Timezone: CET", "(all times are PST)",
     * a time column's header "Time (EAT)"), or null: such a line sets the zone of the times around it and is not
     * itself an event.
     */
    static String zoneStatement(String plain, ZoneRules zones) {
        String text = LEADING_SYMBOLS.matcher(plain).replaceFirst("").strip();
        if (text.startsWith("(") && text.endsWith(")")) text = text.substring(1, text.length() - 1).strip();
        Matcher m = DECLARED_ZONE.matcher(text);
        String zone = null;
        if (m.lookingAt() && m.start() == 0 && text.substring(m.end()).isBlank()) zone = m.group(1).strip();
        if (zone == null && (m = ZONE_FIELD.matcher(text)).matches()) zone = m.group(1).strip();
        if (zone == null) return null;
        return zones.resolve(zone, LocalDate.of(2024, 1, 1), null).resolution() != IncidentTime.ZoneResolution.UNKNOWN
                ? zone : null;
    }

    /**
     * A date written apart from the times, when the title and summary have none: the header's {@code date}, a
     * "Date: 2019-12-05" field or a line that is nothing but a date (often just above the timeline).
     */
    private static TimeResolver.Context dateApart(Reading r) {
        LocalDate date = r.header.text("date").map(Understander::headerDate).orElse(null);
        if (date == null) {
            int n = 0;
            for (Section s : r.sections) {
                for (SourceLine l : s.lines()) {
                    if (n++ > MAX_DATE_LINES) break;
                    // A date line is short: "**Incident date**: Thursday, 5 December 2019" fits in 60 characters.
                    if (l.isBlank() || strippedLength(l.text()) > 60 || !hasDigit(l.text()) || hasClockTime(l.text())) {
                        continue;
                    }
                    String plain = PlainText.line(l.text());
                    Matcher field = DATE_FIELD.matcher(plain);
                    String value = field.lookingAt() ? plain.substring(field.end()) : plain;
                    List<WrittenTime> found = r.scanner.scan(value);
                    if (found.size() != 1 || found.getFirst().date() == null || found.getFirst().time() != null) continue;
                    WrittenTime w = found.getFirst();
                    String rest = (value.substring(0, w.from()) + value.substring(w.to())).strip();
                    if (!ONLY_WEEKDAY.matcher(rest).matches()) continue;
                    date = TimeResolver.dateOf(w.date(), null);
                    if (date != null) break;
                }
                if (date != null || n > MAX_DATE_LINES) break;
            }
        }
        return date == null ? TimeResolver.Context.NONE : new TimeResolver.Context(date, date.getYear(), null);
    }

    /** The zone of a "Timezone: CET" field, or of a timeline table's time column ("Date and Time in CET", "Time (UTC)"). */
    private static String zoneField(Reading r) {
        int n = 0;
        for (Section s : r.sections) {
            for (SourceLine l : s.lines()) {
                if (n++ > MAX_DATE_LINES) return null;
                // Every zone field names "time" ("Timezone", "Time (UTC)"): most lines are skipped before any work.
                if (l.isBlank() || l.text().length() > 400 || !mayNameAZone(l.text())) continue;
                String text = l.text().strip();
                if (text.startsWith("|")) {
                    int cellEnd = text.indexOf('|', 1);
                    text = cellEnd < 0 ? text.substring(1) : text.substring(1, cellEnd);
                }
                Matcher m = ZONE_FIELD.matcher(PlainText.line(text));
                if (!m.matches()) continue;
                String zone = m.group(1).strip();
                if (r.zones.resolve(zone, LocalDate.of(2024, 1, 1), null).resolution() != IncidentTime.ZoneResolution.UNKNOWN) {
                    return zone;
                }
            }
        }
        return null;
    }

    /** Every zone field has one of these: most lines are skipped before their plain text is made. */
    private static boolean mayNameAZone(String text) {
        return ZONE_FIELD_WORDS.anyIn(text);
    }

    /** Looked for in one pass over a line, not one pass per word. */
    private static final PlainText.Needles ZONE_FIELD_WORDS = new PlainText.Needles(
            List.of("zone", "time in", "time (", "timestamp"));

    /** "10:15": a timeline entry, not a date line; most short lines with digits are these. */
    private static boolean hasClockTime(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == ':' && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text.strip().length()} without the copy: most of the lines looked at are long prose. */
    static int strippedLength(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) from++;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
        return to - from;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** A date to lend to times written without one: from the title, summary or preamble. */
    private static TimeResolver.Context contextOf(Reading r, String title, List<SourceLine> summaryLines) {
        // "Incident Date: August 16, 2024" says which day outright, even under a title naming another.
        int fields = 0;
        for (SourceLine l : summaryLines) {
            if (fields++ > 200) break;
            if (l.text().length() > 200) continue;
            String plain = PlainText.line(l.text());
            Matcher field = DATE_FIELD.matcher(plain);
            if (!field.lookingAt()) continue;
            for (WrittenTime w : r.scanner.scan(plain.substring(field.end()))) {
                LocalDate d = TimeResolver.dateOf(w.date(), null);
                if (d != null) return new TimeResolver.Context(d, d.getYear(), null);
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(title);
        int n = 0;
        for (SourceLine l : summaryLines) {
            if (n++ > 200) break;
            texts.add(PlainText.line(l.text().length() > 2000 ? l.text().substring(0, 2000) : l.text()));
        }
        for (String t : texts) {
            for (WrittenTime w : r.scanner.scan(t)) {
                LocalDate d = TimeResolver.dateOf(w.date(), null);
                if (d != null) return new TimeResolver.Context(d, d.getYear(), null);
            }
        }
        return TimeResolver.Context.NONE;
    }
}
