package dev.pmkb.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The vocabularies a library classifies its incidents by, each in display order: root-cause tags, impact
 * categories and components involved; and the synonyms search applies (each a list of lower-case words or phrases
 * that mean the same to a reader: {@code [disk full, disk space, no space left]}).
 */
public record Taxonomy(List<CauseTag> causes, List<FacetTag> impactCategories, List<FacetTag> components,
                       List<List<String>> synonyms) {
    public Taxonomy {
        causes = new BySlug<>(causes, CauseTag::slug);
        impactCategories = new BySlug<>(impactCategories, FacetTag::slug);
        components = new BySlug<>(components, FacetTag::slug);
        synonyms = synonyms.stream().map(List::copyOf).toList();
    }

    public Taxonomy(List<CauseTag> causes, List<FacetTag> impactCategories, List<FacetTag> components) {
        this(causes, impactCategories, components, List.of());
    }

    /** A taxonomy of root causes only, as before impact and component facets existed. */
    public Taxonomy(List<CauseTag> causes) {
        this(causes, List.of(), List.of());
    }

    public Optional<CauseTag> cause(String slug) {
        return ((BySlug<CauseTag>) causes).find(slug);
    }

    public Optional<FacetTag> impactCategory(String slug) {
        return ((BySlug<FacetTag>) impactCategories).find(slug);
    }

    public Optional<FacetTag> component(String slug) {
        return ((BySlug<FacetTag>) components).find(slug);
    }

    /**
     * An unmodifiable list of tags that also finds one by its slug without a scan: every stage asks the taxonomy for
     * names, once or more for each incident. Equal to any list of the same tags.
     */
    private static final class BySlug<T> extends AbstractList<T> implements RandomAccess {
        private final List<T> tags;
        private final Map<String, T> bySlug = new HashMap<>();

        BySlug(List<T> tags, Function<T, String> slug) {
            this.tags = List.copyOf(tags);
            for (T tag : this.tags) bySlug.putIfAbsent(slug.apply(tag), tag); // the first of a slug, as a scan finds
        }

        Optional<T> find(String slug) {
            return slug == null ? Optional.empty() : Optional.ofNullable(bySlug.get(slug));
        }

        @Override
        public T get(int index) {
            return tags.get(index);
        }

        @Override
        public int size() {
            return tags.size();
        }
    }
}
