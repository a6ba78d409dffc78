package dev.pmkb.render;

import dev.pmkb.model.IncidentTime;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates, times and durations read on the site. One place, so every page says them the same way. */
public final class Display {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Display() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** "May 11, 2023 09:00 WAT" in the author's zone as written; null when nothing is known. */
    public static String local(IncidentTime t) {
        if (t == null || (t.date() == null && t.time() == null)) return null;
        StringBuilder sb = new StringBuilder();
        if (t.date() != null) sb.append(DATE.format(t.date()));
        if (t.time() != null) sb.append(sb.isEmpty() ? "" : " ").append(TIME.format(t.time()));
        if (t.zone() != null) sb.append(' ').append(t.zone());
        return sb.toString();
    }

    /**
     * A timeline entry's time, in the facts card's 24-hour form: "09:05 WAT", with the date in front when it is not
     * {@code shownDay}, the day the entries above it are on ("May 12, 2023 00:35 WAT"); a date alone when no time
     * was written. Null when nothing is known.
     */
    public static String clock(IncidentTime t, LocalDate shownDay) {
        if (t == null || (t.date() == null && t.time() == null)) return null;
        if (t.time() == null) return DATE.format(t.date()); // a day without a time has no zone to name
        if (t.date() != null && !t.date().equals(shownDay)) return local(t);
        return TIME.format(t.time()) + (t.zone() != null ? " " + t.zone() : "");
    }

    /** "08:00 UTC" (with the date when it differs from the local one), or null when the zone did not resolve. */
    public static String utc(IncidentTime t) {
        if (t == null || isUtc(t)) return null;
        return t.instant().map(i -> {
            OffsetDateTime u = i.withOffsetSameInstant(ZoneOffset.UTC);
            String time = TIME.format(u) + " UTC";
            return u.toLocalDate().equals(t.date()) ? time : DATE.format(u) + " " + time;
        }).orElse(null);
    }

    private static final java.util.regex.Pattern ZONE_PUNCTUATION = java.util.regex.Pattern.compile("[()\\s]");
    private static final java.util.regex.Pattern UTC_NAMES = java.util.regex.Pattern.compile(
            "UTC|GMT|Z|UTC\\+0|GMT\\+0|UTC\\+00:00|ZULU");

    private static boolean isUtc(IncidentTime t) {
        return t.offset() != null && t.offset().getTotalSeconds() == 0 && t.zone() != null
                && UTC_NAMES.matcher(ZONE_PUNCTUATION.matcher(t.zone()).replaceAll("").toUpperCase(Locale.ROOT)).matches();
    }

    private static final java.util.regex.Pattern FACT_LABEL = java.util.regex.Pattern.compile(
            "(?i)^\\W*(duration|start|end|date|time|impact|root ?cause|detection|detected|summary|issue summary)\\b[^:.]{0,20}:");

    /**
     * A sentence or two that tells the story, for under the title; null when the summary is only labelled
     * facts (Duration:, Impact:, …), which the facts card shows anyway.
     */
    public static String summaryLead(String summary) {
        if (summary == null || FACT_LABEL.matcher(summary).find()) return null;
        return lead(summary, 320);
    }

    /** How long a card's one line may be: about two lines of a phone, one of a wide screen. */
    static final int CARD_LINE = 160;

    /**
     * The one line a card says about its incident: the summary's first sentence when the summary tells a story,
     * else the sentence the cause was read from, else the root cause's first sentence; null when none is known.
     */
    public static String cardLine(String summary, String causeSentence, String rootCause) {
        for (String text : new String[]{summaryLead(summary), causeSentence, rootCause}) {
            if (text == null || text.isBlank() || text.strip().startsWith("|") || KEY_VALUE.matcher(text).results()
                    .limit(2).count() == 2) {
                continue; // a table row or a header's "key: key:" left in the text says nothing in one line
            }
            String line = lead(LINE_LABEL.matcher(text.strip()).replaceFirst(""), CARD_LINE);
            if (line != null && SPACES.split(line).length >= 5 && !ENDS_WITH_A_PAUSE.matcher(line).matches()) return line;
        }
        return null;
    }

    /** "Root cause:" before the sentence: the card says it without the label. */
    private static final java.util.regex.Pattern LINE_LABEL = java.util.regex.Pattern.compile(
            "(?i)^\\W*(root ?cause|cause|summary|issue summary|issue|description|what happened)\\b[^:.]{0,20}:\\s*");
    private static final java.util.regex.Pattern KEY_VALUE = java.util.regex.Pattern.compile("(?:^|\\s)[a-z_]+:\\s");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /**
     * {@code text} with each run of white space (the regex {@code \s}) as one space, but only as far as {@link #lead}
     * reads it: the first {@code length} characters or more, or all of it. Every page model of a rebake is built, and
     * a card's lead was made of a root cause whole, logs and all.
     */
    static String spacedPrefix(String text, int length) {
        StringBuilder spaced = new StringBuilder(Math.min(text.length(), length + 1));
        int n = text.length();
        for (int i = 0; i < n && spaced.length() < length; ) {
            char c = text.charAt(i++);
            if (!isRegexSpace(c)) {
                spaced.append(c);
                continue;
            }
            while (i < n && isRegexSpace(text.charAt(i))) i++;
            spaced.append(' ');
        }
        return spaced.toString();
    }

    /** Whether {@code c} is white space as the regex {@code \s} reads it (ASCII only). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?](\\s|$)");
    private static final java.util.regex.Pattern ENDS_WITH_A_PAUSE = java.util.regex.Pattern.compile("(?s).*[,;:]$");

    /** The first sentence of {@code text}, cut at a word near {@code max} characters. */
    public static String lead(String text, int max) {
        if (text == null) return null;
        String s = spacedPrefix(text.strip(), max + 3);
        java.util.regex.Matcher end = SENTENCE_END.matcher(s);
        if (end.find() && end.start() + 1 <= max) return s.substring(0, end.start() + 1);
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** "2 h 15 min", "45 min", "3 d 4 h". */
    public static String duration(Duration d) {
        if (d == null) return null;
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) sb.append(days).append(" d");
        if (hours > 0) sb.append(sb.isEmpty() ? "" : " ").append(hours).append(" h");
        if (mins > 0 || sb.isEmpty()) sb.append(sb.isEmpty() ? "" : " ").append(mins).append(" min");
        return sb.toString();
    }

    /** "T+0:15" relative to the incident start; "T−0:05" before it. */
    public static String relative(Duration sinceStart) {
        if (sinceStart == null) return null;
        long m = sinceStart.toMinutes();
        String sign = m < 0 ? "T\u2212" : "T+";
        m = Math.abs(m);
        return sign + (m / 60) + ":" + (m % 60 < 10 ? "0" : "") + (m % 60);
    }

    public static String percent(Double p) {
        if (p == null) return null;
        return (p == Math.rint(p) ? String.valueOf(p.longValue()) : String.valueOf(p)) + "%";
    }
}
