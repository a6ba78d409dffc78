package dev.pmkb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Searches an index written by {@link SearchIndex} with exactly the ranking the browser client reproduces
 * (docs/search.md, "Ranking"): BM25 (k1 1.2, b 0.75) per field, boosted, summed over fields per clause; every
 * clause must match; clause scores summed; ties by document number (SearchIndex.DOCUMENT_ORDER).
 */
public final class Searcher implements AutoCloseable {

    /** How many dictionary terms an unfinished last word expands to, most frequent first. */
    public static final int PREFIX_EXPANSIONS = 16;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SearchSettings settings;

    private Searcher(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.settings = SearchSettings.of(reader);
    }

    /** The synonyms this index was written with. */
    public SearchSettings settings() {
        return settings;
    }

    /** Opens the index in {@code indexDir}; {@link java.nio.file.NoSuchFileException} when there is none. */
    public static Searcher open(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) throw new java.nio.file.NoSuchFileException(indexDir.toString());
        Directory directory = FSDirectory.open(indexDir);
        try {
            return new Searcher(directory);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static Searcher open(Directory directory) throws IOException {
        return new Searcher(directory);
    }

    public List<Hit> search(SearchRequest request) throws QueryException, IOException {
        Query query = query(request);
        TopDocs top = searcher.search(query, request.limit());
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = stored.document(scoreDoc.doc);
            hits.add(new Hit(doc.get(SearchIndex.ID), doc.get(SearchIndex.URL), doc.get(SearchIndex.TITLE),
                    scoreDoc.score));
        }
        return hits;
    }

    /** The Lucene query for a request; visible for tests and explanations. */
    Query query(SearchRequest request) throws QueryException, IOException {
        ParsedQuery parsed = ParsedQuery.parse(request.query(), request.prefixLastTerm(), settings);
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (ParsedQuery.Clause clause : parsed.clauses()) top.add(clauseQuery(clause), Occur.MUST);
        for (ParsedQuery.Phrase phrase : parsed.proximity()) top.add(clauseQuery(phrase), Occur.SHOULD);
        addFilters(top, request);
        return top.build();
    }

    /** Every facet with selected values: a hit has one of them. Filters do not score. */
    private static void addFilters(BooleanQuery.Builder top, SearchRequest request) {
        filter(top, SearchIndex.CAUSE, request.causes());
        filter(top, SearchIndex.IMPACT_CATEGORY, request.impactCategories());
        filter(top, SearchIndex.COMPONENT, request.components());
        filter(top, SearchIndex.YEAR, request.years());
    }

