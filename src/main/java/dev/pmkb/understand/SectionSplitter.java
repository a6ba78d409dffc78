package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Markdown body into {@link Section}s. Authors mark sections with {@code #} headings, bold or italic
 * pseudo-headings, or {@code Label:} lines, and often nest labels in list items ({@code - **Duration:**}); a
 * document with none of these is one preamble section. Fenced code is never read as structure.
 */
final class SectionSplitter {

    /**
     * {@code lines} without fenced code: a log excerpt or command output quoted in a summary or timeline has
     * timestamps of its own, which are not when the incident started or ended.
     */
    static List<SourceLine> outsideCode(List<SourceLine> lines) {
        List<SourceLine> out = null;
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            String stripped = l.text().strip();
            boolean fence = stripped.startsWith("```") || stripped.startsWith("~~~");
            if (fence || fenced) {
                if (out == null) out = new ArrayList<>(lines.subList(0, i));
                if (fence) fenced = !fenced;
                continue;
            }
            if (out != null) out.add(l);
        }
        return out == null ? lines : out;
    }


    private static final int NOT_ATX = 7;

    private SectionSplitter() {
    }

    static List<Section> split(String markdown) {
        return split(lines(markdown));
    }

    /** Sections of a body already cut into {@link #lines(String)}. */
    static List<Section> split(String[] lines) {
        return new Run().split(lines);
    }

    /**
     * The lines of {@code markdown} as {@code markdown.split("\r?\n|\r", -1)} gives them (trailing empty lines
     * kept), without the regex: this runs on every file, and splitting by hand costs a fraction of it.
     */
    static String[] lines(String markdown) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = markdown.length();
        for (int i = 0; i < n; i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                lines.add(markdown.substring(start, i));
                start = i + 1;
            } else if (c == '\r') {
                lines.add(markdown.substring(start, i));
                if (i + 1 < n && markdown.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        lines.add(markdown.substring(start));
        return lines.toArray(String[]::new);
    }

    /** Walks the lines once, remembering the enclosing top-level section. */
    private static final class Run {
        private final List<Section> sections = new ArrayList<>();
        private SectionKind top = SectionKind.PREAMBLE;
        private int topLevel = NOT_ATX;
        private SectionKind kind = SectionKind.PREAMBLE;
        private String heading = "";
        private int headingLine = 0;
        private SectionKind parent = null;
        private List<SourceLine> lines = new ArrayList<>();

        List<Section> split(String[] raw) {
            boolean fenced = false;
            for (int i = 0; i < raw.length; i++) {
                String text = raw[i];
                SourceLine line = new SourceLine(i + 1, text);
                String stripped = text.strip();
                if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                    fenced = !fenced;
                    lines.add(line);
                    continue;
                }
                if (fenced || stripped.isEmpty()) {
                    lines.add(line);
                    continue;
                }
                accept(line, LineShape.of(text));
            }
            close();
            return sections;
        }

        private void accept(SourceLine line, LineShape shape) {
            if (shape.isHeading()) {
                SectionKind named = SectionNames.kindOf(shape.label());
                if (named != null) {
                    startTop(named, shape.label(), line, shape.atxLevel(), "");
                } else if (top == SectionKind.PREAMBLE) {
                    // The title and any unknown heading before the first known section stay in the preamble.
                    lines.add(line);
                } else if (shape.atxLevel() <= topLevel && !startsWithDigit(shape.label())) {
                    startTop(SectionKind.OTHER, shape.label(), line, shape.atxLevel(), "");
                } else {
                    lines.add(line);
                }
                return;
            }
            if (shape.label() == null) {
                lines.add(line);
                return;
            }
            SectionKind named = SectionNames.kindOf(shape.label());
            if (named == null) {
                lines.add(line);
                return;
            }
            if (shape.nested()) {
                if (nestedLabelSplits(named)) startNested(named, shape.label(), line, shape.rest());
                else lines.add(line);
            } else if (topLabelSplits(named, shape)) {
                startTop(named, shape.label(), line, NOT_ATX, shape.rest());
            } else {
                lines.add(line);
            }
        }

        /** Inside a timeline, "Detection:" and "Resolution:" are entries; in a task list, sub-headings. */
        private boolean nestedLabelSplits(SectionKind named) {
            return switch (top) {
                case TIMELINE, LESSONS -> false;
                case CORRECTIVE, TASKS -> named.isActionList();
                default -> named != SectionKind.OTHER;
            };
        }

        private boolean topLabelSplits(SectionKind named, LineShape shape) {
            if (top != SectionKind.TIMELINE) return true;
            return switch (named) {
                case DETECTION -> false;
                case RESOLUTION, DURATION -> shape.rest().isEmpty();
                default -> true;
            };
        }

        private void startTop(SectionKind named, String label, SourceLine line, int level, String rest) {
            close();
            top = named;
            topLevel = level;
            begin(named, label, line, null, rest);
        }

        private void startNested(SectionKind named, String label, SourceLine line, String rest) {
            close();
            begin(named, label, line, top, rest);
        }

        private void begin(SectionKind named, String label, SourceLine line, SectionKind parentKind, String rest) {
            kind = named;
            heading = label;
            headingLine = line.number();
            parent = parentKind;
            lines = new ArrayList<>();
            if (!rest.isBlank()) lines.add(new SourceLine(line.number(), rest));
        }

        private void close() {
            if (kind != SectionKind.PREAMBLE || lines.stream().anyMatch(l -> !l.isBlank())) {
                sections.add(new Section(kind, heading, headingLine, parent, lines));
            }
            // After a nested label's run ends, following lines belong to the enclosing section again only
            // when a new label says so; until then they stay with the nested one (authors rarely dedent back).
            lines = new ArrayList<>();
        }

        private static boolean startsWithDigit(String s) {
            return !s.isEmpty() && Character.isDigit(s.charAt(0));
        }
    }
}
