package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Ids from source paths, and titles from headers, headings or first lines. */
final class Naming {

    /** Compiled once: ids, slugs and titles are made for every postmortem. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NOT_ASCII_WORD = java.util.regex.Pattern.compile("[^a-z0-9]");
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}]");
    private static final java.util.regex.Pattern LEADING_DASHES = java.util.regex.Pattern.compile("^[\\-–—:|]+\\s*");
    private static final java.util.regex.Pattern TRAILING_COLON = java.util.regex.Pattern.compile("\\s*:$");

    /**
     * Headings that name the genre, not the incident ("0x19. Postmortem", "Incident report"): a title that
     * follows them, before the first section, says more.
     */
    private static final java.util.regex.Pattern GENERIC_TITLE = java.util.regex.Pattern.compile(
            "(?i)(0x[0-9a-f]+[.:]?\\s*)?(project\\s*:?\\s*)?(the\\s+)?(post[- ]?mortem|incident|incident report|"
                    + "outage report|report)s?\\.?");

    /** "Postmortem: Web Stack Outage" as a line of its own. */
    private static final java.util.regex.Pattern NAMED_TITLE = java.util.regex.Pattern.compile(
            "(?i)\\s*[-*]?\\s*(post[- ]?mortem|incident( report)?)\\s*[:\\-–—]\\s*\\S.{3,150}");

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
        return bounded(id.length() == 0 ? "untitled" : id.toString(), source);
    }

    /**
     * An id of at most {@link Limits#MAX_ID_CHARS} characters: a longer one is cut and ends in a hash of the whole
     * source path, so that two long names that start alike still get two pages.
     */
    static String bounded(String id, String source) {
        if (id.length() <= Limits.MAX_ID_CHARS) return id;
        String hash = String.format(Locale.ROOT, "%08x", source.hashCode());
        String cut = id.substring(0, Limits.MAX_ID_CHARS - hash.length() - 1);
        while (cut.endsWith("-") || cut.endsWith("/")) cut = cut.substring(0, cut.length() - 1);
        return cut + "-" + hash;
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

    /**
     * The first heading that is not a section name ("# Issue Summary" titles nothing), a bold-only first line,
     * else the first line of text, else the file name.
     */
    static String title(List<Section> sections, String markdown, String source) {
        return title(sections, SectionSplitter.lines(markdown), source);
    }

    /** The same, from the body's {@link SectionSplitter#lines(String)}: only the first lines are read. */
    static String title(List<Section> sections, String[] lines, String source) {
        int limit = Math.min(lines.length, Limits.MAX_TITLE_LINES);
        boolean firstText = true;
        String generic = null;
        for (int i = 0; i < limit; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            LineShape shape = line.length() > 1000 ? null : LineShape.of(line);
            String candidate = null;
            if (shape != null && shape.isHeading()) {
                String t = clean(shape.label());
                if (!t.isEmpty() && SectionNames.kindOf(t) == null) candidate = t;
                else if (!t.isEmpty() && generic != null) return generic;
            } else if ((firstText || generic != null) && shape != null && shape.emphasized() && !shape.nested()
                    && shape.rest().isEmpty()) {
                String t = clean(shape.label());
                if (!t.isEmpty() && SectionNames.kindOf(t) == null) candidate = t;
            } else if (generic != null && NAMED_TITLE.matcher(PlainText.line(line)).matches()) {
                candidate = clean(PlainText.line(line));
            }
            if (candidate != null) {
                if (!GENERIC_TITLE.matcher(candidate).matches()) return candidate;
                if (generic == null) generic = candidate;
            }
            if (PlainText.line(line).isEmpty()) continue;
            firstText = false;
        }
        if (generic != null) return generic;
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
        return PlainText.clip(t, Limits.MAX_TITLE_CHARS);
    }

    /**
     * A title as its author wrote it in a header: no Markdown is read in it ({@code 5*60*24} stays, and so does
     * {@code <Consumer>}; templates escape it), only line breaks and control characters become spaces.
     */
    static String verbatim(String title) {
        return PlainText.clip(CONTROL.matcher(title).replaceAll(" ").strip(), Limits.MAX_TITLE_CHARS);
    }
}
