package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import dev.pmkb.render.MarkdownRenderer;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code pmkb check} reports: the diagnostics a bake of the same folder gives, found by the same steps
 * (listing, reading and understanding with the lint rules, one page per file, links between postmortems), without
 * writing a site. So {@code bake} and {@code check} never tell an author two stories.
 *
 * @param files       postmortem files read
 * @param postmortems every postmortem understood, for coverage reports
 * @param diagnostics sorted by file and line
 */
public record LibraryCheck(int files, List<Postmortem> postmortems, List<Diagnostic> diagnostics) {

    public static LibraryCheck of(SiteConfig config) throws IOException {
        Path content = config.content();
        if (!Files.isDirectory(content)) throw new java.nio.file.NoSuchFileException(content.toString());
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        ContentFolder.Listing listing = ContentFolder.scan(content);
        diagnostics.addAll(listing.problems());
        List<Path> listed = listing.postmortems();
        Understander understander = Bake.NOTHING.understander(config);
        Bake.Understanding understood;
        try {
            understood = Bake.understandAll(Bake.NOTHING, content, listed, understander, diagnostics::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<Path, Postmortem> prepared = understood.onePerPage();
        List<Postmortem> published = Bake.published(prepared.values(), config.drafts());
        // Broken links are found where a bake finds them: while each page's HTML is made.
        java.util.Set<String> linked = ConcurrentHashMap.newKeySet();
        MarkdownRenderer markdown = new MarkdownRenderer(Bake.contentLinks(published, listing.attachments(), linked,
                diagnostics::add), config.info().remoteImages());
        published.parallelStream().forEach(p -> markdown.toHtml(p.body(), p.source(), p.url(), p.title()));
        Bake.unlinkedAttachments(listing.attachments().keySet(), linked).forEach(diagnostics::add);
        List<Diagnostic> sorted = withLinkLines(content, diagnostics);
        sorted.sort(Comparator.comparing(Diagnostic::source).thenComparingInt(Diagnostic::line));
        List<Postmortem> all = understood.all().stream().sorted(Comparator.comparing(Postmortem::source)).toList();
        return new LibraryCheck(listed.size(), all, List.copyOf(sorted));
    }

    private static final java.util.regex.Pattern BROKEN_LINK = java.util.regex.Pattern.compile("^link to '(.+?)' points at ");

    /**
     * Links are found broken in the page's HTML, which knows no lines: each is put at the first line of its file
     * that holds the target (the file is read once, however many of its links are broken).
     */
    private static List<Diagnostic> withLinkLines(Path content, List<Diagnostic> diagnostics) {
        Map<String, List<String>> linesOf = new java.util.HashMap<>();
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            java.util.regex.Matcher m = BROKEN_LINK.matcher(d.message());
            if (d.line() > 0 || !m.find()) {
                out.add(d);
                continue;
            }
            List<String> lines = linesOf.computeIfAbsent(d.source(), source -> {
                try {
                    return Files.readAllLines(content.resolve(source), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException | UncheckedIOException e) {
                    return List.of();
                }
            });
            int line = 0;
            for (int i = 0; i < lines.size() && line == 0; i++) {
                if (lines.get(i).contains(m.group(1))) line = i + 1;
            }
            out.add(new Diagnostic(d.source(), line, d.severity(), d.message()));
        }
        return out;
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }
}
