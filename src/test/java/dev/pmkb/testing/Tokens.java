package dev.pmkb.testing;

import java.util.List;

/**
 * Pieces of adversarial text for property tests: what dates, times, zones and Markdown are made of, and the
 * characters that trip hand-written scanners (non-ASCII letters that case-fold to ASCII ones, non-ASCII digits
 * and spaces, every kind of line break).
 */
public final class Tokens {

    private Tokens() {
    }

    public static final List<String> DIGITS = List.of("0", "1", "3", "9", "12", "23", "31", "59", "60", "00", "05", "123",
            "2024", "1999", "0930", "1530", "2359", "12345", "001");
    public static final List<String> SEPARATORS = List.of(":", ".", "-", "/", ",", "h", "hrs", "hours", " ", " ", "  ",
            "\t", "–", "−", "+", "(", ")", "[", "%", "'");
    public static final List<String> AM_PM = List.of("am", "AM", "pm", "PM", "a.m.", "p. m.", "A.M", "p m", "a");
    public static final List<String> ZONES = List.of("UTC", "GMT", "GMT+1", "UTC - 5", "UTC+05:30", "+0100", "WAT", "EST",
            "PST", "CAT", "ET", "Z", "Pacific time", "West Africa Time", "Europe/Berlin", "(UTC)", "(WAT, West Africa Time)",
            "time zone", "in ");
    public static final List<String> MONTHS = List.of("May", "may", "Jan", "january", "Sept", "Sept.", "sep", "March",
            "mar", "dec", "June", "jul", "AUGUST", "oct", "nov.", "feb");
    public static final List<String> WORDS = List.of("of", "on", "to", "from", "until", "till", "at", "st", "nd", "rd",
            "th", "the", "users", "minutes", "min", "x", "a", "s", "k", "i", "word", "in", "and", "ok", "_", "__");
    public static final List<String> MARKS = List.of("*", "**", "***", "****", "_", "__", "___", "~~", "~", "`", "#", "##",
            ">", "> ", "- ", "* ", "+ ", "• ", "1. ", "12) ", "[", "]", "(", ")", "](", "![", "[x] ", "[ ] ", "<b>", "</b>",
            "<br>", "<", ">", "<!-- c -->", "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#39;", "&", "\"", "!", "=");
    /**
     * The long s and the Kelvin sign fold to ASCII s and k, the dotted capital I to i; Arabic-Indic and fullwidth
     * digits are digits to {@link Character#isDigit} but not to {@code \d}; no-break and line-separator spaces are
     * white space to some tests and not to others.
     */
    public static final List<String> NON_ASCII = List.of("ſ", "\u212A", "İ", "ı", "é", "ß", "Ω", "\u00a0", "\u2028",
            "\u2003", "\u0661", "\uff12", "…", "’");
    public static final List<String> LINE_BREAKS = List.of("\n", "\r\n", "\r", "\n\n");
}
