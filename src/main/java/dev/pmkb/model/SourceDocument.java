package dev.pmkb.model;

import java.util.List;

/**
 * A postmortem file as read from the content folder, before any interpretation.
 *
 * @param source        path relative to the content folder, with {@code /} separators
 * @param frontMatter   the optional header
 * @param markdown      the body, header removed
 * @param bodyStartLine 1-based line of the file where {@code markdown} starts, so that later stages can
 *                      report problems at file lines
 * @param problems      what went wrong while reading (bad header line, invalid UTF-8, empty file)
 */
public record SourceDocument(String source, FrontMatter frontMatter, String markdown, int bodyStartLine,
                             List<Diagnostic> problems) {
    public SourceDocument {
        problems = List.copyOf(problems);
    }

    /** Converts a 1-based line within {@link #markdown()} into a line of the file. */
    public int fileLine(int bodyLine) {
        return bodyLine <= 0 ? 0 : bodyStartLine + bodyLine - 1;
    }
}
