package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown line looks like: a heading, a label ({@code **Impact:** ...}, {@code Impact: ...}), a list
 * item, or plain text. Only shape, not meaning: {@link SectionSplitter} decides what a label starts.
 *
 * @param atxLevel  1 to 6 for {@code #} headings, 0 otherwise
 * @param nested    true for list items and indented lines: labels there belong to the enclosing section
 * @param label     the heading or label text, or null
 * @param emphasized true when the label was bold or italic
 * @param rest      what followed the label on the same line (may be empty), or the whole content otherwise
 */
record LineShape(int atxLevel, boolean nested, String label, boolean emphasized, String rest) {

    private static final Pattern HTML_HEADING = Pattern.compile("^\\s{0,3}<[hH]([1-6])[^<>]{0,200}>(.{0,300}?)</[hH]\\1>");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?\\s*#*\\s*$");
    private static final Pattern LIST = Pattern.compile("^(\\s*)(?:[-*+•]|\\d{1,3}[.)])\\s+(?:\\[[ xX]]\\s+)?");
    private static final Pattern PLAIN_LABEL = Pattern.compile("^([A-Za-z][A-Za-z0-9 &/'’()\\-]{0,60}?)\\s*:");
    private static final int MAX_LABEL_LINE = Limits.MAX_LABEL_LINE;
    private static final Pattern QUOTE_MARKS = Pattern.compile("^(?:>\\s?)+");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[*_]+");

    static LineShape of(String line) {
        if (line.length() > MAX_LABEL_LINE * 20) return new LineShape(0, false, null, false, line);
        // Each pattern is tried (and its matcher made) only when the line's first character lets it match: this
        // runs for every line of every postmortem.
        char first = firstNonSpace(line);
        if (first == '#' && line.length() <= MAX_LABEL_LINE) {
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                String text = atx.group(2) == null ? "" : atx.group(2);
                return new LineShape(atx.group(1).length(), false, PlainText.inline(text), false, "");
            }
        }
        if (first == '<') {
            Matcher html = HTML_HEADING.matcher(line).region(0, Math.min(line.length(), MAX_LABEL_LINE));
            if (html.lookingAt()) {
                return new LineShape(Integer.parseInt(html.group(1)), false, PlainText.inline(html.group(2)), false, "");
            }
        }
        String body = line;
        boolean nested = false;
        Matcher list = mayOpenList(line) ? LIST.matcher(line) : null;
        if (list != null && list.lookingAt()) {
            nested = true;
            body = line.substring(list.end());
        } else if (leadingSpaces(line) >= 2) {
            nested = true;
        }
        body = body.strip();
        if (body.startsWith(">")) body = QUOTE_MARKS.matcher(body).replaceFirst("").strip();
        if (nested && body.startsWith("#") && body.length() <= MAX_LABEL_LINE) {
            // "- ## Root Cause:" is a heading that happens to sit in a list item.
            Matcher inner = ATX.matcher(body);
            if (inner.matches()) {
                String text = inner.group(2) == null ? "" : inner.group(2);
                return new LineShape(inner.group(1).length(), false, PlainText.inline(text), false, "");
            }
        }
        if (body.isEmpty() || line.length() > MAX_LABEL_LINE * 20) return new LineShape(0, nested, null, false, body);
        LineShape emphasized = emphasizedLabel(body, nested);
        if (emphasized != null) return emphasized;
        // Checked before the regex: a label starts with a letter and has its colon within the first 100
        // characters, and most lines are prose without one.
        if (isAsciiLetter(body.charAt(0)) && colonBefore(body, 100)) {
            Matcher plain = PLAIN_LABEL.matcher(body).region(0, Math.min(body.length(), 100));
            if (plain.lookingAt()) {
                return new LineShape(0, nested, plain.group(1).strip(), false, body.substring(plain.end()).strip());
            }
        }
        if (!nested && isBareHeading(body)) return new LineShape(0, false, PlainText.inline(body), false, "");
        return new LineShape(0, nested, null, false, body);
    }

    /**
     * "Corrective and Preventative Measures" alone on a line, without #, bold or colon, is still a heading, but
     * only when the whole short line is a section name: "Resolution was quick." is a sentence.
     */
    private static boolean isBareHeading(String body) {
        if (body.length() > 70 || body.endsWith(".") || body.endsWith(",") || body.endsWith(";")) return false;
        if (!Character.isUpperCase(body.codePointAt(0)) && Character.isLetter(body.codePointAt(0))) return false;
        String words = PlainText.words(body);
        if (words.isEmpty() || words.split(" ").length > 6) return false;
        return SectionNames.kindOf(body) != null && SectionNames.isWholeName(body);
    }

    /** {@code **Label:** rest}, {@code **Label**: rest}, {@code *Label*}, {@code __Label__}. */
    private static LineShape emphasizedLabel(String body, boolean nested) {
        char c = body.charAt(0);
        if (c != '*' && c != '_') return null;
        int open = 0;
        while (open < body.length() && open < 3 && body.charAt(open) == c) open++;
        String marks = body.substring(0, open);
        int close = body.indexOf(marks, open);
        if (close <= open || close - open > 150) return null;
        String label = body.substring(open, close).strip();
        String rest = LEADING_MARKS.matcher(body.substring(close)).replaceFirst("").strip();
        if (rest.startsWith(":")) rest = rest.substring(1).strip();
        else if (!label.endsWith(":") && !rest.isEmpty() && !rest.startsWith("-") && !rest.startsWith("–")) {
            // "**Note** that ..." is emphasis inside a sentence, not a label.
            return null;
        }
        if (rest.startsWith("-") || rest.startsWith("–")) rest = rest.substring(1).strip();
        if (label.endsWith(":")) label = label.substring(0, label.length() - 1).strip();
        return new LineShape(0, nested, PlainText.inline(label), true, rest);
    }

    /**
     * False only when {@link #LIST} cannot match: its marker (a dash, star, plus, bullet or digit) is the first
     * character after the white space {@code \s} knows.
     */
    static boolean mayOpenList(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') continue;
            return c == '-' || c == '*' || c == '+' || c == '•' || (c >= '0' && c <= '9');
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean colonBefore(String s, int limit) {
        for (int i = 0, end = Math.min(s.length(), limit); i < end; i++) {
            if (s.charAt(i) == ':') return true;
        }
        return false;
    }

    private static char firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') return c;
        }
        return ' ';
    }

    private static int leadingSpaces(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') width++;
            else if (c == '\t') width += 4;
            else break;
        }
        return width;
    }

    boolean isHeading() {
        return atxLevel > 0;
    }
}
