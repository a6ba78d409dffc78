package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.Test;

/**
 * The ranking formula written in docs/search.md, computed from nothing but what an export can ship (per-field
 * document count and sum of term frequencies, per-term document frequency, postings with positions, one norm
 * byte per document and field), must give bit for bit the scores Lucene gives. This is what the JavaScript client
 * will compute, with Math.fround where this code uses float.
 */
class ScoreFormulaTest {

    static final float K1 = 1.2f;
    static final float B = 0.75f;

    /** SmallFloat.byte4ToInt as docs/search.md writes it. */
    static int lengthOfNorm(int normByte) {
        int i = normByte & 0xFF;
        if (i < 24) return i;
        int bits = (i - 24) & 0x07;
        int shift = ((i - 24) >>> 3) - 1;
        return 24 + (shift == -1 ? bits : (bits | 0x08) << shift);
    }

    @Test
    void normDecodingMatchesLucene() {
        for (int i = 0; i < 256; i++) assertEquals(SmallFloat.byte4ToInt((byte) i), lengthOfNorm(i), "byte " + i);
    }

    @Test
    void scoresOfEveryHitAreBitIdenticalToTheFormula() throws Exception {
        List<Postmortem> incidents = new ArrayList<>(Library.incidents());
        incidents.addAll(TestIncidents.corpus());
        List<String> queries = List.of("connection pool", "server", "nginx error", "database", "apache 500",
                "\"connection pool\"", "\"internal server error\"", "\"web server\" restart", "load balancer",
                "memory leak", "disk full logs", "certificate expired", "mysql", "root cause", "dns", "config typo",
                "php", "deploy rollback", "outage users", "timeout latency spike", "the server's logs",
                "5xx", "wordpress", "haproxy", "puppet", "\"the server\"", "\"error log\" apache",
                "ser", "conf", "database connectio", "nginx re", "a", "tim", "web serv", "\"root cause\" ap");
        int checked = 0;
        try (Directory directory = new ByteBuffersDirectory()) {
            SearchIndex.write(incidents, directory);
            try (Searcher searcher = Searcher.open(directory)) {
                LeafReader leaf = searcher.reader().leaves().getFirst().reader();
                assertEquals(1, searcher.reader().leaves().size(), "one segment");
                for (String text : queries) {
                    boolean prefix = text.length() <= 3 || text.endsWith("connectio") || text.endsWith(" re")
                            || text.endsWith(" serv") || text.endsWith(" ap");
                    SearchRequest request = new SearchRequest(text, List.of(), 1000, prefix);
                    ParsedQuery parsed = ParsedQuery.parse(text, prefix);
                    TopDocs top = searcher.searcher().search(searcher.query(request), 1000);
                    assertTrue(top.scoreDocs.length > 0, "no hits for " + text);
                    for (ScoreDoc hit : top.scoreDocs) {
                        float expected = score(leaf, searcher, parsed, hit.doc);
                        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(hit.score),
                                () -> "query [" + text + "] doc " + hit.doc + ": formula " + expected + " lucene "
                                        + hit.score);
                        checked++;
                    }
                    // and nothing the formula matches is missing from Lucene's hits
                    int matching = 0;
                    for (int doc = 0; doc < leaf.maxDoc(); doc++) if (!Float.isNaN(score(leaf, searcher, parsed, doc))) matching++;
                    assertEquals(matching, top.scoreDocs.length, "hit count of " + text);
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " scores");
    }

    /** The documented formula; NaN when the document does not match. */
    static float score(LeafReader leaf, Searcher searcher, ParsedQuery parsed, int doc) throws IOException {
        double required = 0;
        for (ParsedQuery.Clause clause : parsed.clauses()) {
            float s = clauseScore(leaf, searcher, clause, doc);
            if (Float.isNaN(s)) return Float.NaN;
            required += s;
        }
        float total = (float) required;
        double optional = 0;
        boolean anyOptional = false;
        for (ParsedQuery.Phrase phrase : parsed.proximity()) {
            float s = clauseScore(leaf, searcher, phrase, doc);
            if (!Float.isNaN(s)) {
                optional += s;
                anyOptional = true;
            }
        }
        return anyOptional ? total + (float) optional : total;
    }

    static float clauseScore(LeafReader leaf, Searcher searcher, ParsedQuery.Clause clause, int doc)
            throws IOException {
        if (clause instanceof ParsedQuery.Prefix prefix) {
            float max = Float.NaN;
            for (String term : searcher.expand(prefix)) {
                float s = clauseScore(leaf, searcher, new ParsedQuery.Term(term), doc);
                if (!Float.isNaN(s) && (Float.isNaN(max) || s > max)) max = s;
            }
            return max;
        }
        List<String> terms = clause instanceof ParsedQuery.Phrase p ? p.terms()
                : List.of(((ParsedQuery.Term) clause).term());
        List<Integer> positions = clause instanceof ParsedQuery.Phrase p ? p.positions() : List.of(0);
        double sum = 0;
        boolean matched = false;
        for (Map.Entry<String, Float> field : SearchIndex.TEXT_FIELDS.entrySet()) {
            float s = fieldScore(leaf, field.getKey(), field.getValue(), terms, positions, doc);
            if (!Float.isNaN(s)) {
                sum += s;
                matched = true;
            }
        }
        return matched ? (float) sum : Float.NaN;
    }

    static float fieldScore(LeafReader leaf, String field, float boost, List<String> terms, List<Integer> positions,
                            int doc) throws IOException {
        Terms fieldTerms = leaf.terms(field);
        if (fieldTerms == null) return Float.NaN;
        long docCount = fieldTerms.getDocCount();
        long sumTotalTermFreq = fieldTerms.getSumTotalTermFreq();
        double idfSum = 0;
        List<List<Integer>> termPositions = new ArrayList<>();
        for (String term : terms) {
            int docFreq = leaf.docFreq(new Term(field, term));
            if (docFreq == 0) return Float.NaN;
            idfSum += (float) Math.log(1 + (docCount - docFreq + 0.5d) / (docFreq + 0.5d));
            PostingsEnum postings = leaf.postings(new Term(field, term), PostingsEnum.POSITIONS);
            if (postings.advance(doc) != doc) return Float.NaN;
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < postings.freq(); i++) at.add(postings.nextPosition());
            termPositions.add(at);
        }
        int freq = 0;
        for (int start : termPositions.getFirst()) {
            boolean all = true;
            for (int t = 1; t < terms.size() && all; t++) {
                all = termPositions.get(t).contains(start + positions.get(t) - positions.getFirst());
            }
            if (all) freq++;
        }
        if (freq == 0) return Float.NaN;
        float idf = (float) idfSum;
        NumericDocValues norms = leaf.getNormValues(field);
        assertTrue(norms == null || norms.advanceExact(doc));
        float dl = lengthOfNorm(norms == null ? 1 : (int) norms.longValue()); // no norms (tags): Lucene takes 1
        float avgdl = (float) (sumTotalTermFreq / (double) docCount);
        float normInverse = 1f / (K1 * ((1 - B) + B * dl / avgdl));
        float weight = boost * idf;
        return weight - weight / (1f + freq * normInverse);
    }
}
