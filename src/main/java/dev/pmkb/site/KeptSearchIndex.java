package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Lucene index of the previous bake, taken again by a rebake: as it is when nothing it is written from changed
 * (a template, asset or draft edit, a touched file), else updated with the documents of the incidents that changed.
 * Writing it afresh is a few seconds of a core per thousand postmortems.
 * <p>
 * A cached bake leaves in the index folder a note ({@link #NOTE}) of the hash of what every document is written
 * from, by id: the published incident as a whole but its Markdown and HTML (not only the fields indexed today, so
 * that indexing one more field can never keep a stale document); of what every document depends on: the
 * taxonomy (tags and synonyms), pmkb's version and code (the analyzer, the fields, the settings); and of the index's
 * files with their sizes. A rebake with the same global hash links those files into its own index staging folder
 * (Lucene never changes a file it wrote), deletes the documents of incidents that are gone or changed, adds the
 * changed and new ones, and merges the index into one segment again. Document numbers come from the index sort
 * ({@link SearchIndex#DOCUMENT_ORDER}), not from when a document was added, so the search export and
 * {@code pmkb search} read the very documents, numbers and statistics a fresh write would have made. A different
 * global hash, a missing or resized file, no note at all, most of the library changed, or a field that no document
 * has any more, and the index is written afresh.
 */
final class KeptSearchIndex {

    /** The note's name: no Lucene file has it, so Lucene leaves it alone. */
    static final String NOTE = "pmkb-index-inputs";
    private static final String FORMAT = "search-index-2";
    /** The lock a writer leaves behind: not linked for an update, so no two folders share the file a writer locks. */
    private static final String WRITE_LOCK = "write.lock";
    /**
     * Updating costs a merge of the whole index besides indexing the changed documents; once more than this share
     * of the library changed, writing afresh costs less.
     */
    static final double MOST_CHANGED = 0.5;

    /** How the index in the staging folder came to be. */
    enum Outcome { KEPT, UPDATED, WRITTEN }

    /** What the index is written from: the hash of what all documents depend on, and each document's, by id. */
    record Inputs(String global, Map<String, String> documents) {
    }

    private KeptSearchIndex() {
    }

    /**
     * Writes the index of {@code published} into {@code staging}, taking what it can of the index in
     * {@code previous} (null: none, and no note is left).
     */
    static Outcome write(List<Postmortem> published, Taxonomy taxonomy, Path staging, Path previous) throws IOException {
        if (previous == null) {
            SearchIndex.write(published, taxonomy, staging);
            return Outcome.WRITTEN;
        }
        Inputs inputs = inputs(published, taxonomy);
        Outcome outcome = take(previous, staging, inputs, published, taxonomy);
        if (outcome == Outcome.KEPT) return outcome;
        if (outcome == null) {
            Bake.deleteQuietly(staging);
            SearchIndex.write(published, taxonomy, staging);
            outcome = Outcome.WRITTEN;
        }
        note(staging, inputs);
        return outcome;
    }

    /** The hashes of what the index of {@code published} is written from. */
    static Inputs inputs(List<Postmortem> published, Taxonomy taxonomy) {
        FastHash global = new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current());
        global.add(taxonomy == null ? new byte[0] : RecordCodec.hash(taxonomy));
        Map<String, String> documents = new LinkedHashMap<>();
        // one incident at a time: encoding the whole list at once would hold every body's bytes in one buffer
        for (Postmortem incident : published) {
            documents.put(incident.id(), java.util.HexFormat.of().formatHex(RecordCodec.hash(withoutSource(incident))));
        }
        return new Inputs(global.hex(), documents);
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

    /** What the note of a previous bake says. */
    private record Note(String global, Map<String, String> documents, List<String> files) {
    }

    /**
     * Links the previous index into {@code staging} and brings it up to {@code inputs}: KEPT when nothing changed,
     * UPDATED when some documents did; null (and {@code staging} emptied) when it must be written afresh.
     */
    private static Outcome take(Path previous, Path staging, Inputs inputs, List<Postmortem> published,
                                Taxonomy taxonomy) {
        Path notePath = previous.resolve(NOTE);
        if (!Files.isRegularFile(notePath, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            Note note = read(notePath);
            if (note == null || !note.global().equals(inputs.global()) || !note.files().equals(files(previous))) {
                return null;
            }
            List<String> deleted = new ArrayList<>();
            for (String id : note.documents().keySet()) if (!inputs.documents().containsKey(id)) deleted.add(id);
            List<Postmortem> written = new ArrayList<>();
            for (Postmortem incident : published) {
                if (!inputs.documents().get(incident.id()).equals(note.documents().get(incident.id()))) written.add(incident);
            }
            if (deleted.size() + written.size() > MOST_CHANGED * published.size()) return null;
            boolean same = deleted.isEmpty() && written.isEmpty();
            Files.createDirectories(staging);
            for (String line : note.files()) {
                String name = line.substring(0, line.lastIndexOf(' '));
                if (same || !name.equals(WRITE_LOCK)) PageCache.linkOrCopy(previous.resolve(name), staging.resolve(name));
            }
            if (same) {
                PageCache.linkOrCopy(notePath, staging.resolve(NOTE));
                return Outcome.KEPT;
            }
            if (SearchIndex.update(staging, deleted, written, taxonomy)) return Outcome.UPDATED;
            Bake.deleteQuietly(staging);
            return null;
        } catch (IOException | RuntimeException e) {
            Bake.deleteQuietly(staging);
            return null;
        }
    }

    /** Notes that the index just written into {@code staging} was written from {@code inputs}. */
    static void note(Path staging, Inputs inputs) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append(' ').append(inputs.global()).append('\n');
        inputs.documents().forEach((id, hash) -> text.append("d ").append(hash).append(' ').append(escape(id)).append('\n'));
        for (String file : files(staging)) text.append("f ").append(file).append('\n');
        Files.writeString(staging.resolve(NOTE), text, StandardCharsets.UTF_8);
    }

    /** The note in {@code file}; null when it is not one this pmkb writes. */
    private static Note read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().startsWith(FORMAT + " ")) return null;
        Map<String, String> documents = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("d ")) {
                int space = line.indexOf(' ', 2);
                if (space < 0) return null;
                documents.put(unescape(line.substring(space + 1)), line.substring(2, space));
            } else if (line.startsWith("f ")) {
                files.add(line.substring(2));
            } else {
                return null;
            }
        }
        return new Note(lines.getFirst().substring(FORMAT.length() + 1), documents, files);
    }

    /** An id on one line of the note: ids come from file names, which may hold a line feed. */
    static String escape(String id) {
        return id.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String escaped) {
        StringBuilder id = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 == escaped.length()) {
                id.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            id.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return id.toString();
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
