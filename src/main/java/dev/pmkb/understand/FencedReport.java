package dev.pmkb.understand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report pasted from a chat assistant: a line or two of preamble ("Sure! Here is the postmortem:"), then the
 * whole report inside a {@code ```markdown} fence. Read as written it is one code block, with no sections or
 * facts; read as the author meant it, the fence is only packaging.
 */
final class FencedReport {

    /** An opening fence that says its content is Markdown. */
    private static final Pattern MARKDOWN_FENCE = Pattern.compile("(?im)^[ ]{0,3}(`{3,}|~{3,})[ \\t]*(?:markdown|md)[ \\t]*$");
    /** The preamble is a sentence or two; past this many characters the fence is part of the report. */
    private static final int MAX_PREAMBLE = 600;
    private static final int MAX_PACKAGING_LINES = 3;

    private FencedReport() {
    }

    /**
     * {@code markdown} with the fence lines of a wrapped report blanked (so every line keeps its number), or
     * {@code markdown} itself when it is not wrapped.
     */
    static String unwrap(String markdown) {
        int limit = Math.min(markdown.length(), MAX_PREAMBLE + 40);
        int tick = markdown.indexOf("``", 0);
        int tilde = markdown.indexOf("~~", 0);
        if ((tick < 0 || tick > limit) && (tilde < 0 || tilde > limit)) return markdown;
        Matcher open = MARKDOWN_FENCE.matcher(markdown).region(0, limit);
        if (!open.find() || open.start() > MAX_PREAMBLE || !isPackaging(markdown.substring(0, open.start()))) {
            return markdown;
        }
        String fence = open.group(1);
        // The closing fence is the last fence line of the document: inner code blocks open and close before it.
        int close = lastFenceLine(markdown, fence, open.end());
        if (close < 0) return markdown;
        String after = markdown.substring(markdown.indexOf('\n', close) < 0 ? markdown.length()
                : markdown.indexOf('\n', close));
        // A short sign-off after the fence ("Let me know if…") is fine; a report that goes on is not wrapped.
        if (after.length() > MAX_PREAMBLE || !isPackaging(after)) return markdown;
        StringBuilder out = new StringBuilder(markdown);
        blankLine(out, close);
        blankLine(out, open.start());
        return out.toString();
    }

    /** A chat assistant's words around a report: a few lines of prose, no heading, list or table of its own. */
    private static boolean isPackaging(String text) {
        int lines = 0;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (++lines > MAX_PACKAGING_LINES || l.startsWith("#") || l.startsWith("|") || l.startsWith("- ")
                    || l.startsWith("* ")) {
                return false;
            }
        }
        return true;
    }

    private static int lastFenceLine(String md, String fence, int from) {
        char c = fence.charAt(0);
        int end = md.length();
        while (end > from) {
            int lineStart = md.lastIndexOf('\n', end - 1) + 1;
            String line = md.substring(lineStart, end).strip();
            if (line.length() >= fence.length() && line.chars().allMatch(ch -> ch == c)) {
                return lineStart >= from ? lineStart : -1;
            }
            if (!line.isEmpty() && end - lineStart > 0 && md.length() - lineStart > MAX_PREAMBLE) return -1;
            end = lineStart - 1;
        }
        return -1;
    }

    private static void blankLine(StringBuilder out, int lineStart) {
        int end = lineStart;
        while (end < out.length() && out.charAt(end) != '\n' && out.charAt(end) != '\r') end++;
        out.delete(lineStart, end);
    }
}
