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

    private Searcher(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
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
        ParsedQuery parsed = ParsedQuery.parse(request.query(), request.prefixLastTerm());
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (ParsedQuery.Clause clause : parsed.clauses()) top.add(clauseQuery(clause), Occur.MUST);
        for (ParsedQuery.Phrase phrase : parsed.proximity()) top.add(clauseQuery(phrase), Occur.SHOULD);
        if (!request.causes().isEmpty()) {
            BooleanQuery.Builder causes = new BooleanQuery.Builder();
            for (String slug : new java.util.TreeSet<>(request.causes())) {
                causes.add(new TermQuery(new Term(SearchIndex.CAUSE, slug)), Occur.SHOULD);
            }
            top.add(causes.build(), Occur.FILTER);
        }
        return top.build();
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
