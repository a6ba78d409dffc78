package dev.pmkb.index;

import java.util.List;

/**
 * What to search for.
 *
 * @param query            the query as typed (docs/search.md, "Query syntax")
 * @param causes           cause slugs to filter by; a hit has at least one of them; empty = no filter
 * @param impactCategories impact categories to filter by, the same way
 * @param components       components to filter by (as the facet lists them), the same way
 * @param years            years to filter by ({@code 2024}), the same way
 * @param limit            how many hits at most, 1 or more
 * @param prefixLastTerm   treat the last bare word as unfinished and expand it by prefix (search-as-you-type)
 */
public record SearchRequest(String query, List<String> causes, List<String> impactCategories, List<String> components,
                            List<String> years, int limit, boolean prefixLastTerm) {

    public static final int DEFAULT_LIMIT = 10;

    public SearchRequest {
        causes = List.copyOf(causes);
        impactCategories = List.copyOf(impactCategories);
        components = List.copyOf(components);
        years = List.copyOf(years);
        if (limit < 1) throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }

    public SearchRequest(String query, List<String> causes, int limit, boolean prefixLastTerm) {
        this(query, causes, List.of(), List.of(), List.of(), limit, prefixLastTerm);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), DEFAULT_LIMIT, false);
    }

    public SearchRequest withCauses(String... slugs) {
        return new SearchRequest(query, List.of(slugs), impactCategories, components, years, limit, prefixLastTerm);
    }

    public SearchRequest withFilters(List<String> impactCategories, List<String> components, List<String> years) {
        return new SearchRequest(query, causes, impactCategories, components, years, limit, prefixLastTerm);
    }

    public SearchRequest withQuery(String other) {
        return new SearchRequest(other, causes, impactCategories, components, years, limit, prefixLastTerm);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, causes, impactCategories, components, years, n, prefixLastTerm);
    }

    public SearchRequest withPrefix() {
        return new SearchRequest(query, causes, impactCategories, components, years, limit, true);
    }
}
