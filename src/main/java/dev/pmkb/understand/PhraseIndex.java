package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many labelled phrase sets occur in a text, in one pass over its words: each text word is
 * looked up by its stem, so the cost grows with the text, not with text × phrases.
 *
 * @param <T> the label a phrase belongs to (a cause tag, a component)
 */
final class PhraseIndex<T> {

    /** One occurrence: which label, at which word, and how strong the evidence is (longer phrases are). */
    record Hit<T>(T label, int word, int length, String phrase) {
    }

    private record Entry<T>(T label, Phrase phrase) {
    }

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    private final List<Entry<T>> byPrefix = new ArrayList<>();

    void add(T label, String phrase) {
        Phrase p = Phrase.of(phrase);
        if (p.isEmpty()) return;
        Entry<T> e = new Entry<>(label, p);
        if (p.firstIsPrefix()) byPrefix.add(e);
        else byFirstWord.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(e);
    }

    /** Every non-negated occurrence, at most one per label and word position. */
    List<Hit<T>> find(Words text) {
        List<Hit<T>> hits = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String w = text.get(i);
            collect(text, i, byFirstWord.get(w), hits);
            // "time out" in the text must find the phrase "timeout".
            if (i + 1 < text.size()) collect(text, i, byFirstWord.get(Words.stem(w + text.get(i + 1))), hits);
            for (Entry<T> e : byPrefix) {
                if (w.startsWith(e.phrase().first())) collect(text, i, List.of(e), hits);
            }
        }
        return hits;
    }

    private void collect(Words text, int at, List<Entry<T>> entries, List<Hit<T>> hits) {
        if (entries == null) return;
        for (Entry<T> e : entries) {
            int len = e.phrase().matchAt(text, at);
            if (len == 0) continue;
            if (!e.phrase().startsNegated() && text.negatedAt(at)) continue;
            boolean seen = false;
            for (int h = hits.size() - 1; h >= 0 && hits.get(h).word() >= at - 3; h--) {
                if (hits.get(h).label().equals(e.label()) && hits.get(h).word() + hits.get(h).length() > at) {
                    seen = true;
                    break;
                }
            }
            if (!seen) hits.add(new Hit<>(e.label(), at, len, e.phrase().written()));
        }
    }
}
