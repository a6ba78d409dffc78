package dev.pmkb.understand;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a line of Markdown into the text a reader sees. Titles and facts are stored as plain text so that
 * escaping happens once, at render time; every pattern here is bounded so hostile input stays linear.
 */
final class PlainText {

    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z!][^<>]{0,500}>");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\[]{0,300})]\\([^()\\s]{0,1000}(?:\\s+\"[^\"]{0,200}\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]{0,300})]\\([^()\\s]{0,1000}(?:\\s+\"[^\"]{0,200}\")?\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~)");
    private static final Pattern UNDERSCORE_WORD = Pattern.compile("(?<![\\w])_(?=\\S)|(?<=\\S)_(?![\\w])");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s*");
    private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+\\s*$");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+(?:\\[[ xX]]\\s+)?");
    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** Plain text of inline Markdown: no tags, links reduced to their text, no emphasis or code marks. */
    static String inline(String markdown) {
        if (markdown == null) return null;
        // Each pattern runs only when its trigger character is there: most lines are plain prose, and this
        // is called for every line of every postmortem.
        String s = markdown;
        if (s.indexOf('<') >= 0) s = HTML_TAG.matcher(s).replaceAll(" ");
        if (s.indexOf('[') >= 0) {
            s = IMAGE.matcher(s).replaceAll("$1");
            s = LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0 || s.indexOf('~') >= 0) {
            s = EMPHASIS.matcher(s).replaceAll("");
            if (s.indexOf('_') >= 0) s = UNDERSCORE_WORD.matcher(s).replaceAll("");
        }
        if (s.indexOf('`') >= 0) s = s.replace("`", "");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'");
        }
        // What remains of a tag after entity decoding must not survive as markup either.
        if (s.indexOf('<') >= 0) s = HTML_TAG.matcher(s).replaceAll(" ");
        return collapseSpaces(s);
    }

    /** Runs of white space as one space, trimmed; the same as replacing {@code \\s+} without a regex. */
    private static String collapseSpaces(String s) {
        StringBuilder b = null;
        boolean space = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isWhite(c)) {
                if (!space && b == null && (c != ' ' || (i + 1 < n && isWhite(s.charAt(i + 1))))) {
                    b = new StringBuilder(n).append(s, 0, i);
                }
                if (b != null && !space) b.append(' ');
                space = true;
            } else {
                if (b != null) b.append(c);
                space = false;
            }
        }
        return (b == null ? s : b.toString()).strip();
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Plain text of one line: also drops heading marks, list markers, check boxes and quote marks. */
    static String line(String markdown) {
        if (markdown == null) return null;
        String s = markdown;
        if (s.indexOf('>') >= 0) s = QUOTE.matcher(s).replaceFirst("");
        if (s.indexOf('#') >= 0) {
            s = HEADING.matcher(s).replaceFirst("");
            s = CLOSING_HASHES.matcher(s).replaceFirst("");
        }
        s = LIST_MARKER.matcher(s).replaceFirst("");
        return inline(s);
    }

    /** Lower-case words separated by single spaces: hyphens, punctuation and markup all become spaces. */
    static String words(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.toString();
    }

    /**
     * Where {@code needle} (lower-case ASCII) first occurs in {@code text} at or after {@code from}, ignoring
     * case, or -1. It accepts at least everything a {@code (?i)} regex accepts for the same letters, so it can
     * say where such a regex need not be tried.
     */
    static int indexOfIgnoreCase(String text, String needle, int from) {
        char lower = needle.charAt(0);
        char upper = Character.toUpperCase(lower);
        int last = text.length() - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Cuts overly long text at a word boundary so a fact stays a fact, not the whole file. */
    static String clip(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max);
        return s.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }
}
