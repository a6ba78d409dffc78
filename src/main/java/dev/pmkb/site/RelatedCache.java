package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.index.IncidentTerms;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.Taxonomy;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Related incidents in the build cache, in two parts. What relating reads of each incident alone
 * ({@link IncidentTerms}: its words, tokens, links and cues) is kept per incident, keyed by the fields relating reads
 * of it and pmkb's code: a rebake reads again only the incidents that changed. The lists themselves depend on the whole
 * library (idf, the average length, which words are meaningful), so after any change they are computed again from
 * every incident's terms; they are kept too, in one entry for the whole library, and taken as they are while no
 * incident, the taxonomy and the limit changed. A damaged entry counts as missing and is noted.
 */
final class RelatedCache implements IncidentTerms.Store {

    /** The cache's own layouts; bump one when its entries change meaning in a way no fingerprint sees. */
    private static final String LISTS_FORMAT = "related-1";
    private static final String TERMS_FORMAT = "related-terms-1";

    private final EntryStore lists;
    private final EntryStore terms;
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    /** The key of each incident of this bake, by identity: the library's list of them is the one relating reads. */
    private final Map<Postmortem, String> keys = new IdentityHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger termsKept = new AtomicInteger();
    private final AtomicInteger termsRead = new AtomicInteger();
    private String listsKey;

    RelatedCache(Path cacheFolder) {
        this.lists = new EntryStore(cacheFolder.resolve(LISTS_FORMAT));
        this.terms = new EntryStore(cacheFolder.resolve(TERMS_FORMAT));
    }

    /**
     * The lists {@code compute} gives for these inputs: the last bake's when nothing they depend on changed, else
     * computed with this cache as the store of each incident's terms, and kept.
     */
    Map<String, List<Related>> related(List<Postmortem> published, int limit, Taxonomy taxonomy,
                                       Function<IncidentTerms.Store, Map<String, List<Related>>> compute) {
        // one digest per postmortem (a digest holds what it is given until it is done), on every core
        List<String> each = published.parallelStream().map(RelatedCache::key).toList();
        for (int i = 0; i < published.size(); i++) keys.put(published.get(i), each.get(i));
        used.addAll(each);
        FastHash digest = new FastHash().add(LISTS_FORMAT).add(Version.current()).add(CodeFingerprint.current())
                .add("limit " + limit).add(taxonomy == null ? new byte[0] : RecordCodec.hash(taxonomy));
        for (String key : each) digest.add(key);
        listsKey = digest.hex();
        Optional<Map<String, List<Related>>> known = readLists(listsKey);
        if (known.isPresent()) return known.get();
        Map<String, List<Related>> fresh = compute.apply(this);
        lists.write(listsKey, RecordCodec.encode(fresh));
        return fresh;
    }

    @Override
    public IncidentTerms terms(Postmortem incident, Function<Postmortem, IncidentTerms> read) {
        String key = keys.get(incident);
        if (key == null) return read.apply(incident); // not one of this bake's: nothing to key it by
        Optional<byte[]> entry = terms.read(key);
        if (entry.isPresent()) {
            try {
                IncidentTerms known = IncidentTerms.decode(entry.get());
                if (known.id().equals(incident.id())) {
                    termsKept.incrementAndGet();
                    return known;
                }
                problems.add(terms.file(key) + ": holds the terms of another incident; ignored");
            } catch (IncidentTerms.DamagedException e) {
                problems.add(terms.file(key) + ": damaged, ignored (" + e.getMessage() + ")");
            }
        }
        IncidentTerms fresh = read.apply(incident);
        termsRead.incrementAndGet();
        terms.write(key, fresh.encode());
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, List<Related>>> readLists(String key) {
        Optional<byte[]> entry = lists.read(key);
        if (entry.isEmpty()) return Optional.empty();
        try {
            if (RecordCodec.decode(entry.get()) instanceof Map<?, ?> map) {
                // the lists' order is the site's: kept as decoded, in a map of the compute's kind
                return Optional.of(new LinkedHashMap<>((Map<String, List<Related>>) map));
            }
            problems.add(lists.file(key) + ": holds something else than related incidents; ignored");
        } catch (RecordCodec.CorruptEntryException | ClassCastException e) {
            problems.add(lists.file(key) + ": damaged, ignored (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /**
     * What relating reads of one postmortem, with pmkb's code: the key of its terms. Not its title (relating reads the
     * author's), nor what it says besides its failure text, causes, components, organisation and date. The text of
     * its body is pmkb's parse of its Markdown (a function of the Markdown and the code): the Markdown says it, at
     * half the bytes to hash.
     */
    static String key(Postmortem p) {
        FastHash digest = new FastHash().add(TERMS_FORMAT).add(Version.current()).add(CodeFingerprint.current())
                .add(p.id()).add(p.source()).add(String.valueOf(p.titleComposed())).add(p.authorTitle())
                .add(String.valueOf(p.date()))
                .add(p.credits() == null ? null : p.credits().organisation())
                .add(p.body() == null ? "no body" : p.body().verbatim() ? "verbatim" : "parsed").add(p.markdown());
        Facts facts = p.facts();
        if (facts == null) return digest.add("no facts").hex();
        digest.add(facts.rootCause()).add(facts.resolution()).add(facts.summary());
        for (List<String> list : java.util.Arrays.asList(facts.causes() == null ? null : facts.causes().slugs(),
                facts.components())) {
            digest.add(list == null ? "none" : String.valueOf(list.size()));
            if (list != null) for (String item : list) digest.add(item);
        }
        return digest.hex();
    }

    /** Terms taken from the cache in this bake, and read again. */
    int termsKept() {
        return termsKept.get();
    }

    int termsRead() {
        return termsRead.get();
    }

    /** Removes the lists of earlier inputs and the terms of incidents as they no longer are. */
    void prune() {
        if (listsKey != null) lists.prune(Set.of(listsKey));
        terms.prune(used);
    }

    List<String> problems() {
        return java.util.stream.Stream.of(lists.problems().stream(), terms.problems().stream(), problems.stream())
                .flatMap(s -> s).distinct().toList();
    }
}
