package dev.pmkb.index;

import java.util.List;

/**
 * What to search for.
 *
 * @param query          the query as typed (docs/search.md, "Query syntax")
 * @param causes         cause slugs to filter by; a hit has at least one of them; empty = no filter
 * @param limit          how many hits at most, 1 or more
 * @param prefixLastTerm treat the last bare word as unfinished and expand it by prefix (search-as-you-type)
 */
public record SearchRequest(String query, List<String> causes, int limit, boolean prefixLastTerm) {

    public static final int DEFAULT_LIMIT = 10;

    public SearchRequest {
        causes = List.copyOf(causes);
        if (limit < 1) throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), DEFAULT_LIMIT, false);
    }

    public SearchRequest withCauses(String... slugs) {
        return new SearchRequest(query, List.of(slugs), limit, prefixLastTerm);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, causes, n, prefixLastTerm);
    }

    public SearchRequest withPrefix() {
        return new SearchRequest(query, causes, limit, true);
    }
}
