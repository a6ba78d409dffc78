package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import java.util.List;

/**
 * A run of body lines under one recognised heading or label.
 *
 * @param kind    what the heading names
 * @param heading the heading as plain text ("Root Cause and Resolution"), empty for the preamble
 * @param line    body line of the heading, 0 for a preamble
 * @param parent  the enclosing top-level section when this one was a label inside a list item
 *                ({@code - **Duration:**} inside the Issue Summary), else null
 * @param lines   the content, starting with whatever followed the label on its own line
 */
record Section(SectionKind kind, String heading, int line, SectionKind parent, List<SourceLine> lines) {
    Section {
        lines = List.copyOf(lines);
    }

    private static final int MAX_TEXT = Limits.MAX_SECTION_TEXT;

    /** Plain text of the content, one source line per line, blank lines kept as paragraph breaks. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (SourceLine l : lines) {
            String raw = l.text();
            String plain = PlainText.line(raw.length() > MAX_TEXT ? raw.substring(0, MAX_TEXT) : raw);
            if (b.length() > 0) b.append('\n');
            b.append(plain);
            if (b.length() >= MAX_TEXT) break;
        }
        return b.toString().strip();
    }

    boolean isEmpty() {
        // a loop, not a stream: asked of every section by several extractors
        for (SourceLine l : lines) {
            if (!l.isBlank()) return false;
        }
        return true;
    }

    /** The first content line, or the heading line when the section is empty. */
    int firstLine() {
        return lines.stream().filter(l -> !l.isBlank()).mapToInt(SourceLine::number).findFirst().orElse(line);
    }
}
