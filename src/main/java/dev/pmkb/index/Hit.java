package dev.pmkb.index;

/** One search result, in rank order. {@code url} is relative to the site root. */
public record Hit(String id, String url, String title, float score) {
}
