package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.Taxonomy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The related incidents of the last bake, kept in the build cache and reused while nothing they depend on changed:
 * every published postmortem's fields that relating reads (id, source, titles, date, facts, organisation, text and
 * Markdown), in the order given, the taxonomy, the limit and pmkb's code. One entry for the whole library, not one
 * per postmortem: relating weighs words by how many write-ups use them (idf, the average length, which words are
 * meaningful), so an edit to one postmortem can change any list, and then all are computed again. A damaged entry
 * counts as missing and is noted.
 */
final class RelatedCache {

    /** The cache's own layout; bump it when entries change meaning in a way no fingerprint sees. */
    private static final String FORMAT = "related-1";

    private final EntryStore store;
    private final List<String> problems = new java.util.ArrayList<>();
    private String kept;

    RelatedCache(Path cacheFolder) {
        this.store = new EntryStore(cacheFolder.resolve(FORMAT));
    }

    /** The lists {@code compute} gives for these inputs: from the cache when it has them, else computed and kept. */
    Map<String, List<Related>> related(List<Postmortem> published, int limit, Taxonomy taxonomy,
                                       Supplier<Map<String, List<Related>>> compute) {
        String key = key(published, limit, taxonomy);
        kept = key;
        Optional<Map<String, List<Related>>> known = read(key);
        if (known.isPresent()) return known.get();
        Map<String, List<Related>> fresh = compute.get();
        store.write(key, RecordCodec.encode(fresh));
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, List<Related>>> read(String key) {
        Optional<byte[]> entry = store.read(key);
        if (entry.isEmpty()) return Optional.empty();
        try {
            if (RecordCodec.decode(entry.get()) instanceof Map<?, ?> map) {
                // the lists' order is the site's: kept as decoded, in a map of the compute's kind
                return Optional.of(new LinkedHashMap<>((Map<String, List<Related>>) map));
            }
            problems.add(store.file(key) + ": holds something else than related incidents; ignored");
        } catch (RecordCodec.CorruptEntryException | ClassCastException e) {
            problems.add(store.file(key) + ": damaged, ignored (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    static String key(List<Postmortem> published, int limit, Taxonomy taxonomy) {
        FastHash digest = new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current())
                .add("limit " + limit).add(taxonomy == null ? new byte[0] : RecordCodec.hash(taxonomy));
        // one digest per postmortem (a digest holds what it is given until it is done), on every core
        for (byte[] each : published.parallelStream().map(RelatedCache::digest).toList()) digest.add(each);
        return digest.hex();
    }

    private static byte[] digest(Postmortem p) {
        return new FastHash().add(String.valueOf(p.id())).add(String.valueOf(p.source()))
                .add(String.valueOf(p.title())).add(String.valueOf(p.authorTitle()))
                .add(String.valueOf(p.titleComposed())).add(String.valueOf(p.date())).add(String.valueOf(p.draft()))
                .add(p.facts() == null ? new byte[0] : RecordCodec.hash(p.facts()))
                .add(String.valueOf(p.credits() == null ? null : p.credits().organisation()))
                .add(String.valueOf(p.body() == null ? null : p.body().text()))
                .add(String.valueOf(p.markdown())).bytes();
    }

    /** Removes the lists of earlier inputs. */
    void prune() {
        if (kept != null) store.prune(java.util.Set.of(kept));
    }

    List<String> problems() {
        return java.util.stream.Stream.concat(store.problems().stream(), problems.stream()).distinct().toList();
    }
}
