package dev.pmkb.understand;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a line of Markdown into the text a reader sees. Titles and facts are stored as plain text so that
 * escaping happens once, at render time; every pattern here is bounded so hostile input stays linear.
 */
final class PlainText {

    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z!][^<>]{0,500}>");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\[]{0,300})]\\([^()\\s]{0,1000}(?:\\s+\"[^\"]{0,200}\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]{0,300})]\\([^()\\s]{0,1000}(?:\\s+\"[^\"]{0,200}\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s*");
    private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+\\s*$");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+(?:\\[[ xX]]\\s+)?");
    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");

    private PlainText() {
    }

    /** Plain text of inline Markdown: no tags, links reduced to their text, no emphasis or code marks. */
    static String inline(String markdown) {
        if (markdown == null) return null;
        return inline(markdown, marksOf(markdown));
    }

    /** {@code marks} are the {@link #marksOf} {@code s}; each step that runs finds them anew in its result. */
    private static String inline(String markdown, int marks) {
        // Each pattern runs only when its trigger character is there: most lines are plain prose, and this
        // is called for every line of every postmortem.
        String s = markdown;
        if (has(marks, TAG)) {
            s = HTML_TAG.matcher(s).replaceAll(" ");
            marks = marksOf(s);
        }
        if (has(marks, BRACKET) && s.contains("](")) {
            s = IMAGE.matcher(s).replaceAll("$1");
            s = LINK.matcher(s).replaceAll("$1");
            marks = marksOf(s);
        }
        if (has(marks, EMPHASIS)) {
            s = withoutEmphasis(s);
            marks = marksOf(s);
            if (has(marks, UNDERSCORE)) {
                s = withoutWordUnderscores(s);
                marks = marksOf(s);
            }
        }
        if (has(marks, BACKTICK)) {
            s = s.replace("`", "");
            marks = marksOf(s);
        }
        if (has(marks, AMPERSAND)) {
            s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'");
            marks = marksOf(s);
        }
        // What remains of a tag after entity decoding must not survive as markup either.
        if (has(marks, TAG)) return collapseSpaces(HTML_TAG.matcher(s).replaceAll(" "));
        // Without a run of white space or any but the space, collapsing would only strip.
        return has(marks, SPACES) ? collapseSpaces(s) : s.strip();
    }

    private static final int TAG = 1;
    private static final int BRACKET = 1 << 1;
    /** {@code *}, {@code _} or {@code ~}. */
    private static final int EMPHASIS = 1 << 2;
    private static final int UNDERSCORE = 1 << 3;
    private static final int BACKTICK = 1 << 4;
    private static final int AMPERSAND = 1 << 5;
    private static final int QUOTE_MARK = 1 << 6;
    private static final int HASH = 1 << 7;
    /**
     * White space {@link #collapseSpaces} changes: two spaces in a row, or a tab, line feed, carriage return, form
     * feed or vertical tab.
     */
    private static final int SPACES = 1 << 8;

    /**
     * Which Markdown characters {@code s} holds, found in one pass: the steps below each need one of them, and
     * asking {@code indexOf} for each in turn read every line ten times.
     */
    private static int marksOf(String s) {
        int marks = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                marks |= MARK_OF[c];
                if (c == ' ' && i + 1 < n && s.charAt(i + 1) == ' ') marks |= SPACES;
            }
        }
        return marks;
    }

    /** {@code [c]}: the marks the ASCII character {@code c} is. */
    private static final int[] MARK_OF = new int[128];

    static {
        MARK_OF['<'] = TAG;
        MARK_OF['['] = BRACKET;
        MARK_OF['*'] = EMPHASIS;
        MARK_OF['~'] = EMPHASIS;
        MARK_OF['_'] = EMPHASIS | UNDERSCORE;
        MARK_OF['`'] = BACKTICK;
        MARK_OF['&'] = AMPERSAND;
        MARK_OF['>'] = QUOTE_MARK;
        MARK_OF['#'] = HASH;
        for (char c : new char[] {'\t', '\n', '\r', '\f', '\u000B'}) MARK_OF[c] = SPACES;
    }

    private static boolean has(int marks, int mark) {
        return (marks & mark) != 0;
    }

    /**
     * {@code s.replaceAll("(\\*{1,3}|_{2,3}|~~)", "")} without the regex: drops runs of one to three {@code *},
     * two or three {@code _} and {@code ~~}, taking as many marks as the regex would. Log lines full of
     * identifiers with underscores made the regex a large part of reading a file.
     */
    private static String withoutEmphasis(String s) {
        int n = s.length();
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            int marks = 0;
            if (c == '*') marks = run(s, i, '*', 3);
            else if (c == '_' && run(s, i, '_', 3) >= 2) marks = run(s, i, '_', 3);
            else if (c == '~' && run(s, i, '~', 2) == 2) marks = 2;
            if (marks > 0) {
                i += marks;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.length() == n ? s : b.toString();
    }

    /** How many {@code c} follow one another from {@code at}, at most {@code max}. */
    private static int run(String s, int at, char c, int max) {
        int n = 0;
        while (n < max && at + n < s.length() && s.charAt(at + n) == c) n++;
        return n;
    }

    /**
     * {@code s.replaceAll("(?<![\\w])_(?=\\S)|(?<=\\S)_(?![\\w])", "")} without the regex: an underscore goes
     * when nothing of a word stands before it and something stands after it ({@code _word}), or the reverse
     * ({@code word_}); one inside a word ({@code p99_latency}) stays. Like the regex, each underscore is judged
     * on the original text.
     */
    private static String withoutWordUnderscores(String s) {
        int n = s.length();
        StringBuilder b = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                boolean wordBefore = i > 0 && isWordChar(s.charAt(i - 1));
                boolean textBefore = i > 0 && !isRegexSpace(s.charAt(i - 1));
                boolean wordAfter = i + 1 < n && isWordChar(s.charAt(i + 1));
                boolean textAfter = i + 1 < n && !isRegexSpace(s.charAt(i + 1));
                if ((!wordBefore && textAfter) || (textBefore && !wordAfter)) {
                    if (b == null) b = new StringBuilder(n).append(s, 0, i);
                    continue;
                }
            }
            if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    /** The regex {@code \w}: ASCII letters, digits and underscore. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The regex {@code \s}: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r');
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
        // letters and digits, most characters, are past the space and answered by one comparison
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B');
    }

    /** Plain text of one line: also drops heading marks, list markers, check boxes and quote marks. */
    static String line(String markdown) {
        if (markdown == null) return null;
        String s = markdown;
        int marks = marksOf(s);
        if (has(marks, QUOTE_MARK)) {
            s = withoutPrefix(s, QUOTE);
            marks = marksOf(s);
        }
        if (has(marks, HASH)) {
            s = withoutPrefix(s, HEADING);
            s = CLOSING_HASHES.matcher(s).replaceFirst("");
            marks = marksOf(s);
        }
        // A list marker is the first character after white space: most lines have none, and skip the regex.
        String listed = LineShape.mayOpenList(s) ? withoutPrefix(s, LIST_MARKER) : s;
        if (listed != s) marks = marksOf(listed); // the same string when there was no list marker
        return inline(listed, marks);
    }

    /**
     * {@code prefix.matcher(s).replaceFirst("")} for a pattern anchored with {@code ^}: it can only match at the
     * start, so it is tried there alone instead of at every character.
     */
    private static String withoutPrefix(String s, Pattern prefix) {
        Matcher m = prefix.matcher(s);
        return m.lookingAt() ? s.substring(m.end()) : s;
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
        // The second character is compared first where that is cheap: an ASCII one of the text matches the needle's
        // (lower-case ASCII) only as itself or its upper case; any other is left to regionMatches.
        char second = needle.length() > 1 ? needle.charAt(1) : 0;
        boolean quickSecond = second >= 'a' && second <= 'z';
        char secondUpper = Character.toUpperCase(second);
        int last = text.length() - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            char c = text.charAt(i);
            if (c != lower && c != upper) continue;
            if (quickSecond) {
                char d = text.charAt(i + 1);
                if (d < 128 && d != second && d != secondUpper) continue;
            }
            if (text.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    /**
     * Needles looked for together, ignoring case as {@link #indexOfIgnoreCase} does, in one pass over a text: a
     * character none of them starts with is passed over after one look-up.
     */
    static final class Needles {
        private final List<String> needles;
        private final boolean[] initials = new boolean[128];
        /**
         * {@code [first << 7 | second]}: some needle starts with these two characters (ASCII, lower-case). A text
         * character past ASCII may equal a needle's ignoring case (the dotless i is an I upper-cased), so only an
         * ASCII one can rule a pair out.
         */
        private final boolean[] pairs = new boolean[128 * 128];
        /** {@code [first]}: a needle of that one character. */
        private final boolean[] single = new boolean[128];

        /** Needles written in lower case, each starting with an ASCII character. */
        Needles(List<String> needles) {
            this.needles = List.copyOf(needles);
            for (String needle : this.needles) {
                char lower = needle.charAt(0);
                char upper = Character.toUpperCase(lower);
                if (lower >= 128 || upper >= 128) throw new IllegalArgumentException("not an ASCII start: " + needle);
                initials[lower] = true;
                initials[upper] = true;
                if (needle.length() == 1) {
                    single[asciiLower(lower)] = true;
                } else if (needle.charAt(1) < 128) {
                    pairs[asciiLower(lower) << 7 | asciiLower(needle.charAt(1))] = true;
                } else {
                    // a second character past ASCII: no pair rules it out
                    single[asciiLower(lower)] = true;
                }
            }
        }

        private static char asciiLower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }

        /** False only when no needle can start at {@code i}, whose character is an initial, for its next one. */
        private boolean mayStartAt(String text, int i, int n) {
            char first = asciiLower(text.charAt(i));
            if (single[first]) return true;
            if (i + 1 >= n) return false;
            char second = text.charAt(i + 1);
            return second >= 128 || pairs[first << 7 | asciiLower(second)];
        }

        /** The same as: {@code indexOfIgnoreCase(text, needle, 0) >= 0} for any of the needles. */
        boolean anyIn(String text) {
            return indexIn(text, 0) >= 0;
        }

        /** The least of {@code indexOfIgnoreCase(text, needle, from)} over the needles that occur, or -1. */
        int indexIn(String text, int from) {
            int n = text.length();
            for (int i = Math.max(from, 0); i < n; i++) {
                char c = text.charAt(i);
                if (c >= 128 || !initials[c] || !mayStartAt(text, i, n)) continue;
                for (String needle : needles) {
                    char lower = needle.charAt(0);
                    if ((c == lower || c == Character.toUpperCase(lower)) && i <= n - needle.length()
                            && text.regionMatches(true, i, needle, 0, needle.length())) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    /**
     * {@code text} cut at its blank lines: what splitting at the regex {@code \n\s*\n} gives (trailing empty
     * pieces dropped), in one pass by hand. A cut runs from a line break to the last line break of the white space
     * after it; the regex was tried at every character of every root-cause section.
     */
    static String[] paragraphs(String text) {
        List<String> out = new java.util.ArrayList<>();
        int n = text.length();
        int from = 0;
        int i = text.indexOf('\n');
        while (i >= 0) {
            int run = i + 1;
            int lastBreak = -1;
            while (run < n && isRegexSpace(text.charAt(run))) {
                if (text.charAt(run) == '\n') lastBreak = run;
                run++;
            }
            if (lastBreak < 0) {
                i = run < n ? text.indexOf('\n', run) : -1;
                continue;
            }
            out.add(text.substring(from, i));
            from = lastBreak + 1;
            i = text.indexOf('\n', from);
        }
        if (from == 0 && out.isEmpty()) return new String[] {text};
        out.add(text.substring(from));
        int size = out.size();
        while (size > 0 && out.get(size - 1).isEmpty()) size--;
        return out.subList(0, size).toArray(new String[0]);
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