    private static void filter(BooleanQuery.Builder top, String field, List<String> values) {
        if (values.isEmpty()) return;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : new java.util.TreeSet<>(values)) any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        top.add(any.build(), Occur.FILTER);
    }

    /**
     * The site's search (docs/search.md, "What the site's search does"): the query as typed, or corrected when a
     * word is in no field, no synonym and the dictionary has a close one ({@code termChunks}: the export's term
     * chunk boundaries, which bound where a correction is looked for, as in the browser; null: no correction);
     * every-word hits, then, when they are fewer than {@link SearchSettings#PARTIAL_BELOW}, hits matching most
     * of the words.
     */
    public SearchResult find(SearchRequest request, List<String> termChunks) throws QueryException, IOException {
        String corrected = termChunks == null ? null
                : Corrector.correct(this, request.query(), request.prefixLastTerm(), termChunks);
        SearchRequest searched = corrected == null ? request : request.withQuery(corrected);
        ParsedQuery parsed = ParsedQuery.parse(searched.query(), searched.prefixLastTerm(), settings);
        int maxDoc = Math.max(1, reader.maxDoc());
        List<Hit> hits = new ArrayList<>();
        TopDocs all = searcher.search(query(searched), maxDoc);
        StoredFields stored = searcher.storedFields();
        Set<Integer> matched = new HashSet<>();
        for (ScoreDoc scoreDoc : all.scoreDocs) {
            matched.add(scoreDoc.doc);
            if (hits.size() < request.limit()) hits.add(hit(stored, scoreDoc.doc, scoreDoc.score, false, List.of()));
        }
        int partialTotal = 0;
        int clauses = parsed.clauses().size();
        if (all.scoreDocs.length < SearchSettings.PARTIAL_BELOW && clauses >= 2) {
            int need = (clauses + 1) / 2;
            // per clause: every document it matches with its score, among the filtered documents
            List<Map<Integer, Float>> perClause = new ArrayList<>();
            for (ParsedQuery.Clause clause : parsed.clauses()) {
                BooleanQuery.Builder one = new BooleanQuery.Builder().add(clauseQuery(clause), Occur.MUST);
                addFilters(one, searched);
                Map<Integer, Float> scores = new java.util.HashMap<>();
                for (ScoreDoc d : searcher.search(one.build(), maxDoc).scoreDocs) scores.put(d.doc, d.score);
                perClause.add(scores);
            }
            record Partial(int doc, int count, float score, List<String> missing) {
            }
            Map<Integer, Partial> partial = new java.util.TreeMap<>();
            for (Map<Integer, Float> scores : perClause) {
                for (int doc : scores.keySet()) {
                    if (matched.contains(doc) || partial.containsKey(doc)) continue;
                    int count = 0;
                    double sum = 0;
                    List<String> missing = new ArrayList<>();
                    for (int c = 0; c < clauses; c++) {
                        Float s = perClause.get(c).get(doc);
                        if (s == null) {
                            missing.add(ParsedQuery.label(parsed.clauses().get(c)));
                        } else {
                            count++;
                            sum += s;
                        }
                    }
                    if (count >= need) partial.put(doc, new Partial(doc, count, (float) sum, missing));
                }
            }
            List<Partial> ranked = partial.values().stream()
                    .sorted(Comparator.comparingInt(Partial::count).reversed()
                            .thenComparing(Partial::score, Comparator.reverseOrder())
                            .thenComparingInt(Partial::doc))
                    .toList();
            partialTotal = ranked.size();
            for (Partial p : ranked) {
                if (hits.size() >= request.limit()) break;
                hits.add(hit(stored, p.doc(), p.score(), true, p.missing()));
            }
        }
        return new SearchResult(hits, all.scoreDocs.length, partialTotal, corrected, request.query(),
                parsed.clauses().stream().map(ParsedQuery::label).toList());
    }

    /**
     * The term chunk boundaries ({@code termChunks}) of the static export in {@code exportDir} (a baked site's
     * {@code search/}), which {@link #find} needs to look for corrections where the browser looks; null when there
     * is no export. Read here, not in the export package, so that {@code pmkb search} needs only this one.
     */
    public static List<String> exportedTermChunks(Path exportDir) throws IOException {
        Path manifest = exportDir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) return null;
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory()
                .createParser(manifest.toFile())) {
            p.nextToken();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("termChunks")) {
                    p.skipChildren();
                    continue;
                }
                List<String> firsts = new ArrayList<>();
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) firsts.add(p.getText());
                return firsts;
            }
        }
        return null;
    }

    private static Hit hit(StoredFields stored, int doc, float score, boolean partial, List<String> missing)
            throws IOException {
        Document d = stored.document(doc);
        return new Hit(d.get(SearchIndex.ID), d.get(SearchIndex.URL), d.get(SearchIndex.TITLE), score, partial, missing);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    private Query clauseQuery(ParsedQuery.Clause clause) throws IOException {
        return switch (clause) {
            case ParsedQuery.Term t -> fieldSum(field -> new TermQuery(new Term(field, t.term())));
            case ParsedQuery.Phrase p -> fieldSum(field -> {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < p.terms().size(); i++) {
                    phrase.add(new Term(field, p.terms().get(i)), p.positions().get(i));
                }
                return phrase.build();
            });
            case ParsedQuery.Prefix p -> {
                List<String> expansions = expand(p);
                if (expansions.isEmpty()) yield new MatchNoDocsQuery("no term starts with " + p.word());
                List<Query> disjuncts = new ArrayList<>();
                for (String term : expansions) disjuncts.add(fieldSum(field -> new TermQuery(new Term(field, term))));
                yield new DisjunctionMaxQuery(disjuncts, 0f);
            }
            case ParsedQuery.Group g -> {
                List<Query> alternatives = new ArrayList<>();
                for (List<ParsedQuery.Clause> alternative : g.alternatives()) {
                    if (alternative.size() == 1) {
                        alternatives.add(clauseQuery(alternative.getFirst()));
                        continue;
                    }
                    BooleanQuery.Builder every = new BooleanQuery.Builder();
                    for (ParsedQuery.Clause c : alternative) every.add(clauseQuery(c), Occur.MUST);
                    alternatives.add(every.build());
                }
                yield new DisjunctionMaxQuery(alternatives, 0f);
            }
        };
    }

    /** Σ over the searched fields of boost × per-field query. */
    private static Query fieldSum(Function<String, Query> perField) {
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : SearchIndex.TEXT_FIELDS.entrySet()) {
            sum.add(new BoostQuery(perField.apply(field.getKey()), field.getValue()), Occur.SHOULD);
        }
        return sum.build();
    }

    /**
     * Dictionary terms of the body field that an unfinished word stands for: those starting with the word, its
     * stem, and the word's own prefixes of 4 or more code points that are at most 3 code points shorter (so that
     * {@code connectio} finds {@code connect}); most documents first, then by code point order; at most
     * {@link #PREFIX_EXPANSIONS}.
     */
    List<String> expand(ParsedQuery.Prefix prefix) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, SearchIndex.BODY);
        if (terms == null) return List.of();
        TermsEnum dictionary = terms.iterator();
        record Candidate(BytesRef term, int docFreq) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<BytesRef> seen = new HashSet<>();
        BytesRef start = new BytesRef(prefix.word());
        if (dictionary.seekCeil(start) != TermsEnum.SeekStatus.END) {
            for (BytesRef term = dictionary.term(); term != null && startsWith(term, start); term = dictionary.next()) {
                BytesRef copy = BytesRef.deepCopyOf(term);
                seen.add(copy);
                candidates.add(new Candidate(copy, dictionary.docFreq()));
            }
        }
        List<String> exact = new ArrayList<>();
        if (prefix.stem() != null) exact.add(prefix.stem());
        int[] codePoints = prefix.word().codePoints().toArray();
        for (int n = Math.max(4, codePoints.length - 3); n < codePoints.length; n++) {
            exact.add(new String(codePoints, 0, n));
        }
        for (String term : exact) {
            BytesRef bytes = new BytesRef(term);
            if (!seen.contains(bytes) && dictionary.seekExact(bytes)) {
                seen.add(bytes);
                candidates.add(new Candidate(bytes, dictionary.docFreq()));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::docFreq).reversed().thenComparing(Candidate::term))
                .limit(PREFIX_EXPANSIONS)
                .map(c -> c.term().utf8ToString())
                .toList();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) return false;
        return java.util.Arrays.equals(term.bytes, term.offset, term.offset + prefix.length,
                prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }

    IndexReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }
}
