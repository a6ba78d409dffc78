package dev.pmkb.understand;

import dev.pmkb.model.Causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers root-cause tags from root-cause text with the taxonomy's phrases. Several tags may apply; the primary
 * is the most specific mechanism stated (pool exhaustion before the configuration slip behind it), then the
 * one stated earliest and most often. Nothing matched means {@code unknown}: a tag is never guessed.
 */
final class CauseInference {

    static final String UNKNOWN = "unknown";
    /** More tags than this are noise from a long text, not a diagnosis. */
    private static final int MAX_TAGS = 4;

    private final Vocabulary vocabulary;

    CauseInference(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Tags for {@code text}, primary first; {@code unknown} when the text states no classifiable cause. */
    Causes infer(String text) {
        List<String> slugs = rank(text);
        return new Causes(slugs.isEmpty() ? List.of(UNKNOWN) : slugs, true);
    }

    List<String> rank(String text) {
        if (text == null || text.isBlank()) return List.of();
        Words words = Words.of(text);
        if (words.size() == 0) return List.of();
        Map<String, Integer> hits = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (PhraseIndex.Hit<String> h : vocabulary.causePhrases().find(words)) {
            if (h.label().equals(UNKNOWN)) continue;
            hits.merge(h.label(), 1, Integer::sum);
            first.putIfAbsent(h.label(), h.word());
        }
        int n = words.size();
        Map<String, Double> score = new HashMap<>();
        for (String slug : hits.keySet()) {
            int specificity = vocabulary.specificity().getOrDefault(slug, 2);
            double earliness = 1.0 - (double) first.get(slug) / n;
            score.put(slug, specificity * 10.0 + Math.min(hits.get(slug), 4) * 1.5 + earliness * 4.0);
        }
        List<String> ranked = new ArrayList<>(score.keySet());
        ranked.sort(Comparator.comparingDouble((String s) -> -score.get(s)).thenComparing(first::get));
        return ranked.size() > MAX_TAGS ? List.copyOf(ranked.subList(0, MAX_TAGS)) : List.copyOf(ranked);
    }
}
