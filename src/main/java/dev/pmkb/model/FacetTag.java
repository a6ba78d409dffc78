package dev.pmkb.model;

import java.util.List;

/**
 * One value of a secondary facet (an impact category such as {@code full-outage}, or a component such as
 * {@code MySQL}).
 *
 * @param slug    stable identifier used in URLs and headers
 * @param name    display name, canonical spelling ({@code PostgreSQL}, not {@code postgres})
 * @param phrases lower-case phrases whose presence in the text suggests this value
 */
public record FacetTag(String slug, String name, List<String> phrases) {
    public FacetTag {
        phrases = List.copyOf(phrases);
    }
}
