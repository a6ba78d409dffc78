package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Ids from source paths, and titles from headers, headings or first lines. */
public final class Naming {

    /** Compiled once: ids, slugs and titles are made for every postmortem. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}]");
    private static final java.util.regex.Pattern LEADING_DASHES = java.util.regex.Pattern.compile("^[\\-–—:|]+\\s*");
    private static final java.util.regex.Pattern TRAILING_COLON = java.util.regex.Pattern.compile("\\s*:$");

    private Naming() {
    }

    /**
     * {@code incidents/2024/DB Pool.md} → {@code incidents/2024/db-pool}; {@code 2024/事故.md} → {@code 2024/事故}. A
     * name without letters or digits ({@code 🔥.md}) gets {@code untitled-} and a hash of itself, so that no two
     * files share an id; an id too long for a file name is cut and ends with a hash of the whole path.
     */
    static String id(String source) {
        String path = source.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash + 1) path = path.substring(0, dot);
        StringBuilder id = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) continue;
            String s = slug(segment);
            if (s.isEmpty()) s = "untitled-" + hash(segment);
            if (id.length() > 0) id.append('/');
            id.append(s);
        }
        if (id.length() == 0) return "untitled";
        return bounded(id.toString(), path);
    }

    /** An id of at most {@link Limits#MAX_ID_BYTES} bytes: a longer one is cut and ends with a hash of the whole path. */
    private static String bounded(String id, String path) {
        // A UTF-16 char is at most three UTF-8 bytes: almost every id is short enough without encoding it.
        if (id.length() * 3 <= Limits.MAX_ID_BYTES
                || id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Limits.MAX_ID_BYTES) return id;
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < id.length(); ) {
            int cp = id.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 bytes
            if (bytes + size > Limits.MAX_ID_BYTES - 10) break;
            cut.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        while (cut.length() > 0 && (cut.charAt(cut.length() - 1) == '-' || cut.charAt(cut.length() - 1) == '/')) {
            cut.setLength(cut.length() - 1);
        }
        return cut + "-" + hash(path);
    }

    /** Eight hex digits of the text's SHA-256: short, and the same in every bake. */
    private static String hash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Lower-case words of letters and digits in any script, joined by hyphens; accents on Latin letters folded
     * ("Café" → "cafe"), the marks other scripts spell with kept ("हादसा" stays whole).
     */
    public static String slug(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        boolean afterAscii = false;
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark) {
                if (!afterAscii && b.length() > 0 && !gap) b.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                if (gap && b.length() > 0) b.append('-');
                gap = false;
                b.appendCodePoint(cp);
                afterAscii = cp < 128;
            } else {
                gap = true;
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    /** The title the author gave (see {@link TitleFinder}), else the first line of text, else the file name. */
    static String title(List<Section> sections, String markdown, String source) {
        return title(sections, SectionSplitter.lines(markdown), source);
    }

    /**
     * The same, from the body's {@link SectionSplitter#lines(String)}: the title {@link TitleFinder} finds, else
     * the first line of text (only the first {@link Limits#MAX_TITLE_LINES} are read), else the file name.
     */
    static String title(List<Section> sections, String[] lines, String source) {
        int limit = Math.min(lines.length, Limits.MAX_TITLE_LINES);
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
