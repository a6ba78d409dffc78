package dev.pmkb.index;

import java.util.List;

/**
 * What the site's search shows for a query ({@link Searcher#find}): the hits matching every word, then, when they
 * are fewer than {@link SearchSettings#PARTIAL_BELOW}, those matching most of the words.
 *
 * @param hits         at most the request's limit, every-word hits first
 * @param total        how many incidents match every word
 * @param partialTotal how many match most of the words (0 unless every-word matching found too few)
 * @param corrected    the query searched instead of the typed one when a word was corrected, else null
 * @param original     the query as typed
 * @param words        the searched query's words and phrases, as a partial hit's {@code missing} names them
 */
public record SearchResult(List<Hit> hits, int total, int partialTotal, String corrected, String original,
                           List<String> words) {
    public SearchResult {
        hits = List.copyOf(hits);
        words = List.copyOf(words);
    }
}
