package dev.pmkb.read;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads postmortem files: decodes them strictly as UTF-8 and splits off the optional header. Never throws
 * for bad content: every problem becomes a {@link Diagnostic} on the returned document, so one broken file
 * never stops a library from baking.
 */
public final class SourceReader {

    /** File extensions read as postmortems. */
    public static final Set<String> EXTENSIONS = Set.of("md", "markdown");

    private SourceReader() {
    }

    /** Every postmortem file below {@code contentRoot}, skipping hidden files and folders, in path order. */
    public static List<Path> list(Path contentRoot) throws IOException {
        try (Stream<Path> files = Files.walk(contentRoot)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(contentRoot.relativize(p)))
                    .filter(SourceReader::hasPostmortemExtension)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Files below {@code contentRoot} that look like write-ups but are not read as postmortems (text and HTML
     * files), so that the bake can say so instead of leaving them out silently.
     */
    public static List<Path> listIgnoredWriteUps(Path contentRoot) throws IOException {
        try (Stream<Path> files = Files.walk(contentRoot)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(contentRoot.relativize(p)))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|html?|adoc|rst)"))
                    .sorted()
                    .toList();
        }
    }

    public static boolean hasPostmortemExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    /** The path of {@code file} relative to {@code contentRoot}, with {@code /} separators. */
    public static String sourceName(Path contentRoot, Path file) {
        return contentRoot.relativize(file).toString().replace('\\', '/');
    }

    public static SourceDocument read(Path contentRoot, Path file) {
        String source = sourceName(contentRoot, file);
        try {
            return parse(source, Files.readAllBytes(file));
        } catch (IOException e) {
            return new SourceDocument(source, FrontMatter.NONE, "", 1,
                    List.of(Diagnostic.error(source, 0, "cannot read file: " + e.getMessage())));
        }
    }

    public static SourceDocument parse(String source, byte[] bytes) {
        List<Diagnostic> problems = new ArrayList<>();
        String text = decode(source, bytes, problems);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            problems.add(Diagnostic.error(source, 0, "empty file: nothing to bake"));
            return new SourceDocument(source, FrontMatter.NONE, "", 1, problems);
        }
        HeaderSplit split = HeaderParser.split(source, text, problems);
        return new SourceDocument(source, split.frontMatter(), split.body(), split.bodyStartLine(), problems);
    }

    private static String decode(String source, byte[] bytes, List<Diagnostic> problems) {
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
