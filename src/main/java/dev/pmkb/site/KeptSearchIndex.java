package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Lucene index of the previous bake, taken again by a rebake whose index would be written from the same inputs
 * (a template, asset or draft edit, a touched file): writing it is a few seconds of a core per thousand postmortems.
 * <p>
 * A cached bake leaves in the index folder a note ({@link #NOTE}) of the hash of everything the index is written
 * from: each published incident as a whole but its Markdown and HTML (not only the fields indexed today, so that
 * indexing one more field can never keep a stale index), the taxonomy, pmkb's version and code; and of the
 * index's files with their sizes. A rebake with the same hash links those files into its own index staging folder (Lucene never changes a file it
 * wrote), so the search export and {@code pmkb search} read the very index a fresh write would have made from the
 * same inputs. Any difference, a missing or resized file, or no note at all, and the index is written afresh.
 * <p>
 * A changed incident rewrites the whole index, rather than deleting and adding its document: documents are numbered
 * in {@link dev.pmkb.index.SearchIndex#DOCUMENT_ORDER}, which breaks score ties, and an added document would be
 * numbered last.
 */
final class KeptSearchIndex {

    /** The note's name: no Lucene file has it, so Lucene leaves it alone. */
    static final String NOTE = "pmkb-index-inputs";
    private static final String FORMAT = "search-index-1";

    private KeptSearchIndex() {
    }

    /** The hash of what the index of {@code published} is written from. */
    static String inputs(List<Postmortem> published, Taxonomy taxonomy) {
        FastHash digest = new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current());
        digest.add(taxonomy == null ? new byte[0] : RecordCodec.hash(taxonomy));
        // one incident at a time: encoding the whole list at once would hold every body's bytes in one buffer
        for (Postmortem incident : published) digest.add(RecordCodec.hash(withoutSource(incident)));
        return digest.hex();
    }

    /**
     * The incident without its Markdown and the HTML made of it, two thirds of its bytes: the index reads the body's
     * plain text, made of the same Markdown, and never the Markdown or the HTML.
     */
    private static Postmortem withoutSource(Postmortem p) {
        dev.pmkb.model.ParsedBody body = p.body() == null ? null
                : new dev.pmkb.model.ParsedBody(null, p.body().text(), p.body().verbatim());
        return new Postmortem(p.id(), p.source(), p.title(), p.date(), p.dateOrigin(), p.draft(), p.facts(), null, body,
                p.diagnostics(), p.keywords(), p.titleComposed(), p.authorTitle(), p.credits());
    }

    /**
     * Links the files of the index in {@code previous} into {@code staging} when they were written from
     * {@code inputs} and are all there; false (and {@code staging} emptied) when the index must be written.
     */
    static boolean reuse(Path previous, Path staging, String inputs) {
        Path note = previous.resolve(NOTE);
        if (!Files.isRegularFile(note, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            List<String> noted = Files.readAllLines(note, StandardCharsets.UTF_8);
            if (noted.isEmpty() || !noted.get(0).equals(inputs) || !noted.subList(1, noted.size()).equals(files(previous))) {
                return false;
            }
            Files.createDirectories(staging);
            for (String line : noted.subList(1, noted.size())) {
                String name = line.substring(0, line.lastIndexOf(' '));
                PageCache.linkOrCopy(previous.resolve(name), staging.resolve(name));
            }
            PageCache.linkOrCopy(note, staging.resolve(NOTE));
            return true;
        } catch (IOException | RuntimeException e) {
            Bake.deleteQuietly(staging);
            return false;
        }
    }

    /** Notes that the index just written into {@code staging} was written from {@code inputs}. */
    static void note(Path staging, String inputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(inputs);
        lines.addAll(files(staging));
        Files.write(staging.resolve(NOTE), lines, StandardCharsets.UTF_8);
    }

    /** Every file of the index but the note, as "name size", in name order. */
    private static List<String> files(Path index) throws IOException {
        try (Stream<Path> entries = Files.list(index)) {
            List<String> lines = new ArrayList<>();
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(NOTE)) continue;
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new IOException(file + ": not a file");
                lines.add(name + " " + Files.size(file));
            }
            return lines;
        }
    }
}
