package dev.pmkb.understand;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Ids from source paths, and titles from headers, headings or first lines. */
final class Naming {

    private static final int MAX_TITLE = 160;
    /** Compiled once: ids, slugs and titles are made for every postmortem. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NOT_ASCII_WORD = java.util.regex.Pattern.compile("[^a-z0-9]");
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}]");
    private static final java.util.regex.Pattern LEADING_DASHES = java.util.regex.Pattern.compile("^[\\-–—:|]+\\s*");
    private static final java.util.regex.Pattern TRAILING_COLON = java.util.regex.Pattern.compile("\\s*:$");

    private Naming() {
    }

    /** {@code incidents/2024/DB Pool.md} → {@code incidents/2024/db-pool}. */
    static String id(String source) {
        String path = source.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash + 1) path = path.substring(0, dot);
        StringBuilder id = new StringBuilder();
        for (String segment : path.split("/")) {
            String s = slug(segment);
            if (s.isEmpty()) continue;
            if (id.length() > 0) id.append('/');
            id.append(s);
        }
        return id.length() == 0 ? "untitled" : id.toString();
    }

    /** Lower-case ASCII words joined by hyphens; accents folded ("Café" → "cafe"). */
    static String slug(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String words = PlainText.words(folded.toLowerCase(Locale.ROOT));
        StringBuilder b = new StringBuilder();
        for (String w : words.split(" ")) {
            String ascii = NOT_ASCII_WORD.matcher(w).replaceAll("");
            if (ascii.isEmpty()) continue;
            if (b.length() > 0) b.append('-');
            b.append(ascii);
        }
        return b.toString();
    }

    /** The title the author gave (see {@link TitleFinder}), else the first line of text, else the file name. */
    static String title(List<Section> sections, String markdown, String source) {
        return title(sections, SectionSplitter.lines(markdown), source);
    }

    /**
     * The same, from the body's {@link SectionSplitter#lines(String)}: the title {@link TitleFinder} finds, else
     * the first line of text (only the first 399 are read), else the file name.
     */
    static String title(List<Section> sections, String[] lines, String source) {
        int limit = Math.min(lines.length, 399);
        String found = TitleFinder.find(lines);
        if (found != null) return found;
        for (int i = 0; i < limit; i++) {
            String t = clean(PlainText.line(lines[i].length() > 2000 ? lines[i].substring(0, 2000) : lines[i]));
            if (t.isEmpty()) continue;
            LineShape shape = LineShape.of(lines[i].length() > 1000 ? lines[i].substring(0, 1000) : lines[i]);
            if (shape.label() != null && SectionNames.kindOf(shape.label()) != null) continue;
            return t;
        }
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String clean(String text) {
        String t = CONTROL.matcher(PlainText.inline(text == null ? "" : text)).replaceAll("").strip();
        t = TRAILING_COLON.matcher(LEADING_DASHES.matcher(t).replaceAll("")).replaceAll("");
        return PlainText.clip(t, MAX_TITLE);
    }
}
