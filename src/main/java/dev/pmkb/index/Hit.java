package dev.pmkb.index;

import java.util.List;

/**
 * One search result, in rank order. {@code url} is relative to the site root. A partial hit matches only some of
 * the query's words (docs/search.md, "Partial matches"): {@code missing} lists the others.
 */
public record Hit(String id, String url, String title, float score, boolean partial, List<String> missing) {
    public Hit {
        missing = List.copyOf(missing);
    }

    public Hit(String id, String url, String title, float score) {
        this(id, url, title, score, false, List.of());
    }
}
