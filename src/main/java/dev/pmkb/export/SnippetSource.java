package dev.pmkb.export;

import dev.pmkb.index.Analysis;
import dev.pmkb.index.PmkbAnalyzer;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a search result's snippet is cut from (the last column of a result shard): sentences of the postmortem
 * that the browser can cut a snippet around the query's words from. A result shows the passage that matches, but a
 * shard cannot carry whole postmortems (a first query loads the shards of its top 10), so each incident keeps
 * {@link #BUDGET} UTF-16 units of sentences: its opening sentence, then the sentences that add the most words no
 * other kept sentence has, rare words weighing most, the root cause's sentences more. Those are the words a reader
 * finds the incident by. The facts header ("Duration: …", "Start Time: …", "Impact: …"), headings, timeline lines
 * and code are never kept. Kept sentences stay in the postmortem's order; a line feed marks a gap between them.
 */
final class SnippetSource {

    /** UTF-16 units kept per incident: about two and a half snippets of text. */
    static final int BUDGET = 480;
    /** The most of an incident's text that a result's snippet is looked for in. */
    static final int FULL_TEXT_MAX = 8_000;
    /** A longer sentence is cut at a space, so that one sentence cannot take the whole budget. */
    static final int SENTENCE_MAX = 200;

    /** A line that starts with a facts label: the header a postmortem opens with, which says when, not what. */
    private static final Pattern FACTS_HEADER = Pattern.compile(
            "^[\\s\\p{Punct}•–—]*(?:total\\s+|overall\\s+)?(?:duration|start(?:ing|ed)?(?:\\s+(?:time|date))?"
                    + "|end(?:ing|ed)?(?:\\s+(?:time|date))?|(?:date|time)(?:\\s*(?:frame|window|range|zone))?"
                    + "|severity|status|priority|impact(?:ed)?(?:\\s+\\w+){0,2}|affected(?:\\s+\\w+){0,2}"
                    + "|(?:outage|incident|downtime)\\s+(?:window|duration|date|time|period)|detected|detection time)"
                    + "\\s*(?:\\([^)]{0,30}\\))?\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
    /** A label followed by a date or a time ("Issue Detected: May 10, 2023, 08:00 AM"): a facts line too. */
    private static final Pattern DATED_LABEL = Pattern.compile(
            "^[^:.!?]{1,30}:\\s*(?:\\d{1,4}[-/:.]\\d|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "|" + MONTH
                    + "[a-z]*\\.?\\s+\\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A timeline line: it starts with a clock time or a date. */
    private static final Pattern TIMELINE = Pattern.compile(
            "^[\\s\\p{Punct}•–—]*(?:\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}[:.h]\\d{2}|\\d{1,2}\\s*[ap]\\.?m\\b|\\d{4}-\\d{2}-\\d{2}|T\\s*[+-]\\s*\\d)",
            Pattern.CASE_INSENSITIVE);
    /** Sentence ends: after . ! ? followed by a space and what can start a sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"“(‘'])");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:;)\"”]$");
    private static final Pattern ENDS_STATEMENT = Pattern.compile("[.!?)\"”]$");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\s*(?:\\*\\*|__)([^*_]{1,120})(?:\\*\\*|__)\\s*:?\\s*$");
    private static final PmkbAnalyzer ANALYZER = new PmkbAnalyzer();

    private SnippetSource() {
    }

    /**
     * A sentence of an incident with its analysed terms (in the order the greedy choice sums their weights, as the
     * sum's rounding depends on it) and its boost: what depends on the incident alone, kept in the build cache.
     */
    record Sentence(String text, int line, List<String> terms, double boost) {
    }

    /**
     * What the export works out of one incident alone, before the library's document frequencies are known: the
     * full text ({@code x/N.json}), the sentences a snippet is chosen from, and the text that stands for them when
     * there are none. Worth keeping between bakes: it is most of the export's work per incident.
     */
    record Prepared(String fullText, List<Sentence> sentences, String fallback) {
    }

    /** The layout of {@link #encode}'s bytes; changed with any change of {@link Prepared}. */
    private static final int PREPARED_LAYOUT = 0x50524531; // "PRE1"

    /** {@code prepared} as bytes, for {@link PreparedIncidents}; null when a text cannot be kept exactly. */
    static byte[] encode(Prepared prepared) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1024);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(buffer)) {
            out.writeInt(PREPARED_LAYOUT);
            writeString(out, prepared.fullText());
            writeString(out, prepared.fallback());
            out.writeInt(prepared.sentences().size());
            for (Sentence s : prepared.sentences()) {
                writeString(out, s.text());
                out.writeInt(s.line());
                out.writeDouble(s.boost());
                out.writeInt(s.terms().size());
                for (String term : s.terms()) writeString(out, term);
            }
        } catch (java.io.IOException e) {
            return null; // a lone surrogate, which UTF-8 cannot carry: prepared again next time
        }
        return buffer.toByteArray();
    }

    /** What {@link #encode} wrote; null when {@code bytes} are not that (damaged, or of another layout). */
    static Prepared decode(byte[] bytes) {
        if (bytes == null) return null;
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != PREPARED_LAYOUT) return null;
            String fullText = readString(in);
            String fallback = readString(in);
            int count = in.readInt();
            if (count < 0 || count > bytes.length) return null;
            List<Sentence> sentences = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String text = readString(in);
                int line = in.readInt();
                double boost = in.readDouble();
                int terms = in.readInt();
                if (terms < 0 || terms > bytes.length) return null;
                String[] list = new String[terms];
                for (int k = 0; k < terms; k++) list[k] = readString(in);
                sentences.add(new Sentence(text, line, List.of(list), boost));
            }
            return in.available() == 0 ? new Prepared(fullText, List.copyOf(sentences), fallback) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeString(java.io.DataOutputStream out, String text) throws java.io.IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                if (!new String(utf8, java.nio.charset.StandardCharsets.UTF_8).equals(text)) {
                    throw new java.io.CharConversionException("a lone surrogate");
                }
                break;
            }
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(java.io.DataInputStream in) throws java.io.IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) throw new java.io.EOFException("a string longer than the entry");
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The snippet source of one incident; {@code bodyDocFreq} gives a term's document frequency in the body field
     * of an index of {@code docCount} documents.
     */
    static String of(Postmortem p, ToIntFunction<String> bodyDocFreq, int docCount) {
        return p == null ? "" : of(prepare(p), bodyDocFreq, docCount);
    }

    /** What {@link #of(Prepared, ToIntFunction, int)} and {@link #fullText(List)} need of an incident. */
    static Prepared prepare(Postmortem p) {
        List<String> lines = paragraphs(p);
        Facts facts = p.facts();
        String rootCause = facts == null || facts.rootCause() == null ? "" : flat(facts.rootCause());
        String summary = facts == null || facts.summary() == null ? "" : flat(facts.summary());
        List<Sentence> sentences = new ArrayList<>();
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line);
            if (!isProse(text)) continue;
            for (String s : SENTENCE_END.split(text)) {
                String sentence = clip(s, SENTENCE_MAX);
                if (wordCount(sentence) < 5) continue;
                String plain = sentence.endsWith("…") ? sentence.substring(0, sentence.length() - 1) : sentence;
                double boost = rootCause.contains(plain) ? 1.5 : summary.contains(plain) ? 1.2 : 1;
                // the set's iteration order, which the weights are summed in
                List<String> terms = List.of(new HashSet<>(Analysis.terms(ANALYZER, sentence)).toArray(String[]::new));
                sentences.add(new Sentence(sentence, line, terms, boost));
            }
        }
        String fallback = sentences.isEmpty() ? clip(String.join(" ", summary, rootCause).strip(), BUDGET) : "";
        return new Prepared(fullText(lines), List.copyOf(sentences), fallback);
    }

    /**
     * The snippet source of a {@link #prepare prepared} incident: its opening sentence, then greedily the sentence
     * that adds the most weight of terms not yet covered per length, each term weighing its idf in the body.
     */
    static String of(Prepared prepared, ToIntFunction<String> bodyDocFreq, int docCount) {
        List<Sentence> sentences = prepared.sentences();
        if (sentences.isEmpty()) return prepared.fallback();
        // each distinct term numbered once, its weight worked out once: the greedy pass below asks of every term of
        // every sentence whether it is covered, once per sentence kept
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        List<Double> termWeights = new ArrayList<>();
        int[][] ids = new int[sentences.size()][];
        for (int i = 0; i < sentences.size(); i++) {
            List<String> terms = sentences.get(i).terms();
            ids[i] = new int[terms.size()];
            for (int k = 0; k < terms.size(); k++) {
                Integer known = numbers.putIfAbsent(terms.get(k), numbers.size());
                if (known == null) {
                    int df = bodyDocFreq.applyAsInt(terms.get(k));
                    termWeights.add(df > 0 ? Math.log(1 + (docCount - df + 0.5) / (df + 0.5)) : 0);
                    known = numbers.size() - 1;
                }
                ids[i][k] = known;
            }
        }
        double[] weights = new double[termWeights.size()];
        for (int t = 0; t < weights.length; t++) weights[t] = termWeights.get(t);
        boolean[] kept = new boolean[sentences.size()];
        boolean[] covered = new boolean[weights.length];
        for (int id : ids[0]) covered[id] = true;
        kept[0] = true;
        int left = BUDGET - sentences.getFirst().text().length();
        while (true) {
            int best = -1;
            double bestGain = 0;
            for (int i = 1; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                if (kept[i] || s.text().length() + 1 > left) continue;
                double gain = 0;
                // in the terms' set order, as the sum's rounding depends on it
                for (int id : ids[i]) {
                    if (weights[id] != 0 && !covered[id]) gain += weights[id];
                }
                gain = gain * s.boost() / Math.pow(s.text().length(), 0.3);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            if (best < 0) break;
            kept[best] = true;
            for (int id : ids[best]) covered[id] = true;
            left -= sentences.get(best).text().length() + 1;
        }
        StringBuilder out = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (!kept[i]) continue;
            if (previous >= 0) {
                boolean adjacent = previous == i - 1 && sentences.get(previous).line() == sentences.get(i).line()
                        && !sentences.get(previous).text().endsWith("…");
                out.append(adjacent ? ' ' : '\n');
            }
            out.append(sentences.get(i).text());
            previous = i;
        }
        return out.toString();
    }

    /**
     * The whole text a snippet may come from, for the results whose kept sentences do not hold the query's words
     * (the browser loads it only for those): every paragraph but the title, headings, the facts header and code,
     * one a line, at most {@link #FULL_TEXT_MAX} UTF-16 units.
     */
    static String fullText(Postmortem p) {
        return p == null ? "" : fullText(paragraphs(p));
    }

    /** As above, from the incident's {@link #paragraphs(Postmortem) paragraphs}. */
    static String fullText(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (!isText(paragraph)) continue;
            String clipped = clip(paragraph, FULL_TEXT_MAX - out.length() - 1);
            if (clipped.length() < 20 && clipped.length() < paragraph.length()) break;
            if (!out.isEmpty()) out.append('\n');
            out.append(clipped);
            if (out.length() >= FULL_TEXT_MAX - 20) break;
        }
        return out.toString();
    }

    /** The body's paragraphs without the title and the headings. */
    static List<String> paragraphs(Postmortem p) {
        Set<String> headings = headings(p.markdown());
        // the title is shown above the snippet already
        for (String title : new String[]{p.title(), p.authorTitle()}) if (title != null) headings.add(key(title));
        List<String> out = new ArrayList<>();
        for (String paragraph : paragraphs(p.body().text(), headings)) {
            if (!headings.contains(key(paragraph))) out.add(paragraph);
        }
        return out;
    }

    /** Words worth showing: not the facts header, and mostly letters (not code, tables or rules). */
    static boolean isText(String line) {
        String start = head(line);
        if (FACTS_HEADER.matcher(start).find() || DATED_LABEL.matcher(start).find() || line.contains("---")) return false;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) if (Character.isLetter(line.charAt(i)) || line.charAt(i) == ' ') letters++;
        return letters >= line.length() * 0.75 && wordCount(line) >= 3;
    }

    /** A line of the facts header or of a timeline. */
    private static boolean isFactsLine(String line) {
        String start = head(line);
        return FACTS_HEADER.matcher(start).find() || TIMELINE.matcher(start).find() || DATED_LABEL.matcher(start).find();
    }

    /** The start of a line, where a label or a time stands: the patterns never look at a whole hostile line. */
    private static String head(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120);
    }

    /** A line a reader would read as text: not the facts header, a heading, a timeline entry or code. */
    static boolean isProse(String line) {
        if (line.isEmpty() || isFactsLine(line)) return false;
        if (line.contains("|") || line.contains("---")) return false; // a table or a rule
        int letters = 0;
        for (int i = 0; i < line.length(); i++) if (Character.isLetter(line.charAt(i)) || line.charAt(i) == ' ') letters++;
        if (letters < line.length() * 0.85) return false;
        int words = wordCount(line);
        return words >= 10 || (words >= 5 && ENDS_STATEMENT.matcher(line).find());
    }

    /**
     * The body text's paragraphs: the plain text ends every line of the Markdown, a wrapped one too, so a line
     * that does not end a sentence joins the next when that one goes on in lower case or it is itself long.
     */
    static List<String> paragraphs(String text, Set<String> headings) {
        int longestHeading = 0;
        for (String heading : headings) longestHeading = Math.max(longestHeading, heading.length());
        List<String> out = new ArrayList<>();
        // A paragraph of many joined lines (a log pasted as text) is asked about again at each line, so what is
        // asked of it is kept as it grows rather than worked out from the whole paragraph each time: its word
        // count (wordCount's, the sum of its lines' as lines are flat and joined by one space) and its letters
        // and digits (key() before lower-casing, which never makes a text shorter: a key longer than every
        // heading's is none of them).
        StringBuilder paragraph = new StringBuilder();
        int paragraphWords = 0;
        StringBuilder paragraphLetters = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = flat(raw);
            if (line.isEmpty()) {
                if (!paragraph.isEmpty()) out.add(paragraph.toString());
                paragraph.setLength(0);
                continue;
            }
            int lineWords = wordCount(line);
            String lineLetters = lettersAndDigits(line);
            if (!paragraph.isEmpty()) {
                boolean goesOn = !endsWith(ENDS_SENTENCE, paragraph) && !isHeading(line, lineWords)
                        && !isHeading(paragraph, paragraphWords)
                        && !headings.contains(lineLetters.toLowerCase(java.util.Locale.ROOT))
                        && !(paragraphLetters.length() <= longestHeading && headings.contains(
                                paragraphLetters.toString().toLowerCase(java.util.Locale.ROOT)))
                        && (Character.isLowerCase(line.codePointAt(0)) || paragraph.length() >= 60);
                if (goesOn) {
                    paragraph.append(' ').append(line);
                    paragraphWords += lineWords;
                    paragraphLetters.append(lineLetters);
                    continue;
                }
                out.add(paragraph.toString());
                paragraph.setLength(0);
            }
            paragraph.append(line);
            paragraphWords = lineWords;
            paragraphLetters.setLength(0);
            paragraphLetters.append(lineLetters);
        }
        if (!paragraph.isEmpty()) out.add(paragraph.toString());
        return out;
    }

    /**
     * Whether {@code pattern}, which ends in {@code $}, finds a match in {@code text}: looked for in the last three
     * units only, which hold one character and a line terminator of up to two, so a long text costs no more.
     */
    private static boolean endsWith(Pattern pattern, CharSequence text) {
        return pattern.matcher(text.subSequence(Math.max(0, text.length() - 3), text.length())).find();
    }

    /** Markdown headings ("# Title", "## Impact") and lines that are all bold ("**Issue Summary:**"), as keys. */
    static Set<String> headings(String markdown) {
        Set<String> out = new HashSet<>();
        if (markdown == null) return out;
        for (String line : markdown.split("\n")) {
            if (line.indexOf('#') < 0 && !line.contains("**") && !line.contains("__")) continue; // neither kind
            Matcher atx = ATX_HEADING.matcher(line);
            Matcher bold = BOLD_LINE.matcher(line);
            if (atx.matches()) out.add(key(atx.group(1)));
            else if (bold.matches()) out.add(key(bold.group(1)));
        }
        out.remove("");
        return out;
    }

    /** A line's letters and digits, lower-cased: the same heading in Markdown and in the plain text. */
    private static String key(String line) {
        return lettersAndDigits(line).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code text.replaceAll("[^\\p{L}\\p{Nd}]+", "")}: the text's letters and decimal digits. A loop, as the export
     * asks it of every line of every incident.
     */
    static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) out.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return out.length() == text.length() ? text : out.toString();
    }

    /**
     * {@code text.split("\\s+").length} without splitting: the parts between runs of spaces, trailing empty ones
     * not counted.
     */
    static int wordCount(CharSequence text) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (space && !inRun) runs++;
            inRun = space;
        }
        if (runs == 0) return 1; // split returns the text itself, even an empty one
        int parts = runs + 1;
        if (inRun) parts--; // the empty part after a trailing run
        if (parts == 1 && isSpace(text.charAt(0))) parts--; // all spaces: the leading empty part is trailing too
        return parts;
    }

    /** What the patterns' {@code \s} matches: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    /** A short line that ends no sentence: a heading, which neither joins a paragraph nor is joined by one. */
    private static boolean isHeading(CharSequence line, int words) {
        return words < 5 && !endsWith(ENDS_STATEMENT, line);
    }

    /** {@code text.replaceAll("\\s+", " ").strip()}, as a loop: asked of every line of every incident. */
    static String flat(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (out != null) out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isSpace(text.charAt(end))) end++;
            if (out == null && (c != ' ' || end > i + 1)) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null) out.append(' ');
            i = end - 1;
        }
        return (out == null ? text : out.toString()).strip();
    }

    /** At most {@code max} UTF-16 units, cut at a space (and never inside a surrogate pair), "…" marking the cut. */
    static String clip(String text, int max) {
        if (text.length() <= max) return text;
        if (max < 2) return "";
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
