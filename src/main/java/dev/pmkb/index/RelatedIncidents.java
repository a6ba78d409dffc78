package dev.pmkb.index;

import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.SmallFloat;

/**
 * "Related incidents": for every incident, the few others that failed in a similar way, each with reasons a reader
 * understands (docs/search.md, "Related incidents").
 *
 * <p>Text similarity is measured on what describes the failure (root cause, resolution, summary). Every incident
 * takes its most distinctive terms (tf × idf, MoreLikeThis style); Lucene finds the candidates that score best for
 * them and for the incident's cause tags and components. {@code t(a→b)} is b's BM25 score for a's terms divided by
 * a's own, and {@code text = sqrt(t(a→b) × t(b→a))} in [0, 1], so that a few words of a short text found in a long
 * one do not make two incidents alike. Then {@code score = 0.55 text + 0.35 cause + 0.10 component}, where
 * {@code cause} is 1 when the primary cause tags are the same, 0.7 when another tag is shared ({@code unknown} never
 * counts), and {@code component} is 1 when a component is shared. A link needs {@code score ≥ 0.2} and either a
 * shared cause or {@code text ≥ 0.3} with two shared distinctive terms: a shared component alone links nothing.
 * Ties break by id; every run gives the same lists. Each incident costs one Lucene query over the postings of a few
 * rare terms and a few dozen pair scores, so the whole is close to linear in the number of incidents.
 */
public final class RelatedIncidents {

    public static final int DEFAULT_LIMIT = 5;

    static final double TEXT_WEIGHT = 0.55;
    static final double CAUSE_WEIGHT = 0.35;
    static final double COMPONENT_WEIGHT = 0.10;
    static final double SECONDARY_CAUSE = 0.7;
    static final double MIN_SCORE = 0.2;
    static final double MIN_TEXT_ALONE = 0.3;
    /** Distinctive terms two incidents must share to be linked on text alone. */
    static final int MIN_SHARED_TERMS = 2;
    /** Distinctive terms per incident used as its query. */
    static final int QUERY_TERMS = 15;
    /** Shared words or phrases named in the "also mentions" reason. */
    static final int MENTIONS = 3;

    private static final String ID = "id";
    private static final String TEXT = "failure";
    private static final String CAUSE = "cause";
    private static final String COMPONENT = "component";
    private static final String UNKNOWN = "unknown";

    /**
     * Words of the postmortem genre itself, not of any failure: sharing them says nothing about two incidents
     * (stemmed at start-up with {@link PmkbAnalyzer}).
     */
    static final Set<String> GENERIC = Set.copyOf(Analysis.terms(new PmkbAnalyzer(), String.join(" ",
            "incident outage issue issues problem problems error errors failure failed fail cause caused causing",
            "root resolution resolved resolve fix fixed fixing fixes found find identified identify investigation",
            "investigated team teams engineer engineers user users customer customers service services system",
            "systems time times minute minutes hour hours day days week weeks also could would should may might",
            "new set added add adding raised reached returned across verified verify ensure ensured ensuring",
            "implemented implement implementing measures future prevent prevented prevention occurred occur",
            "due led lead leading result resulted resulting affected affect impact impacted approximately",
            "immediately quickly eventually gradually initially subsequently finally successfully properly",
            "after before during while within without because since which what when where who how all any",
            "some more most other others each every one two three first second last our we us was were been",
            "had has have having did does done do made make making took take taking went go going get got",
            "back up down out over again still just only very well able unable")));

    private RelatedIncidents() {
    }

    public static Map<String, List<Related>> compute(List<Postmortem> incidents) {
        return compute(incidents, DEFAULT_LIMIT);
    }

