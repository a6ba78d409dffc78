package dev.pmkb.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Typo fallback, the twin of {@code correctQuery} in {@code assets/js/search/core/search.js} (docs/search.md,
 * "Typo correction"): a term that no field has and no synonym knows is replaced by the closest body term among
 * the terms of its export chunk and the chunks either side, and the typed word rewritten to a word of that term.
 */
final class Corrector {

    private Corrector() {
    }

    /** The corrected query, or null when no word needs or has a correction. */
    static String correct(Searcher searcher, String query, boolean prefixLastTerm, List<String> termChunks)
            throws IOException {
        ParsedQuery parsed;
        try {
            parsed = ParsedQuery.parse(query, prefixLastTerm, searcher.settings());
        } catch (QueryException e) {
            return null;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (ParsedQuery.Clause clause : parsed.clauses()) {
            switch (clause) {
                case ParsedQuery.Term t -> {
                    if (!inAnyField(searcher, t.term())) missing.add(t.term());
                }
                case ParsedQuery.Phrase p -> {
                    for (String t : p.terms()) if (!inAnyField(searcher, t)) missing.add(t);
                }
                case ParsedQuery.Prefix p -> {
                    if (p.stem() != null && searcher.expand(p).isEmpty()) missing.add(p.stem());
                }
                case ParsedQuery.Group g -> {
                    // a synonym is a word the library's vocabulary knows: never corrected
                }
            }
        }
        if (missing.isEmpty()) return null;
        Map<String, String> fixes = new LinkedHashMap<>();
        for (String term : missing) {
            String fix = closestTerm(searcher, term, termChunks);
            if (fix != null) fixes.put(term, fix);
        }
        if (fixes.isEmpty()) return null;
        String out = query;
        List<int[]> words = new ArrayList<>();
        for (int i = 0; i < query.length(); ) {
            int cp = query.codePointAt(i);
            int start = i;
            while (i < query.length() && PmkbAnalyzer.isTokenChar(query.codePointAt(i))) {
                i += Character.charCount(query.codePointAt(i));
            }
            if (i > start) words.add(new int[]{start, i});
            else i += Character.charCount(cp);
        }
        for (int w = words.size() - 1; w >= 0; w--) {
            int[] at = words.get(w);
            String text = query.substring(at[0], at[1]);
            List<String> analysed = Analysis.terms(ANALYZER, text);
            if (analysed.size() != 1 || !fixes.containsKey(analysed.getFirst())) continue;
            String word = surfaceWord(text, analysed.getFirst(), fixes.get(analysed.getFirst()));
            boolean capital = !text.substring(0, 1).equals(text.substring(0, 1).toLowerCase(java.util.Locale.ROOT))
                    && word.substring(0, 1).equals(word.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
            String shown = capital ? word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1) : word;
            out = out.substring(0, at[0]) + shown + out.substring(at[1]);
        }
        return out.equals(query) ? null : out;
    }

    private static final PmkbAnalyzer ANALYZER = new PmkbAnalyzer();

    private static boolean inAnyField(Searcher searcher, String term) throws IOException {
        for (String field : SearchIndex.TEXT_FIELDS.keySet()) {
            if (searcher.reader().docFreq(new Term(field, term)) > 0) return true;
        }
        return false;
    }

    /** Edits allowed: none up to 2 code points, 1 up to 5, else 2. */
    static int maxEdits(String term) {
        int n = term.codePointCount(0, term.length());
        return n <= 2 ? 0 : n <= 5 ? 1 : 2;
    }

    /** Fewest edits, then most body documents, then term order; among the terms of chunks c − 1 … c + 1. */
    static String closestTerm(Searcher searcher, String term, List<String> chunks) throws IOException {
        int max = maxEdits(term);
        if (max == 0 || chunks.isEmpty()) return null;
        int c = chunkOf(chunks, term);
        BytesRef from = new BytesRef(chunks.get(Math.max(0, c - 1)));
        BytesRef to = c + 2 < chunks.size() ? new BytesRef(chunks.get(c + 2)) : null;
        Terms body = MultiTerms.getTerms(searcher.reader(), SearchIndex.BODY);
        if (body == null) return null;
        TermsEnum e = body.iterator();
        if (e.seekCeil(from) == TermsEnum.SeekStatus.END) return null;
        String best = null;
        int bestD = 0;
        int bestDf = 0;
        for (BytesRef t = e.term(); t != null && (to == null || t.compareTo(to) < 0); t = e.next()) {
            String candidate = t.utf8ToString();
            int d = editDistance(term, candidate, max);
            if (d == 0 || d > max) continue;
            int df = e.docFreq();
            if (best == null || d < bestD || (d == bestD && df > bestDf)) { // term order: the first one seen wins
                best = candidate;
                bestD = d;
                bestDf = df;
            }
        }
        return best;
    }

    private static int chunkOf(List<String> firsts, String term) {
        BytesRef t = new BytesRef(term);
        int lo = 0;
        for (int i = 1; i < firsts.size(); i++) if (new BytesRef(firsts.get(i)).compareTo(t) <= 0) lo = i;
        return lo;
    }

    /** Damerau–Levenshtein (optimal string alignment) over code points, stopping above {@code max}. */
    static int editDistance(String a, String b, int max) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > max) return max + 1;
        int[] prev2 = null;
        int[] prev = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) prev[j] = j;
        for (int i = 1; i <= x.length; i++) {
            int[] row = new int[y.length + 1];
            row[0] = i;
            int best = i;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
                if (prev2 != null && i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                row[j] = v;
                best = Math.min(best, v);
            }
            if (best > max) return max + 1;
            prev2 = prev;
            prev = row;
        }
        return prev[y.length];
    }

    /** A word for a corrected term: one edit of the typed word that analyses to it, else stem + ending, else the term. */
    static String surfaceWord(String typed, String oldTerm, String newTerm) {
        List<String> w = codePoints(ParsedQuery.lowerCase(typed));
        Set<String> letterSet = new LinkedHashSet<>(codePoints(newTerm));
        letterSet.addAll(codePoints("abcdefghijklmnopqrstuvwxyz"));
        List<String> letters = new ArrayList<>(letterSet);
        for (int i = 0; i <= w.size(); i++) {
            for (String c : letters) {
                String candidate = join(w.subList(0, i)) + c + join(w.subList(i, w.size()));
                if (fits(candidate, newTerm)) return candidate;
            }
        }
        for (int i = 0; i < w.size(); i++) {
            for (String c : letters) {
                if (c.equals(w.get(i))) continue;
                String candidate = join(w.subList(0, i)) + c + join(w.subList(i + 1, w.size()));
                if (fits(candidate, newTerm)) return candidate;
            }
        }
        for (int i = 0; i + 1 < w.size(); i++) {
            String candidate = join(w.subList(0, i)) + w.get(i + 1) + w.get(i) + join(w.subList(i + 2, w.size()));
            if (fits(candidate, newTerm)) return candidate;
        }
        for (int i = 0; i < w.size(); i++) {
            String candidate = join(w.subList(0, i)) + join(w.subList(i + 1, w.size()));
            if (fits(candidate, newTerm)) return candidate;
        }
        String lower = join(w);
        if (lower.startsWith(oldTerm) && fits(newTerm + lower.substring(oldTerm.length()), newTerm)) {
            return newTerm + lower.substring(oldTerm.length());
        }
        return newTerm;
    }

    private static boolean fits(String word, String term) {
        List<String> a = Analysis.terms(ANALYZER, word);
        return a.size() == 1 && a.getFirst().equals(term);
    }

    private static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }

    private static String join(List<String> parts) {
        return String.join("", parts);
    }
}
