package dev.pmkb.understand;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates, times of day and zones people write in postmortems: {@code May 11, 2023, 9:00 AM (WAT)},
 * {@code from 10:00 AM to 12:30 PM EST}, {@code 2024-03-02 14:15 UTC}, {@code 12 March 2024}, {@code March
 * 3rd}, {@code 12/03/2024}. Each pattern is bounded and free of nested repetition, so scanning is linear in
 * the length of the text.
 */
final class TimeScanner {

    /** How to read {@code 03/04/2024}: decided once per document from dates that are unambiguous. */
    enum DateOrder { MONTH_FIRST, DAY_FIRST }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?i)\\b" + MONTH + "\\.?(?:\\s{1,3}|(?=\\d{1,2}(?:st|nd|rd|th)?,\\s{0,3}\\d{4}\\b))(\\d{1,2})(?:st|nd|rd|th)?\\b"
                    + "(?:,?\\s{0,3}(?:of\\s)?(\\d{4})\\b)?");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:(?:st|nd|rd|th)?\\s{0,3}(?:of\\s{1,3})?|[/\\-])" + MONTH
                    + "\\b\\.?(?:(?:,?\\s{0,3}|[/\\-])(\\d{4})\\b)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    /** "12/03/2024", "12.03.24", and with dashes only with a four-digit year ("02-20-2017"; "1-2-23" is no date). */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d/.\\-])(\\d{1,2})([/.]|-(?=\\d{1,2}-\\d{4}))(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/\\-])");
    /** "03, 14, 2024": month, day and year set apart by commas, as a form's three fields are; only with a full year. */
    private static final Pattern COMMA_DATE = Pattern.compile(
            "(?<![\\d,.])(\\d{1,2}),\\s{1,2}(\\d{1,2}),\\s{1,2}((?:19|20)\\d{2})(?![\\d,]\\d)");
    /** "until noon on January 28", "at midnight": an hour named, after the word that makes it a time. */
    private static final Pattern NAMED_HOUR = Pattern.compile(
            "(?i)\\b(?:at|until|till|by|from|to|around|before|after|since)\\s(?:about\\s|around\\s)?(noon|midday|midnight)\\b");
    /** Every match of {@link #NAMED_HOUR} names one of these. */
    private static final PlainText.Needles NAMED_HOURS = new PlainText.Needles(List.of("noon", "midday", "midnight"));
    /** "15Sep94", "03Jan2023": day, month and year run together, as in military and old operations logs. */
    private static final Pattern COMPACT_DATE = Pattern.compile("(?i)\\b(\\d{1,2})" + MONTH + "(\\d{4}|\\d{2})\\b");
    /** "1430 15Sep94": four digits are a time when such a date follows them. */
    private static final Pattern MILITARY_BEFORE_DATE = Pattern.compile(
            "(?i)(?<![\\d:.,])([01]\\d|2[0-3])([0-5]\\d)(?=\\s{1,2}\\d{1,2}" + MONTH + "(?:\\d{4}|\\d{2})\\b)");
    private static final Pattern ON_BETWEEN = Pattern.compile("(?i),?\\s{1,2}on\\s{1,2}");
    private static final Pattern TIME = Pattern.compile(
            "(?i)(?<![\\d:.,])(\\d{1,2})(?:(?:[:h]|\\.(?=\\d{2}(?![:\\d])))(\\d{2}))?(?::(\\d{2}))?(?:\\.\\d{1,3})?(?:\\s{0,2}:)?\\s{0,2}([ap]\\.?\\s?m\\b\\.?)?");
    /**
     * {@link #TIME} as {@code findTimes} reads it: only a match with minutes or AM/PM is a time. At a run of three
     * digits or more the match is two digits with neither, so such runs are passed over.
     */
    private static final Pattern CLOCK_TIME = TIME;
    private static final Pattern ZONE_NUMERIC = Pattern.compile(
            "(?i)^(?:(?:UTC|GMT|UT)\\s?[+\\-−–]\\s?\\d{1,2}(?::?\\d{2})?(?!\\d)|\\+\\d{2}:?\\d{2}|(?:UTC|GMT)(?![a-z]))");
    private static final Pattern ZONE_IANA = Pattern.compile("^[A-Z][a-z]{2,15}/[A-Z][A-Za-z_]{1,30}(?:/[A-Z][A-Za-z_]{1,20})?");
    private static final Pattern ZONE_WORDS = Pattern.compile("^(?:[A-Za-z]{2,12}\\s){1,4}(?i:time)\\b(?:\\s(?i:zone))?");
    private static final Pattern ZONE_ABBR = Pattern.compile("^[A-Z]{1,5}(?:\\s?/\\s?[A-Z]{2,5})?(?![A-Za-z])");
    /** Abbreviation-looking words after a time that are not zones. */
    private static final java.util.Set<String> NOT_ABBR = java.util.Set.of("I", "A", "AM", "PM", "ON", "TO", "AT",
            "THE", "DB", "API", "OK", "IT", "SRE", "QA", "HTTP", "CPU", "RAM", "DNS", "SSL", "TLS", "AWS", "US", "UK",
            "OR", "AND", "IN", "BY", "OF", "VS", "HQ", "DEV", "OPS");

    /** "2100hrs", "0930 hrs": military time, always with its suffix so years and counts are not read as times. */
    private static final Pattern MILITARY = Pattern.compile("(?i)(?<![\\d:.,])([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs|hours|h)\\b");
    /** "from 4pm to 6 GMT": the end of a range may be a bare hour. */
    private static final Pattern BARE_RANGE_END = Pattern.compile("(?i)^\\s{0,2}(?:to|-|–|until|till)\\s{0,2}(\\d{1,2})(?![\\d:.,%/\\-]|\\s?(?:hours?|hrs?|min|minutes?|days?|percent|users?|servers?|[ap]\\.?m))");

    private static final Pattern NORTH_AMERICAN_ZONE = Pattern.compile(
            "\\b(?:[PMCE][SD]?T|AK[SD]T|H[SD]T|N[SD]T|A[SD]T)\\b|(?i:\\b(?:pacific|eastern|central|mountain) (?:standard |daylight )?time\\b)");
    private static final Pattern ABBREVIATION_SLASH = Pattern.compile("\\s?/");

    private final DateOrder order;
    private final ZoneRules zones;
    /**
     * What each text scanned so far holds: the window, timeline, status-update and date readers look at many of the
     * same lines, and a scanner serves one document. Kept unmodifiable; callers get their own copy.
     */
    private final Map<String, List<WrittenTime>> scanned = new HashMap<>();

    TimeScanner(DateOrder order, ZoneRules zones) {
        this.order = order;
        this.zones = zones;
    }

    /** Every date and time in {@code text}, in order, each time paired with its date and zone as written. */
    List<WrittenTime> scan(String text) {
        List<WrittenTime> found = scanned.get(text);
        if (found == null) {
            found = List.copyOf(scanAnew(text));
            scanned.put(text, found);
        }
        return new ArrayList<>(found);
    }

    private List<WrittenTime> scanAnew(String text) {
        DigitRuns digits = DigitRuns.of(text);
        // Checked before any regex: every date and time has a digit, and most lines have none.
        if (digits.count == 0) return new ArrayList<>();
        List<int[]> dateSpans = new ArrayList<>();
        List<WrittenTime.WrittenDate> dates = new ArrayList<>();
        findDates(text, digits, dateSpans, dates);
        List<WrittenTime> times = findTimes(text, digits, dateSpans);
        zonesAfterDates(text, times, dateSpans);
        shareZones(times);
        List<WrittenTime> result = new ArrayList<>();
        boolean[] used = new boolean[dates.size()];
        for (WrittenTime t : times) {
            int d = nearestDate(t, dateSpans, text);
            if (d >= 0) {
                boolean shared = used[d];
                used[d] = true;
                int from = Math.min(t.from(), dateSpans.get(d)[0]);
                int to = Math.max(t.to(), dateSpans.get(d)[1]);
                // Only a date written next to the time makes up its written form.
                boolean adjacent = Math.abs(dateSpans.get(d)[1] - t.from()) < 16 || Math.abs(t.to() - dateSpans.get(d)[0]) < 16;
                String written = adjacent ? text.substring(from, to).strip() : t.written();
                result.add(new WrittenTime(adjacent ? from : t.from(), adjacent ? to : t.to(), written, dates.get(d),
                        t.time(), t.zone(), shared));
            } else {
                result.add(t);
            }
        }
        for (int i = 0; i < dates.size(); i++) {
            if (!used[i]) {
                int[] span = dateSpans.get(i);
                result.add(new WrittenTime(span[0], span[1], text.substring(span[0], span[1]).strip(), dates.get(i), null, null));
            }
        }
        result.sort(Comparator.comparingInt(WrittenTime::from));
        return result;
    }

    private void findDates(String text, DigitRuns digits, List<int[]> spans, List<WrittenTime.WrittenDate> dates) {
        record Found(int from, int to, WrittenTime.WrittenDate date) {
        }
        List<Found> found = new ArrayList<>();
        Matcher m = ISO_DATE.matcher(text);
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.ISO_DATE); from = m.end()) {
            found.add(new Found(m.start(), m.end(), new WrittenTime.WrittenDate(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
        }
        m = MONTH_FIRST.matcher(text);
        for (int from = 0; findMonthFirst(m, text, from, digits); from = m.end()) {
            found.add(new Found(m.start(), m.end(), new WrittenTime.WrittenDate(
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)))));
        }
        m = DAY_FIRST.matcher(text);
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.DAY_FIRST); from = m.end()) {
            found.add(new Found(m.start(), m.end(), new WrittenTime.WrittenDate(
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)))));
        }
        m = COMPACT_DATE.matcher(text);
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.COMPACT_DATE); from = m.end()) {
            int year = Integer.parseInt(m.group(3));
            // Two-digit years: '94 is 1994, '23 is 2023.
            if (year < 100) year += year >= 70 ? 1900 : 2000;
            found.add(new Found(m.start(), m.end(), new WrittenTime.WrittenDate(year, month(m.group(2)),
                    Integer.parseInt(m.group(1)))));
        }
        m = NUMERIC_DATE.matcher(text);
        for (int from = 0; findNumericDate(m, text, from); from = m.end()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            if (year < 100) year += 2000;
            boolean dayFirst = a > 12 || (b <= 12 && order == DateOrder.DAY_FIRST);
            found.add(new Found(m.start(), m.end(), dayFirst
                    ? new WrittenTime.WrittenDate(year, b, a) : new WrittenTime.WrittenDate(year, a, b)));
        }
        if (text.indexOf(", ") >= 0) {
            m = COMMA_DATE.matcher(text);
            while (m.find()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                boolean dayFirst = a > 12 || (b <= 12 && order == DateOrder.DAY_FIRST);
                found.add(new Found(m.start(), m.end(), dayFirst
                        ? new WrittenTime.WrittenDate(year, b, a) : new WrittenTime.WrittenDate(year, a, b)));
            }
        }
        found.sort(Comparator.comparingInt(Found::from).thenComparing(f -> -(f.to() - f.from())));
        int end = -1;
        for (Found f : found) {
            if (f.from() < end) continue;
            // "9 May" inside "May 9" matches both patterns: the longer, earlier one already won.
            if (f.date().month() < 1 || f.date().month() > 12 || f.date().day() < 1 || f.date().day() > 31) continue;
            spans.add(new int[] {f.from(), f.to()});
            dates.add(f.date());
            end = f.to();
        }
    }

    private List<WrittenTime> findTimes(String text, DigitRuns digits, List<int[]> dateSpans) {
        List<WrittenTime> times = new ArrayList<>();
        Matcher m = TIME.matcher(text);
        int zoneEnd = 0;
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.CLOCK_TIME); from = m.end()) {
            if (m.group(2) == null && m.group(4) == null) continue;
            if (insideAny(m.start(), dateSpans)) continue;
            // "10:00 AM (GMT+03:00)": the offset's 03:00 belongs to the zone of the time before it.
            if (m.start() < zoneEnd) continue;
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (m.group(2) == null && m.group(1).length() > 2) continue;
            if (hour > 23 || minute > 59 || second > 59) continue;
            String ampm = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
            char separator = m.group(2) == null ? ':' : text.charAt(m.start(2) - 1);
            // "09h00" is French and West African usage; "2h30" is more often a duration than a clock time.
            if (separator == 'h' && (m.group(1).length() != 2 || m.group(3) != null)) continue;
            if (ampm != null && hour >= 1 && hour <= 12) {
                if (ampm.equals("am") && hour == 12) hour = 0;
                else if (ampm.equals("pm") && hour < 12) hour += 12;
            } else if (ampm == null && isDurationOrNumber(text, m)) {
                continue;
            }
            int end = trimEnd(text, m.end());
            Zone zone = zoneAfter(text, end);
            // "8.35 AM", "15.25 PST": a dot between hour and minutes makes a time only with AM/PM or a zone after
            // it; "version 2.10" and "12.50 dollars" are not times.
            if (separator == '.' && ampm == null && zone == null) continue;
            int to = zone == null ? end : zone.to();
            zoneEnd = to;
            times.add(new WrittenTime(m.start(), to, text.substring(m.start(), to).strip(), null,
                    LocalTime.of(hour, minute, second), zone == null ? null : zone.written()));
        }
        m = MILITARY_BEFORE_DATE.matcher(text);
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.MILITARY_BEFORE_DATE); from = m.end()) {
            if (insideAny(m.start(), dateSpans)) continue;
            Zone zone = zoneAfter(text, m.end());
            times.add(new WrittenTime(m.start(), m.end(), m.group(), null,
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    zone == null ? null : zone.written()));
        }
        m = MILITARY.matcher(text);
        for (int from = 0; findStartingAtDigit(m, text, from, digits, DigitStart.MILITARY); from = m.end()) {
            if (insideAny(m.start(), dateSpans)) continue;
            int end = trimEnd(text, m.end());
            Zone zone = zoneAfter(text, end);
            int to = zone == null ? end : zone.to();
            times.add(new WrittenTime(m.start(), to, text.substring(m.start(), to).strip(), null,
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    zone == null ? null : zone.written()));
        }
        if (NAMED_HOURS.anyIn(text)) {
            m = NAMED_HOUR.matcher(text);
            while (m.find()) {
                if (insideAny(m.start(1), dateSpans)) continue;
                int end = trimEnd(text, m.end());
                Zone zone = zoneAfter(text, end);
                int to = zone == null ? end : zone.to();
                LocalTime at = m.group(1).equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON;
                times.add(new WrittenTime(m.start(1), to, text.substring(m.start(1), to).strip(), null, at,
                        zone == null ? null : zone.written()));
            }
        }
        times.sort(Comparator.comparingInt(WrittenTime::from));
        addBareRangeEnds(text, times, dateSpans);
        return times;
    }

    /** "4pm to 6": the bare hour ending a range, unless it opens a date ("11:45 PM - 16 March 2015, 4:08 AM"). */
    private void addBareRangeEnds(String text, List<WrittenTime> times, List<int[]> dateSpans) {
        for (int i = 0; i < times.size(); i++) {
            WrittenTime t = times.get(i);
            int after = t.to();
            if (after >= text.length()) continue;
            Matcher m = BARE_RANGE_END.matcher(text.substring(after, Math.min(text.length(), after + 40)));
            if (!m.lookingAt()) continue;
            int hour = Integer.parseInt(m.group(1));
            if (hour > 23) continue;
            // "4pm to 6" is 18:00: a bare hour after an afternoon time is in the afternoon too.
            if (t.time().getHour() >= 12 && hour < 12 && hour + 12 > t.time().getHour()) hour += 12;
            int from = after + m.start(1);
            int end = after + m.end(1);
            if (i + 1 < times.size() && times.get(i + 1).from() < end) continue;
            if (insideAny(dateSpans, from)) continue;
            Zone zone = zoneAfter(text, end);
            int to = zone == null ? end : zone.to();
            times.add(i + 1, new WrittenTime(from, to, text.substring(from, to).strip(), null, LocalTime.of(hour, 0),
                    zone == null ? null : zone.written()));
            i++;
        }
    }

    private static boolean insideAny(List<int[]> spans, int at) {
        for (int[] span : spans) {
            if (span[0] <= at && at < span[1]) return true;
        }
        return false;
    }

    /** "2:30:00 of downtime" or "ratio 3:45" are not clock times; clock times rarely precede those words. */
    private static boolean isDurationOrNumber(String text, Matcher m) {
        // "at 00:00 hours", "@ 14:30 hrs": military usage, a clock time.
        int before = m.start();
        while (before > 0 && text.charAt(before - 1) == ' ') before--;
        if (before > 0 && text.charAt(before - 1) == '@') return false;
        if (before >= 2 && text.regionMatches(true, before - 2, "at", 0, 2)
                && (before == 2 || !Character.isLetter(text.charAt(before - 3)))) {
            return false;
        }
        int after = m.end();
        String next = text.substring(after, Math.min(text.length(), after + 12)).toLowerCase(Locale.ROOT).strip();
        return next.startsWith("hour") || next.startsWith("hrs") || next.startsWith("min") || next.startsWith("%");
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    private record Zone(String written, int to) {
    }

    private Zone zoneAfter(String text, int at) {
        int i = at;
        int limit = Math.min(text.length(), at + 60);
        while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        boolean paren = i < limit && (text.charAt(i) == '(' || text.charAt(i) == '[');
        if (paren) i++;
        // "12:16 pm, GMT+1, January 14": after a comma only an offset or a known abbreviation is a zone.
        boolean comma = !paren && i + 1 < limit && text.charAt(i) == ',' && text.charAt(i + 1) == ' ';
        if (comma) i += 2;
        if (!paren && text.regionMatches(true, i, "in ", 0, 3)) i += 3;
        if (i >= limit) return null;
        String window = text.substring(i, limit);
        String written = null;
        Matcher m = ZONE_NUMERIC.matcher(window);
        if (m.lookingAt()) {
            written = m.group();
            // "(UTC timezone)", "UTC time": the extra word is not part of the zone.
        } else if (comma) {
            Matcher abbr = ZONE_ABBR.matcher(window);
            if (abbr.lookingAt() && zones.knowsAbbreviation(ABBREVIATION_SLASH.split(abbr.group())[0].strip())) {
                written = abbr.group();
            }
        } else if ((m = ZONE_IANA.matcher(window)).lookingAt()) {
            written = m.group();
        } else if ((m = ZONE_WORDS.matcher(window)).lookingAt()
                && (paren || Character.isUpperCase(window.charAt(0)))) {
            written = m.group();
            if (ZoneRules.isNotAZone(written) || PlainText.words(written).split(" ").length < 2) written = null;
        } else if ((m = ZONE_ABBR.matcher(window)).lookingAt()) {
            String abbr = m.group();
            String first = ABBREVIATION_SLASH.split(abbr)[0].strip();
            if (zones.knowsAbbreviation(first)) {
                written = abbr;
            } else if (!NOT_ABBR.contains(first) && first.length() >= 2
                    && ((paren && window.length() > abbr.length() && window.charAt(abbr.length()) == ')')
                    || (first.length() >= 3 && first.endsWith("T")))) {
                written = abbr;
            }
        }
        if (written == null) return null;
        int to = i + written.length();
        if (paren) {
            int close = text.indexOf(')', to);
            if (close >= 0 && close - to < 30) {
                String inside = text.substring(i, close);
                // "(WAT, West Africa Time)" and "(UTC timezone)": keep the whole parenthesis as written.
                written = inside.strip();
                to = close + 1;
            }
        }
        return new Zone(written, to);
    }

    /**
     * "10:00 AM to 11:30 AM on February 14th, 2024 (UTC timezone)" and "17 November 2020 (GMT-5) 9:00 AM": the
     * zone may follow the date written next to the time rather than the time itself.
     */
    private void zonesAfterDates(String text, List<WrittenTime> times, List<int[]> dateSpans) {
        for (int i = 0; i < times.size(); i++) {
            WrittenTime t = times.get(i);
            if (t.zone() != null) continue;
            for (int[] span : dateSpans) {
                boolean after = span[0] >= t.to() && span[0] - t.to() <= 6;
                boolean before = span[1] <= t.from() && t.from() - span[1] <= 16;
                if (!after && !before) continue;
                Zone zone = zoneAfter(text, span[1]);
                if (zone != null && (after || zone.to() <= t.from())) {
                    times.set(i, t.withZone(zone.written()));
                    break;
                }
            }
        }
    }

    /** "9:00 AM - 1:00 PM (WAT)": a zone written once at the end applies to every time before it. */
    private static void shareZones(List<WrittenTime> times) {
        String next = null;
        for (int i = times.size() - 1; i >= 0; i--) {
            WrittenTime t = times.get(i);
            if (t.zone() != null) next = t.zone();
            else if (next != null) times.set(i, t.withZone(next));
        }
        String previous = null;
        for (int i = 0; i < times.size(); i++) {
            WrittenTime t = times.get(i);
            if (t.zone() != null) previous = t.zone();
            else if (previous != null) times.set(i, t.withZone(previous));
        }
    }

    /**
     * The date joined to the time by "on" ("until noon on January 28", "4 pm on May 3"); else the date written
     * just before the time; failing that, just after it ("10:00 to 12:00 on June 7").
     */
    private static int nearestDate(WrittenTime t, List<int[]> spans, String text) {
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[0];
            if (from >= t.to() && from - t.to() <= 5 && ON_BETWEEN.matcher(text.substring(t.to(), from)).matches()) return i;
        }
        int before = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[1] <= t.from()) before = i;
        }
        if (before >= 0) return before;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[0] >= t.to() - 1) return i;
        }
        return -1;
    }

    private static boolean insideAny(int pos, List<int[]> spans) {
        for (int[] s : spans) {
            if (pos >= s[0] && pos < s[1]) return true;
        }
        return false;
    }

    /**
     * The runs of ASCII digits in a text, found in one pass. Every pattern that starts with a digit can only
     * start at the first digit of a run (a digit before it fails their word boundary or look-behind), so those
     * are the only places they are tried.
     */
    private static final class DigitRuns {
        private final int[] starts;
        private final int[] ends;
        final int count;

        private DigitRuns(int[] starts, int[] ends, int count) {
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        static DigitRuns of(String text) {
            int[] starts = new int[8];
            int[] ends = new int[8];
            int count = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                if (!isAsciiDigit(text.charAt(i))) continue;
                int end = i + 1;
                while (end < n && isAsciiDigit(text.charAt(end))) end++;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = i;
                ends[count] = end;
                count++;
                i = end;
            }
            return new DigitRuns(starts, ends, count);
        }

        /** The first run that starts at or after {@code from}. */
        int firstFrom(int from) {
            int i = Arrays.binarySearch(starts, 0, count, from);
            return i >= 0 ? i : -i - 1;
        }

        /** Whether a digit stands in {@code [from, to)}. */
        boolean anyIn(int from, int to) {
            int r = firstFrom(from);
            if (r > 0 && ends[r - 1] > from) return true;
            return r < count && starts[r] < to;
        }
    }

    /**
     * {@code m.find()} from {@code from} for a pattern whose every match starts with a digit ({@link #TIME},
     * {@link #ISO_DATE}, ...): the regex is tried at the start of each run of digits only, not at every letter
     * of the prose around them. Its look-behinds and word boundaries still see the text before the digit.
     */
    private static boolean findStartingAtDigit(Matcher m, String text, int from, DigitRuns digits, DigitStart start) {
        int n = text.length();
        m.useTransparentBounds(true);
        for (int r = digits.firstFrom(from); r < digits.count; r++) {
            int at = digits.starts[r];
            if (start.allows(text, at, digits.ends[r]) && m.region(at, n).lookingAt()) return true;
        }
        return false;
    }

    /** What must surround a run of digits for each digit-led pattern to match there; the regex then decides. */
    private enum DigitStart {
        /** {@code \b(\d{4})[-/.]}: four digits and a separator, not inside a word. */
        ISO_DATE {
            @Override
            boolean allows(String text, int start, int end) {
                return end - start == 4 && end < text.length() && "-/.".indexOf(text.charAt(end)) >= 0
                        && !afterAsciiWordChar(text, start);
            }
        },
        /**
         * {@code \b(\d{1,2})(?:st|nd|rd|th)?\s{0,3}(?:of\s{1,3})?} and a month, case-insensitive: one or two digits,
         * not inside a word, then a suffix, a space, "of" or a month: a letter of those or a space.
         */
        DAY_FIRST {
            @Override
            boolean allows(String text, int start, int end) {
                if (end - start > 2 || end >= text.length() || afterAsciiWordChar(text, start)) return false;
                char c = text.charAt(end);
                return isRegexSpace(c) || "stndrhofjmaSTNDRHOFJMA/-".indexOf(c) >= 0;
            }
        },
        /** {@code \b(\d{1,2})} and a month, case-insensitive: one or two digits, not inside a word, then a month's initial. */
        COMPACT_DATE {
            @Override
            boolean allows(String text, int start, int end) {
                return end - start <= 2 && end < text.length() && isMonthInitial(text.charAt(end))
                        && !afterAsciiWordChar(text, start);
            }
        },
        /** {@code (?<![\d:.,])(\d{1,2})}. */
        TIME {
            @Override
            boolean allows(String text, int start, int end) {
                return start == 0 || ":.,".indexOf(text.charAt(start - 1)) < 0;
            }
        },
        /** {@link #TIME} where its match can have minutes or AM/PM: a run of one or two digits. */
        CLOCK_TIME {
            @Override
            boolean allows(String text, int start, int end) {
                return end - start <= 2 && TIME.allows(text, start, end);
            }
        },
        /** {@code (?<![\d:.,])([01]\d|2[0-3])([0-5]\d)} and then a space and a date: four digits. */
        MILITARY_BEFORE_DATE {
            @Override
            boolean allows(String text, int start, int end) {
                return MILITARY.allows(text, start, end);
            }
        },
        /** {@code (?<![\d:.,])([01]\d|2[0-3])([0-5]\d)} and then a space or h: four digits. */
        MILITARY {
            @Override
            boolean allows(String text, int start, int end) {
                return end - start == 4 && (start == 0 || ":.,".indexOf(text.charAt(start - 1)) < 0);
            }
        };

        /** Whether the pattern may match at the run of digits {@code [start, end)}. */
        abstract boolean allows(String text, int start, int end);

        private static boolean afterAsciiWordChar(String text, int at) {
            if (at == 0) return false;
            char c = text.charAt(at - 1);
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        /** The regex {@code \s}: ASCII white space. */
        private static boolean isRegexSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }
    }

    /**
     * {@code m.find()} from {@code from} for {@link #MONTH_FIRST}, tried only where it can match: at the first
     * letter of a month name with a digit 3 to 13 characters on ("may9, 2021" to "september.   9").
     */
    private static boolean findMonthFirst(Matcher m, String text, int from, DigitRuns digits) {
        int n = text.length();
        m.useTransparentBounds(true);
        for (int i = from; i < n; i++) {
            if (isMonthInitial(text.charAt(i)) && digits.anyIn(i + 3, i + 14) && m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMonthInitial(char c) {
        return switch (c) {
            case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D' -> true;
            default -> false;
        };
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int month(String name) {
        return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    /**
     * {@code m.find()} from {@code from} for {@link #NUMERIC_DATE}, trying the regex only where a date can start:
     * one or two characters before a separator with a digit on each side. Most text has few such places, and
     * trying the regex at every character of a whole document was most of the cost of reading its date order.
     * The regex still decides: its look-behind sees the text before the start, as it does in a full scan.
     */
    private static boolean findNumericDate(Matcher m, String text, int from) {
        int n = text.length();
        m.useTransparentBounds(true);
        for (int j = Math.max(from, 1); j + 1 < n; j++) {
            char c = text.charAt(j);
            if ((c != '/' && c != '.' && c != '-') || !isAsciiDigit(text.charAt(j - 1)) || !isAsciiDigit(text.charAt(j + 1))
                    || !mayBeFirstSeparator(text, j, c)) {
                continue;
            }
            for (int start = Math.max(from, j - 2); start < j; start++) {
                if (m.region(start, n).lookingAt()) return true;
            }
        }
        return false;
    }

    /**
     * Whether a match of {@link #NUMERIC_DATE} can have its first separator at {@code j}, a separator with a digit
     * on each side: one or two digits before it, after none of {@code [\d/.-]} (the look-behind), and one or two
     * digits after it, then the same separator again ({@code \2}). An ISO date ("2024-03-14") has no such place, and
     * log lines are full of them.
     */
    private static boolean mayBeFirstSeparator(String text, int j, char separator) {
        boolean twoDigits = j >= 2 && isAsciiDigit(text.charAt(j - 2));
        int before = twoDigits ? j - 3 : j - 2;
        if (before >= 0 && isDigitOrDateSeparator(text.charAt(before))) return false;
        int n = text.length();
        if (j + 2 < n && text.charAt(j + 2) == separator) return true;
        return j + 3 < n && isAsciiDigit(text.charAt(j + 2)) && text.charAt(j + 3) == separator;
    }

    /** The look-behind's {@code [\d/.\-]}. */
    private static boolean isDigitOrDateSeparator(char c) {
        return c == '/' || c == '.' || c == '-' || (c >= '0' && c <= '9');
    }

    /**
     * Day-first when any numeric date in the text can only be day-first, month-first when one can only be
     * month-first. With only ambiguous dates (03/04/2024), the zones decide: month-first is American usage, so
     * it is taken when the text writes times in a North American zone, day-first (most of the world) otherwise.
     */
    static DateOrder orderOf(String text) {
        Matcher m = NUMERIC_DATE.matcher(text);
        int scanned = 0;
        boolean ambiguous = false;
        for (int from = 0; findNumericDate(m, text, from) && scanned++ < 1000; from = m.end()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            if (a > 12 && b <= 12) return DateOrder.DAY_FIRST;
            if (b > 12 && a <= 12) return DateOrder.MONTH_FIRST;
            ambiguous = true;
        }
        if (!ambiguous) return DateOrder.MONTH_FIRST;
        return NORTH_AMERICAN_ZONE.matcher(text).find() ? DateOrder.MONTH_FIRST : DateOrder.DAY_FIRST;
    }
}
