package dev.pmkb.read;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads postmortem files: decodes them strictly as UTF-8 and splits off the optional header. Never throws
 * for bad content: every problem becomes a {@link Diagnostic} on the returned document, so one broken file
 * never stops a library from baking.
 */
public final class SourceReader {

    /** File extensions read as postmortems. */
    public static final Set<String> EXTENSIONS = Set.of("md", "markdown");

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?");

    private SourceReader() {
    }

    /** Why an I/O operation failed, in the words of {@code ls} and {@code cat} ("permission denied"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file";
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) return e.getClass().getSimpleName();
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    public static boolean hasPostmortemExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The path of {@code file} relative to {@code contentRoot}, with {@code /} separators. */
    public static String sourceName(Path contentRoot, Path file) {
        return contentRoot.relativize(file).toString().replace('\\', '/');
    }

    public static SourceDocument read(Path contentRoot, Path file) {
        String source = sourceName(contentRoot, file);
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_FILE_BYTES) return unread(source, tooLarge(size));
            return parse(source, Files.readAllBytes(file));
        } catch (IOException e) {
            return unread(source, "cannot read file: " + reason(e));
        }
    }

    private static SourceDocument unread(String source, String why) {
        return new SourceDocument(source, FrontMatter.NONE, "", 1, List.of(Diagnostic.error(source, 0, why)));
    }

    private static String tooLarge(long size) {
        return "file too large to be a postmortem (" + size / (1024 * 1024) + " MB; pmkb reads up to "
                + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MB); not baked";
    }

    public static SourceDocument parse(String source, byte[] bytes) {
        if (bytes.length > Limits.MAX_FILE_BYTES) return unread(source, tooLarge(bytes.length));
        List<Diagnostic> problems = new ArrayList<>();
        String text = decode(source, bytes, problems);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        // Old Mac files end lines with CR alone; the header, the sections and flexmark then all see the same lines.
        if (text.indexOf('\r') >= 0) text = LINE_END.matcher(text).replaceAll("\n");
        text = withoutControlCharacters(source, text, problems);
        if (text.isBlank()) {
            problems.add(Diagnostic.error(source, 0, "empty file: nothing to bake"));
            return new SourceDocument(source, FrontMatter.NONE, "", 1, problems);
        }
        HeaderSplit split = HeaderParser.split(source, text, problems);
        return new SourceDocument(source, split.frontMatter(), split.body(), split.bodyStartLine(), problems);
    }

    /**
     * The text without NUL and the other control characters but tab and line feed: no page, feed or search index
     * should carry them (a NUL ends a C string; others garble terminals and XML), and no author means them.
     */
    private static String withoutControlCharacters(String source, String text, List<Diagnostic> problems) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isUnwantedControl(text.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) return text;
        StringBuilder kept = new StringBuilder(text.length());
        kept.append(text, 0, first);
        int removed = 0;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnwantedControl(c)) removed++;
            else kept.append(c);
        }
        int line = 1;
        for (int i = 0; i < first; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        problems.add(Diagnostic.warning(source, line, removed + (removed == 1 ? " control character" : " control characters")
                + String.format(Locale.ROOT, " (the first U+%04X) removed: they have no place in a page", (int) text.charAt(first))));
        return kept.toString();
    }

    private static boolean isUnwantedControl(char c) {
        return c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7F && c <= 0x9F;
    }

    private static String decode(String source, byte[] bytes, List<Diagnostic> problems) {
        Charset utf16 = utf16(bytes);
        if (utf16 != null) {
            problems.add(Diagnostic.warning(source, 0, "file is UTF-16 (" + utf16.name() + "), read as such;"
                    + " save it as UTF-8, which other tools expect"));
            String text = new String(bytes, utf16);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = lineOfFirstInvalidByte(bytes);
            problems.add(Diagnostic.error(source, line,
                    "invalid UTF-8; undecodable bytes shown as \uFFFD (save the file as UTF-8)"));
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * UTF-16 by its byte order mark, or, without one, by the zero byte that every ASCII character brings in one
     * half of each pair (Windows' "Unicode" Notepad files); null for anything else.
     */
    static Charset utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        int pairs = Math.min(bytes.length, 4096) / 2;
        if (pairs < 2) return null;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        if (oddZeros * 10 >= pairs * 7 && evenZeros * 10 <= pairs) return StandardCharsets.UTF_16LE;
        if (evenZeros * 10 >= pairs * 7 && oddZeros * 10 <= pairs) return StandardCharsets.UTF_16BE;
        return null;
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        strict.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    /** The header and body of a file, and where the body starts. */
    record HeaderSplit(FrontMatter frontMatter, String body, int bodyStartLine) {
    }
}
