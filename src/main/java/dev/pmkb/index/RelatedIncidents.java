package dev.pmkb.index;

import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
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
import org.apache.lucene.util.SmallFloat;

/**
 * "Related incidents": for every incident, the few others that failed in a similar way, each with reasons a reader
 * understands (docs/search.md, "Related incidents").
 *
 * <p>Text similarity is measured on what describes the failure (root cause, resolution, summary). Every incident
 * takes its most distinctive terms (tf × idf, MoreLikeThis style); the candidates are the incidents that score best
 * for them (BM25 over in-memory postings) and for the incident's cause tags and components. {@code t(a→b)} is b's BM25 score for a's terms divided by
 * a's own, and {@code text = sqrt(t(a→b) × t(b→a))} in [0, 1], so that a few words of a short text found in a long
 * one do not make two incidents alike. Then {@code score = 0.55 text + 0.35 cause + 0.10 component}, where
 * {@code cause} is 1 when the primary cause tags are the same, 0.7 when another tag is shared ({@code unknown} never
 * counts), and {@code component} is 1 when a component is shared. A link needs {@code score ≥ 0.2} and either a
 * shared cause or {@code text ≥ 0.3} with two shared distinctive terms: a shared component alone links nothing.
 * Ties break by id; every run gives the same lists. Each incident costs one pass over the postings of its
 * distinctive terms and its tags, and a few dozen pair scores, so the whole is close to linear in the number of
 * incidents. The postings are built from the profiles directly: a Lucene index of the failure texts analysed them a
 * second time and answered the same query more slowly (docs/search.md, "Related incidents").
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
    private static final java.util.regex.Pattern SPACES_OR_HYPHENS = java.util.regex.Pattern.compile("[\\s-]+");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    /** Incidents a query reads per term at most (see {@link Postings}). */
    static final int CANDIDATES_PER_TERM = 256;
    /** Shared words or phrases named in the "also mentions" reason. */
    static final int MENTIONS = 3;

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
        TextStats stats = new TextStats(profiles, terms);
        // one more than the candidates wanted: the incident itself may be among the first with its tags
        Postings postings = new Postings(profiles, stats, candidatesWanted(limit) + 1);
        ThreadLocal<Scores> scratch = ThreadLocal.withInitial(() -> new Scores(profiles.size()));
        List<Candidates> candidates = IntStream.range(0, profiles.size()).parallel()
                .mapToObj(doc -> candidates(doc, profiles, postings, stats, scratch.get(), limit)).toList();
        List<List<Related>> lists = IntStream.range(0, profiles.size()).parallel()
                .mapToObj(doc -> related(doc, profiles, candidates, stats, limit)).toList();
        Map<String, List<Related>> out = new LinkedHashMap<>();
        for (int doc = 0; doc < profiles.size(); doc++) out.put(profiles.get(doc).id, lists.get(doc));
        return out;
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
     * incident's failure text, computed from the profiles: cheap enough to score any pair in both directions.
     * Document frequencies and the average length are counted the way Lucene counts them for a field: only texts
     * with at least one term count as documents.
     */
    private static final class TextStats {
        private static final double K1 = 1.2;
        private static final double B = 0.75;
        private final Terms terms;
        private final int docCount;
        private final double avgLength;
        private final int[] docFreqs;
        private final double[] idfs;
        /** {@link #norm(Profile)} of every incident, in incident order: the postings loop needs it per posting. */
        private final double[] norms;

        TextStats(List<Profile> profiles, Terms terms) {
            this.terms = terms;
            this.docFreqs = new int[terms.size()];
            int withText = 0;
            long tokens = 0;
            for (Profile p : profiles) {
                if (p.tokenTerms.length == 0) continue;
                withText++;
                tokens += p.tokenTerms.length;
                for (int term : p.terms) docFreqs[term]++;
            }
            this.docCount = Math.max(1, withText);
            this.avgLength = Math.max(1, tokens) / (double) docCount;
            this.idfs = new double[terms.size()];
            for (int id = 0; id < idfs.length; id++) {
                idfs[id] = Math.log(1 + (docCount - docFreqs[id] + 0.5) / (docFreqs[id] + 0.5));
            }
            this.norms = profiles.stream().mapToDouble(this::norm).toArray();
        }

        /** BM25's length normalisation of one text: the {@code k1 × (1 − b + b × length / average)} term. */
        double norm(Profile doc) {
            return K1 * (1 - B + B * doc.quantisedLength / avgLength);
        }

        double score(int[] query, Profile doc) {
            double norm = norm(doc);
            double sum = 0;
            for (int term : query) {
                int count = doc.count(term);
                if (count == 0) continue;
                sum += idfs[term] * count / (count + norm);
            }
            return sum;
        }
    }

    /**
     * Where a query looks for candidates: for each term, the incidents whose failure texts weigh it most (its BM25
     * weight there: how often, in how short a text), at most {@link #CANDIDATES_PER_TERM} of them; for each cause
     * tag and component, the first incidents that have it. Lists are in incident order, all terms' lists in two flat
     * arrays ({@code docs} and {@code counts} from {@code starts[term]} to {@code starts[term + 1]}).
     *
     * <p>Bounded lists keep a query's cost the same at 1,000 incidents as at 50,000. The whole list of a common term
     * grows with the library, and reading it for every incident made relating quadratic. The terms that say most
     * about a failure are rare, and their lists are whole; a common term weighs little in the score, and the
     * incidents where it weighs most are kept.
     */
    private static final class Postings {
        private final int[] starts;
        private final int[] docs;
        private final int[] counts;
        private final Map<String, int[]> byCause;
        private final Map<String, int[]> byComponent;

        Postings(List<Profile> profiles, TextStats stats, int perTag) {
            int termCount = stats.docFreqs.length;
            int[] allStarts = new int[termCount + 1];
            for (int t = 0; t < termCount; t++) allStarts[t + 1] = allStarts[t] + stats.docFreqs[t];
            int[] allDocs = new int[allStarts[termCount]];
            int[] allCounts = new int[allStarts[termCount]];
            int[] filled = java.util.Arrays.copyOf(allStarts, termCount);
            Map<String, IntStream.Builder> causes = new TreeMap<>();
            Map<String, IntStream.Builder> components = new TreeMap<>();
            for (int doc = 0; doc < profiles.size(); doc++) {
                Profile p = profiles.get(doc);
                if (p.tokenTerms.length > 0) {
                    for (int k = 0; k < p.terms.length; k++) {
                        int at = filled[p.terms[k]]++;
                        allDocs[at] = doc;
                        allCounts[at] = p.counts[k];
                    }
                }
                for (String slug : p.causes) causes.computeIfAbsent(slug, s -> IntStream.builder()).add(doc);
                for (String key : p.components.keySet()) {
                    components.computeIfAbsent(key, s -> IntStream.builder()).add(doc);
                }
            }
            starts = new int[termCount + 1];
            for (int t = 0; t < termCount; t++) starts[t + 1] = starts[t] + Math.min(CANDIDATES_PER_TERM, stats.docFreqs[t]);
            docs = new int[starts[termCount]];
            counts = new int[starts[termCount]];
            IntStream.range(0, termCount).parallel().forEach(t -> keepHeaviest(t, allStarts, allDocs, allCounts, stats));
            byCause = first(causes, perTag);
            byComponent = first(components, perTag);
        }

        private void keepHeaviest(int term, int[] allStarts, int[] allDocs, int[] allCounts, TextStats stats) {
            int from = allStarts[term];
            int size = allStarts[term + 1] - from;
            if (size <= CANDIDATES_PER_TERM) {
                System.arraycopy(allDocs, from, docs, starts[term], size);
                System.arraycopy(allCounts, from, counts, starts[term], size);
                return;
            }
            // idf is the term's own, so a posting's weight in its text is count / (count + norm)
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = from + i;
            java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(at -> {
                int count = allCounts[at];
                return -count / (count + stats.norms[allDocs[at]]);
            }).thenComparingInt(at -> at));
            int[] kept = new int[CANDIDATES_PER_TERM];
            for (int i = 0; i < kept.length; i++) kept[i] = order[i];
            java.util.Arrays.sort(kept); // back in incident order
            for (int i = 0; i < kept.length; i++) {
                docs[starts[term] + i] = allDocs[kept[i]];
                counts[starts[term] + i] = allCounts[kept[i]];
            }
        }

        private static Map<String, int[]> first(Map<String, IntStream.Builder> lists, int size) {
            Map<String, int[]> out = new java.util.HashMap<>();
            lists.forEach((key, docs) -> out.put(key, docs.build().limit(size).toArray()));
            return out;
        }
    }

    /**
     * One thread's scores of every incident for the query at hand. Only the incidents a query touched are reset
     * after it, so a query costs the length of its postings, not the size of the library.
     */
    private static final class Scores {
        private final double[] score;
        private final boolean[] touched;
        private final boolean[] constantAdded;
        private final int[] hits;
        private int hitCount;

        Scores(int size) {
            score = new double[size];
            touched = new boolean[size];
            constantAdded = new boolean[size];
            hits = new int[size];
        }

        void add(int doc, double value) {
            if (!touched[doc]) {
                touched[doc] = true;
                hits[hitCount++] = doc;
            }
            score[doc] += value;
        }

        /** A constant-score clause: {@code value} once per incident, however many of the clause's lists hold it. */
        void addOnce(int[][] lists, double value) {
            for (int[] docs : lists) {
                for (int doc : docs) {
                    if (constantAdded[doc]) continue;
                    constantAdded[doc] = true;
                    add(doc, value);
                }
            }
            for (int[] docs : lists) for (int doc : docs) constantAdded[doc] = false;
        }

        /** The {@code k} best-scoring incidents other than {@code self}, best first, ties by incident order; resets. */
        int[] top(int k, int self) {
            int[] best = new int[k];
            int kept = 0;
            for (int h = 0; h < hitCount; h++) {
                int doc = hits[h];
                // best[] stays sorted; a hit goes in only if it beats the last one kept (or there is room)
                if (kept == k && !better(doc, best[kept - 1])) continue;
                int at = kept < k ? kept++ : k - 1;
                while (at > 0 && better(doc, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = doc;
            }
            for (int h = 0; h < hitCount; h++) {
                score[hits[h]] = 0;
                touched[hits[h]] = false;
            }
            hitCount = 0;
            return java.util.Arrays.stream(best, 0, kept).filter(doc -> doc != self).toArray();
        }

        private boolean better(int doc, int than) {
            int byScore = Float.compare((float) score[doc], (float) score[than]);
            return byScore > 0 || (byScore == 0 && doc < than);
        }
    }

    /** One incident's query terms (best first), its score against itself, and the incidents its query proposes. */
    private record Candidates(int[] terms, double self, int[] docs) {

        /** t(this → other) in [0, 1]: the other's score for these terms over this incident's own. */
        double textTo(Profile other, TextStats stats) {
            if (self <= 0) return 0;
            double t = Math.clamp(stats.score(terms, other) / self, 0, 1);
            return t < 1e-9 ? 0 : t;
        }
    }

    /** Candidates scored exactly per incident: enough that the best {@code limit} of the final score are among them. */
    private static int candidatesWanted(int limit) {
        return 4 * limit + 10;
    }

    /**
     * The incidents that score best for this one's distinctive terms, cause tags and components: BM25 over the
     * postings of those terms plus the tags and components as constants on the scale of the text score, so that
     * the candidates are roughly the ones the final score ranks first. This is the query a search engine would run
     * (and pmkb ran with Lucene); the postings are in memory already, and the scores are summed directly.
     */
    private static Candidates candidates(int doc, List<Profile> profiles, Postings postings, TextStats stats,
                                         Scores scores, int limit) {
        Profile a = profiles.get(doc);
        int[] terms = a.distinctiveTerms(stats);
        double self = stats.score(terms, a);
        for (int term : terms) {
            double idf = stats.idfs[term];
            for (int at = postings.starts[term], end = postings.starts[term + 1]; at < end; at++) {
                int other = postings.docs[at];
                int count = postings.counts[at];
                scores.add(other, idf * count / (count + stats.norms[other]));
            }
        }
        double scale = self > 0 ? self : 1;
        if (!a.causes.isEmpty()) {
            scores.addOnce(a.causes.stream().map(postings.byCause::get).toArray(int[][]::new),
                    scale * CAUSE_WEIGHT / TEXT_WEIGHT);
        }
        if (!a.components.isEmpty()) {
            scores.addOnce(a.components.keySet().stream().map(postings.byComponent::get).toArray(int[][]::new),
                    scale * COMPONENT_WEIGHT / TEXT_WEIGHT);
        }
        return new Candidates(terms, self, scores.top(candidatesWanted(limit), doc));
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
                // the facts are plain text already (the understand stage keeps what a reader sees of each line)
                for (String part : new String[]{facts.rootCause(), facts.resolution(), facts.summary()}) {
                    if (part != null && !part.isBlank()) text.append(part.strip()).append("\n\n");
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
                        if (SPACES_OR_HYPHENS.matcher(between).matches()
                                && other.adjacent(tokenTerms[first], tokenTerms[second])) {
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
            String flat = SPACES.matcher(surface).replaceAll(" ");
            if (flat.length() > 1 && Character.isUpperCase(flat.charAt(0))
                    && flat.substring(1).chars().noneMatch(Character::isUpperCase)) {
                return flat.toLowerCase(Locale.ROOT);
            }
            return flat;
        }
    }
}
