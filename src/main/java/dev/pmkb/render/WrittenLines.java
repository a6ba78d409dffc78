package dev.pmkb.render;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraphs that their author wrote one line at a time. In Markdown a single line break inside a paragraph is a
 * space, which suits text hard-wrapped at 72 or 80 columns. Many postmortems are instead written a line per fact
 * ("Duration: …", "10:05 AM Deploy started", "1- Checked the logs") with no blank lines between them, and read as
 * one wall of text when joined. Such a paragraph keeps its lines.
 * <p>
 * A paragraph is taken as written lines when every line starts an entry (a time, a date, a list marker, a
 * "Label:": "08:30: alert\n11:30: fixed"), when it has at least {@value #MIN_LINES} lines that each read as a list
 * item without its marker (a capital first, no punctuation last: list items whose markers the plain text dropped), or
 * when it has at least {@value #MIN_LINES} lines and {@value #MIN_LENGTH}
 * characters (shorter ones read well joined), and at least two of three of its breaks are where a writer ends a
 * line on purpose: after a sentence or a label (the line ends with {@code . ! ? : ;}), after a short line (a
 * heading-like "Issue Summary"), or before a line that starts an entry (a time, a date, a list marker, a
 * "Label:", a URL). Hard-wrapped prose breaks mid-sentence at a wide column, so few of its breaks are any of these.
 */
final class WrittenLines {

    static final int MIN_LINES = 3;
    static final int MIN_LENGTH = 200;
    /** A line this short, with more after it, was ended by its writer: a wrapped line fills the column. */
    private static final int SHORT_LINE = 40;

    private static final Pattern ENDS_A_SENTENCE = Pattern.compile("[.!?:;][)\"'’”*_]*\\s*$");
    private static final Pattern STARTS_AN_ENTRY = Pattern.compile("(?i)^[\\s|*_>]*(?:"
            + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b" // January 10, 7:00 AM
            + "|\\d{1,2}[:.h]\\d{2}\\b|\\d{1,2}\\s?[ap]\\.?m\\b" // 10:05, 8.40, 1pm
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}" // 2024-05-05, 04/12/2022
            + "|\\d{1,3}[.)\\-]\\s|[a-z][.)]\\s|[-•–—+]\\s" // 1. 1) 1- a) • –
            + "|(?-i:\\p{Lu})[\\p{L}\\p{N}'’/&() -]{0,30}:(?:\\s|$)" // Impact: …
            + "|https?://)");

    private WrittenLines() {
    }

    /** Whether a paragraph's text, its soft breaks as {@code \n}, was written a line at a time. */
    static boolean writtenAsLines(String text) {
        String[] lines = text.strip().split("\n");
        if (lines.length < 2) return false;
        if (java.util.Arrays.stream(lines).allMatch(l -> STARTS_AN_ENTRY.matcher(l).lookingAt())) return true;
        if (lines.length >= MIN_LINES && java.util.Arrays.stream(lines).allMatch(WrittenLines::isFragment)) return true;
        if (lines.length < MIN_LINES || text.strip().length() < MIN_LENGTH) return false;
        int ended = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].strip();
            if (line.length() < SHORT_LINE || ENDS_A_SENTENCE.matcher(line).find()
                    || STARTS_AN_ENTRY.matcher(lines[i + 1]).lookingAt()) {
                ended++;
            }
        }
        return ended * 3 >= (lines.length - 1) * 2;
    }

    /**
     * A line that reads as one item of a list without its marker ("No monitoring of certificate expiry"): it starts
     * with a capital and ends with no punctuation. Wrapped prose ends its last line with a full stop, and seldom
     * starts every line with a capital.
     */
    private static boolean isFragment(String line) {
        String s = line.strip();
        return !s.isEmpty() && Character.isUpperCase(s.codePointAt(0)) && Character.isLetterOrDigit(s.codePointBefore(s.length()));
    }

    /**
     * Shows a paragraph written a line at a time as its lines; others stay as they are. Each line becomes a block of
     * its own ({@code <span class="line">}), so a line that wraps on a narrow screen reads as one (the stylesheet
     * indents its continuation); a break inside inline markup ({@code **bold\ntext**}) becomes a {@code <br>}.
     */
    static void keepLines(Element paragraph) {
        String text = paragraph.wholeText();
        if (text.indexOf('\n') < 0 || !writtenAsLines(text)) return;
        List<TextNode> texts = new ArrayList<>();
        collectTexts(paragraph, texts);
        boolean nestedBreak = texts.stream().anyMatch(t -> t.parent() != paragraph && t.getWholeText().indexOf('\n') >= 0);
        if (nestedBreak) breakLines(texts);
        else blockLines(paragraph);
        paragraph.addClass("written-lines");
    }

    private static void blockLines(Element paragraph) {
        List<List<Node>> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        for (Node child : new ArrayList<>(paragraph.childNodes())) {
            if (child instanceof TextNode t && t.getWholeText().indexOf('\n') >= 0) {
                String[] parts = t.getWholeText().split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        lines.add(line);
                        line = new ArrayList<>();
                    }
                    if (!parts[i].isEmpty()) line.add(new TextNode(parts[i]));
                }
            } else if (child instanceof Element e && e.normalName().equals("br")) {
                lines.add(line); // a hard break: its line ends here (and the "\n" after it makes no empty line)
                line = new ArrayList<>();
            } else {
                line.add(child);
            }
        }
        lines.add(line);
        paragraph.empty();
        for (List<Node> nodes : lines) {
            if (nodes.stream().allMatch(n -> n instanceof TextNode t && t.isBlank())) continue;
            Element span = paragraph.appendElement("span").addClass("line");
            for (Node n : nodes) span.appendChild(n);
        }
    }

    private static void breakLines(List<TextNode> texts) {
        for (TextNode node : texts) {
            String s = node.getWholeText();
            if (s.indexOf('\n') < 0) continue;
            String[] parts = s.split("\n", -1);
            Node at = node;
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    // a hard break (two spaces or a backslash) already has its <br> before this line
                    boolean afterHardBreak = i == 1 && parts[0].isEmpty() && node.previousSibling() instanceof Element e
                            && e.normalName().equals("br");
                    if (!afterHardBreak) {
                        Element br = new Element("br");
                        at.after(br);
                        at = br;
                    }
                }
                if (!parts[i].isEmpty()) {
                    TextNode part = new TextNode(parts[i]);
                    at.after(part);
                    at = part;
                }
            }
            node.remove();
        }
    }

    /** The text of a paragraph outside code, whose line breaks belong to the code. */
    private static void collectTexts(Element element, List<TextNode> into) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) into.add(t);
            else if (child instanceof Element e && !e.normalName().equals("code")) collectTexts(e, into);
        }
    }
}
