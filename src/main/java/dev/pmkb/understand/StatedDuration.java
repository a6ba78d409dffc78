package dev.pmkb.understand;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration stated in words: "lasted 2 hours and 15 minutes", "approximately 45 minutes", "3h", "7.5 hours". */
final class StatedDuration {

    private static final String WORD_NUMBER = "(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|twenty|thirty|forty|forty-five|fifty|half an?)";
    /** Digits take short units ("3h", "45m"); words need a full unit, so "AM" is never "a minute". */
    private static final Pattern PART = Pattern.compile(
            "(?i)(?<![\\w.:])(?:(\\d{1,4}(?:[.,]\\d{1,2})?)\\s{0,2}(?:-\\s?)?(days?|hours?|hrs?|h|minutes?|mins?|m)"
                    + "|" + WORD_NUMBER + "\\s{1,2}(?:-\\s?)?(days?|hours?|hrs?|minutes?|mins?))(?![a-z])");
    private static final Pattern JOIN = Pattern.compile("(?i)^\\s{0,3}(?:,|and|&)?\\s{0,3}(?:and\\s{1,3})?");

    private StatedDuration() {
    }

    /** The first duration in {@code text}, or null. Parts joined by "and" or commas are added up. */
    static Duration find(String text) {
        if (text == null) return null;
        String t = text.length() > 4000 ? text.substring(0, 4000) : text;
        Matcher m = PART.matcher(t);
        if (!m.find()) return null;
        Duration total = Duration.ZERO;
        int end;
        do {
            Duration part = m.group(1) != null ? part(m.group(1), m.group(2)) : part(m.group(3), m.group(4));
            if (part == null) return null;
            total = total.plus(part);
            end = m.end();
            Matcher join = JOIN.matcher(t.substring(end));
            int next = end + (join.lookingAt() ? join.end() : 0);
            if (!m.find(next) || m.start() != next) break;
        } while (true);
        return total.isZero() ? null : total;
    }

    private static Duration part(String number, String unit) {
        double n = number(number.toLowerCase(Locale.ROOT).replace(',', '.'));
        if (n < 0) return null;
        String u = unit.toLowerCase(Locale.ROOT);
        long seconds;
        if (u.startsWith("d")) seconds = Math.round(n * 86400);
        else if (u.startsWith("h")) seconds = Math.round(n * 3600);
        else seconds = Math.round(n * 60);
        return Duration.ofSeconds(seconds);
    }

    private static double number(String s) {
        return switch (s) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            case "fifteen" -> 15;
            case "twenty" -> 20;
            case "thirty" -> 30;
            case "forty" -> 40;
            case "forty-five" -> 45;
            case "fifty" -> 50;
            case "half a", "half an" -> 0.5;
            default -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    yield -1;
                }
            }
        };
    }
}
