package dev.pmkb.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pmkb.model.Causes;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Impact;
import dev.pmkb.model.Detection;
import dev.pmkb.model.Postmortem;
import dev.pmkb.read.MarkdownParser;
import dev.pmkb.model.TimelineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Builds {@link Postmortem} records for tests, and crude ones from the shared corpus. */
final class TestIncidents {

    private TestIncidents() {
    }

    /** The project's {@code ../shared} folder (looked for in the ancestors of the base dir), or null. */
    static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) return candidate;
        }
        return null;
    }

    static List<Path> corpusFiles() throws IOException {
        Path shared = shared();
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("corpus/alx")), "../shared/corpus absent");
        try (Stream<Path> files = Files.list(shared.resolve("corpus/alx"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    static List<Path> seedFiles() throws IOException {
        Path shared = shared();
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("seeds")), "../shared/seeds absent");
        try (Stream<Path> files = Files.list(shared.resolve("seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static Incident incident(String id) {
        return new Incident(id);
    }

    /** A fluent builder: {@code incident("a").title(..).rootCause(..).causes("x").build()}. */
    static final class Incident {
        private final String id;
        private String title;
        private String summary;
        private String rootCause;
        private String resolution;
        private String markdown = "";
        private LocalDate date;
        private List<String> causes = List.of();
        private boolean noCauses;
        private List<String> components = List.of();
        private List<String> impactCategories = List.of();
        private List<String> timeline = List.of();

        Incident(String id) {
            this.id = id;
            this.title = id;
        }

        Incident title(String s) { title = s; return this; }
        Incident summary(String s) { summary = s; return this; }
        Incident rootCause(String s) { rootCause = s; return this; }
        Incident resolution(String s) { resolution = s; return this; }
        Incident markdown(String s) { markdown = s; return this; }
        Incident date(String iso) { date = LocalDate.parse(iso); return this; }
        Incident causes(String... s) { causes = List.of(s); return this; }
        /** No root cause at all, not even {@code unknown}: the incident has no primary cause. */
        Incident noCauses() { noCauses = true; return this; }
        Incident components(String... s) { components = List.of(s); return this; }
        Incident impactCategories(String... s) { impactCategories = List.of(s); return this; }
        Incident timeline(String... s) { timeline = List.of(s); return this; }

        Postmortem build() {
            String body = markdown.isEmpty()
                    ? "# " + title + "\n\n" + nz(summary) + "\n\n## Root cause\n\n" + nz(rootCause)
                            + "\n\n## Resolution\n\n" + nz(resolution) + "\n"
                    : markdown;
            Facts facts = new Facts(summary, null, null, null, null, Impact.NONE, impactCategories, components,
                    Detection.NONE, timeline.stream().map(t -> new TimelineEntry(null, t, TimelineEntry.Kind.ACTION, 0))
                    .toList(), rootCause, resolution, List.of(), List.of(),
                    new Causes(noCauses ? List.of() : causes.isEmpty() ? List.of("unknown") : causes, false));
            return new Postmortem(id, id + ".md", title, date,
                    date == null ? Postmortem.DateOrigin.NONE : Postmortem.DateOrigin.HEADER, false, facts, body,
                    MarkdownParser.parse(body), List.of());
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /**
     * A crude postmortem from a raw file: title = first non-empty line, summary = first paragraph after it,
     * rootCause = the paragraphs after a line mentioning "root cause", resolution likewise for "resolution"
     * or "fix", causes = [].
     */
    static Postmortem crude(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n");
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        String title = null;
        int i = 0;
        for (; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                title = lines[i].replaceAll("^[#\\s]+", "").strip();
                i++;
                break;
            }
        }
        String summary = paragraph(lines, i);
        String rootCause = after(lines, "root cause");
        String resolution = after(lines, "resolution");
        if (resolution == null) resolution = after(lines, "fix");
        Facts facts = new Facts(summary, null, null, null, null, Impact.NONE, List.of(), List.of(), Detection.NONE,
                List.of(), rootCause, resolution, List.of(), List.of(), new Causes(List.of(), true));
        return new Postmortem(id, name, title == null || title.isEmpty() ? id : title, null,
                Postmortem.DateOrigin.NONE, false, facts, text, MarkdownParser.parse(text), List.of());
    }

    static List<Postmortem> corpus() throws IOException {
        List<Postmortem> out = new ArrayList<>();
        for (Path file : corpusFiles()) out.add(crude(file));
        return out;
    }

    private static String after(String[] lines, String marker) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).contains(marker)) {
                String rest = lines[i].replaceFirst("(?i).*" + marker + "[^:]*:?", "").strip();
                String next = paragraph(lines, i + 1);
                String joined = (rest.isEmpty() ? "" : rest + " ") + (next == null ? "" : next);
                return joined.isBlank() ? null : joined.strip();
            }
        }
        return null;
    }

    private static String paragraph(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) i++;
        StringBuilder out = new StringBuilder();
        for (; i < lines.length && !lines[i].isBlank(); i++) out.append(lines[i].strip()).append(' ');
        return out.isEmpty() ? null : out.toString().strip();
    }
}