    /** Incident id → up to {@code limit} related incidents, best first; every id of the input is a key. */
    public static Map<String, List<Related>> compute(List<Postmortem> incidents, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        List<Postmortem> sorted = SearchIndex.sortedById(incidents);
        PmkbAnalyzer analyzer = new PmkbAnalyzer();
        Terms terms = new Terms();
        // Every incident's profile, query and links are independent of the others' once the index exists: they run
        // on the cores the rest of the bake leaves idle (the common pool), and land in id order whatever ran where.
        List<Profile> profiles = IntStream.range(0, sorted.size()).parallel()
                .mapToObj(i -> Profile.of(sorted.get(i), analyzer, terms)).toList();
        terms.freeze();
        // Each file as one buffer: the 10,000 queries slice the postings constantly, and slicing a file kept as many
        // small buffers was a third of relating's CPU time (25 s of CPU at 10,000 incidents, 18 s like this).
        try (Directory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER)) {
            // In order, with neighbouring merges only: document number i is profiles.get(i) (see SearchIndex).
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setRAMBufferSizeMB(SearchIndex.RAM_BUFFER_MB)
                    .setMergePolicy(new LogByteSizeMergePolicy());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Profile p : profiles) writer.addDocument(p.document());
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                searcher.setQueryCache(null);
                TextStats stats = new TextStats(reader, terms);
                List<Candidates> candidates = IntStream.range(0, profiles.size()).parallel()
                        .mapToObj(doc -> unchecked(() -> candidates(doc, profiles, searcher, stats, limit))).toList();
                List<List<Related>> lists = IntStream.range(0, profiles.size()).parallel()
                        .mapToObj(doc -> related(doc, profiles, candidates, stats, limit)).toList();
                Map<String, List<Related>> out = new LinkedHashMap<>();
                for (int doc = 0; doc < profiles.size(); doc++) out.put(profiles.get(doc).id, lists.get(doc));
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does no I/O
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> work) {
        try {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every term of the library's failure texts, each kept once and numbered. Profiles hold term numbers, not
     * strings: at 10,000 incidents a string and a token object per word were most of the bake's live heap. The
     * numbers follow no order (profiles are made in parallel); only strings order anything.
     */
    private static final class Terms {
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        private String[] words;

        int id(String term) {
            return ids.computeIfAbsent(term, t -> next.getAndIncrement());
        }

        /** Once every profile is made: numbers to words. */
        void freeze() {
            words = new String[next.get()];
            ids.forEach((word, id) -> words[id] = word);
        }

        String word(int id) {
            return words[id];
        }

        int size() {
            return words.length;
        }
    }

    /**
     * BM25 (k1 1.2, b 0.75, Lucene's idf and quantised field length) of a bag of query terms against one
     * incident's failure text, computed from the profile: cheap enough to score any pair in both directions.
     */
    private static final class TextStats {
        private static final double K1 = 1.2;
        private static final double B = 0.75;
        private final Terms terms;
        private final int docCount;
        private final double avgLength;
        private final int[] docFreqs;
        private final double[] idfs;

        TextStats(DirectoryReader reader, Terms terms) throws IOException {
            this.terms = terms;
            this.docCount = Math.max(1, reader.getDocCount(TEXT));
            this.avgLength = Math.max(1, reader.getSumTotalTermFreq(TEXT)) / (double) docCount;
            this.docFreqs = new int[terms.size()];
            this.idfs = new double[terms.size()];
            IntStream.range(0, terms.size()).parallel().forEach(id -> {
                int n = unchecked(() -> reader.docFreq(new Term(TEXT, terms.word(id))));
                docFreqs[id] = n;
                idfs[id] = Math.log(1 + (docCount - n + 0.5) / (n + 0.5));
            });
        }

        double score(int[] query, Profile doc) {
            double norm = K1 * (1 - B + B * doc.quantisedLength / avgLength);
            double sum = 0;
            for (int term : query) {
                int count = doc.count(term);
                if (count == 0) continue;
                sum += idfs[term] * count / (count + norm);
            }
            return sum;
        }
    }

    /** One incident's query terms (numbers and words, best first), its score against itself, Lucene's proposals. */
    private record Candidates(int[] terms, List<String> words, double self, int[] docs) {

        /** t(this → other) in [0, 1]: the other's score for these terms over this incident's own. */
        double textTo(Profile other, TextStats stats) {
            if (self <= 0) return 0;
            double t = Math.clamp(stats.score(terms, other) / self, 0, 1);
            return t < 1e-9 ? 0 : t;
        }
    }

    private static Candidates candidates(int doc, List<Profile> profiles, IndexSearcher searcher, TextStats stats,
                                         int limit) throws IOException {
        Profile a = profiles.get(doc);
        int[] terms = a.distinctiveTerms(stats);
        List<String> words = java.util.Arrays.stream(terms).mapToObj(stats.terms::word).toList();
        double self = stats.score(terms, a);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : words) query.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
        // causes and components as constants on the scale of the text score, so that the candidates are roughly
        // the ones the final score ranks first
        double scale = self > 0 ? self : 1;
        if (!a.causes.isEmpty()) {
            query.add(constant(CAUSE, a.causes, (float) (scale * CAUSE_WEIGHT / TEXT_WEIGHT)), Occur.SHOULD);
        }
        if (!a.components.isEmpty()) {
            query.add(constant(COMPONENT, a.components.keySet(), (float) (scale * COMPONENT_WEIGHT / TEXT_WEIGHT)),
                    Occur.SHOULD);
        }
        BooleanQuery built = query.build();
        IntStream.Builder docs = IntStream.builder();
        if (!built.clauses().isEmpty()) {
            for (ScoreDoc hit : searcher.search(built, 4 * limit + 10).scoreDocs) {
                if (hit.doc != doc) docs.add(hit.doc);
            }
        }
        return new Candidates(terms, words, self, docs.build().toArray());
    }

    private static List<Related> related(int doc, List<Profile> profiles, List<Candidates> candidates,
                                         TextStats stats, int limit) {
        Profile a = profiles.get(doc);
        Candidates mine = candidates.get(doc);
        List<Link> links = new ArrayList<>();
        for (int other : mine.docs()) {
            Profile b = profiles.get(other);
            // symmetric: a few words of a short text found in a long one do not make them alike
            double forward = mine.textTo(b, stats);
            double textScore = forward == 0 ? 0 : Math.sqrt(forward * candidates.get(other).textTo(a, stats));
            List<String> sharedCauses = a.causes.stream().filter(b.causes::contains).toList();
            List<String> sharedComponents = a.components.keySet().stream().filter(b.components::containsKey).toList();
            long sharedTerms = java.util.Arrays.stream(mine.terms()).filter(b::has).count();
            double cause = sharedCauses.isEmpty() ? 0
                    : a.causes.getFirst().equals(b.causes.getFirst()) ? 1 : SECONDARY_CAUSE;
            double component = sharedComponents.isEmpty() ? 0 : 1;
            double score = TEXT_WEIGHT * textScore + CAUSE_WEIGHT * cause + COMPONENT_WEIGHT * component;
            boolean textAlone = textScore >= MIN_TEXT_ALONE && sharedTerms >= MIN_SHARED_TERMS;
            if (score < MIN_SCORE || (sharedCauses.isEmpty() && !textAlone)) continue;
            links.add(new Link(other, Math.round(score * 10_000) / 10_000.0, textScore, sharedCauses, sharedComponents));
        }
        links.sort(Comparator.comparingDouble(Link::score).reversed().thenComparing(l -> profiles.get(l.doc()).id));
        List<Related> out = new ArrayList<>();
        for (Link link : links.subList(0, Math.min(limit, links.size()))) {
            Profile b = profiles.get(link.doc());
            List<String> reasons = new ArrayList<>();
            for (String slug : link.causes()) reasons.add("same root cause: " + slug);
            for (String key : link.components().stream().limit(2).toList()) {
                reasons.add("same component: " + a.components.get(key));
            }
            List<String> mentions = link.text() > 0 ? a.mentions(mine.terms(), b, stats.terms) : List.of();
            if (!mentions.isEmpty()) reasons.add("also mentions: " + String.join(", ", mentions));
            out.add(new Related(b.id, link.score(), reasons));
        }
        return List.copyOf(out);
    }

    private record Link(int doc, double score, double text, List<String> causes, List<String> components) {
    }

    private static Query constant(String field, Iterable<String> values, float boost) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        return new BoostQuery(new ConstantScoreQuery(any.build()), boost);
    }

    /**
     * What one incident contributes: its failure text analysed, its causes and components. Token {@code i} is term
     * {@code tokenTerms[i]} at {@code positions[i]} (stop words leave gaps), found at {@code starts[i]} to
     * {@code ends[i]} in {@code text}; {@code terms} are its distinct terms in ascending number, {@code counts[k]}
     * how often {@code terms[k]} occurs.
     */
    private record Profile(String id, String text, int[] tokenTerms, int[] positions, int[] starts, int[] ends,
                           int[] terms, int[] counts, int quantisedLength, List<String> causes,
                           Map<String, String> components) {

        static Profile of(Postmortem incident, PmkbAnalyzer analyzer, Terms dictionary) {
            Facts facts = incident.facts();
            StringBuilder text = new StringBuilder();
            List<String> causes = new ArrayList<>();
            Map<String, String> components = new TreeMap<>();
            if (facts != null) {
                for (String part : new String[]{facts.rootCause(), facts.resolution(), facts.summary()}) {
                    String plain = part == null ? "" : PlainText.of(part);
                    if (!plain.isBlank()) text.append(plain).append("\n\n");
                }
                if (facts.causes() != null) {
                    for (String slug : facts.causes().slugs()) {
                        if (slug != null && !slug.isBlank() && !slug.equals(UNKNOWN) && !causes.contains(slug)) {
                            causes.add(slug);
                        }
                    }
                }
                for (String component : facts.components()) {
                    if (component != null && !component.isBlank()) {
                        components.putIfAbsent(component.strip().toLowerCase(Locale.ROOT), component.strip());
                    }
                }
            }
            String failure = text.toString();
            List<Analysis.Token> tokens = Analysis.tokens(analyzer, failure);
            int n = tokens.size();
            int[] tokenTerms = new int[n];
            int[] positions = new int[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                Analysis.Token t = tokens.get(i);
                tokenTerms[i] = dictionary.id(t.term());
                positions[i] = t.position();
                starts[i] = t.start();
                ends[i] = t.end();
            }
            int[] sorted = tokenTerms.clone();
            java.util.Arrays.sort(sorted);
            int distinct = 0;
            int[] terms = new int[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                if (distinct > 0 && terms[distinct - 1] == sorted[i]) {
                    counts[distinct - 1]++;
                } else {
                    terms[distinct] = sorted[i];
                    counts[distinct++] = 1;
                }
            }
            int length = SmallFloat.byte4ToInt(SmallFloat.intToByte4(n)); // as Lucene's norms keep it
            return new Profile(incident.id(), failure, tokenTerms, positions, starts, ends,
                    java.util.Arrays.copyOf(terms, distinct), java.util.Arrays.copyOf(counts, distinct), length,
                    List.copyOf(causes), components);
        }

        int count(int term) {
            int at = java.util.Arrays.binarySearch(terms, term);
            return at < 0 ? 0 : counts[at];
        }

        boolean has(int term) {
            return java.util.Arrays.binarySearch(terms, term) >= 0;
        }

        Document document() {
            Document doc = new Document();
            doc.add(new StringField(ID, id, Field.Store.NO));
            if (!text.isBlank()) doc.add(new TextField(TEXT, text, Field.Store.NO));
            for (String slug : causes) doc.add(new StringField(CAUSE, slug, Field.Store.NO));
            for (String key : components.keySet()) doc.add(new StringField(COMPONENT, key, Field.Store.NO));
            return doc;
        }

        /**
         * Terms by tf × idf, best first, then by term: the ones that say what this failure was. Terms no other
         * incident has, digits-only terms and one-letter terms cannot say why two incidents are alike.
         */
        int[] distinctiveTerms(TextStats stats) {
            int docCount = stats.docCount;
            record Weighted(int id, String term, double weight) {
            }
            List<Weighted> weighted = new ArrayList<>();
            for (int k = 0; k < terms.length; k++) {
                String term = stats.terms.word(terms[k]);
                if (term.length() < 2 || term.chars().allMatch(Character::isDigit) || GENERIC.contains(term)) continue;
                int docFreq = stats.docFreqs[terms[k]];
                if (docFreq < 2 || docFreq >= docCount) continue;
                double idf = Math.log((double) docCount / docFreq);
                weighted.add(new Weighted(terms[k], term, Math.sqrt(counts[k]) * idf));
            }
            return weighted.stream()
                    .sorted(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term))
                    .limit(QUERY_TERMS).mapToInt(Weighted::id).toArray();
        }

        /**
         * Up to {@link #MENTIONS} readable words or two-word phrases both texts use, from this incident's text and
         * in order of distinctiveness: "max connections", "pool size".
         */
        List<String> mentions(int[] distinctive, Profile other, Terms dictionary) {
            Set<Integer> shared = new LinkedHashSet<>();
            for (int term : distinctive) if (other.has(term)) shared.add(term);
            List<String> out = new ArrayList<>();
            Set<Integer> used = new java.util.HashSet<>();
            for (int term : shared) {
                if (used.contains(term) || out.size() >= MENTIONS) continue;
                String phrase = null;
                for (int i = 0; i < tokenTerms.length && phrase == null; i++) {
                    if (tokenTerms[i] != term) continue;
                    for (int j : new int[]{i - 1, i + 1}) {
                        if (j < 0 || j >= tokenTerms.length) continue;
                        int first = Math.min(i, j);
                        int second = Math.max(i, j);
                        if (positions[second] != positions[first] + 1 || !shared.contains(tokenTerms[j])
                                || used.contains(tokenTerms[j])) {
                            continue;
                        }
                        String between = text.substring(ends[first], starts[second]);
                        if (between.matches("[\\s-]+") && other.adjacent(tokenTerms[first], tokenTerms[second])) {
                            phrase = readable(text.substring(starts[first], ends[second]));
                            used.add(tokenTerms[j]);
                            break;
                        }
                    }
                }
                used.add(term);
                String mention = phrase != null ? phrase : surface(term, dictionary);
                if (!out.contains(mention)) out.add(mention);
            }
            return out;
        }

        private boolean adjacent(int first, int second) {
            if (!has(first) || !has(second)) return false;
            for (int i = 0; i + 1 < tokenTerms.length; i++) {
                if (tokenTerms[i] == first && positions[i + 1] == positions[i] + 1 && tokenTerms[i + 1] == second) {
                    return true;
                }
            }
            return false;
        }

        /** The most frequent way this text writes a term (alphabetically first on ties). */
        private String surface(int term, Terms dictionary) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < tokenTerms.length; i++) {
                if (tokenTerms[i] == term) counts.merge(readable(text.substring(starts[i], ends[i])), 1, Integer::sum);
            }
            return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                    .orElse(dictionary.word(term));
        }

        /** Sentence-initial capitals are lowered ("Connections" → "connections"); "MySQL", "DNS" stay. */
        private static String readable(String surface) {
            String flat = surface.replaceAll("\\s+", " ");
            if (flat.length() > 1 && Character.isUpperCase(flat.charAt(0))
                    && flat.substring(1).chars().noneMatch(Character::isUpperCase)) {
                return flat.toLowerCase(Locale.ROOT);
            }
            return flat;
        }
    }
}
