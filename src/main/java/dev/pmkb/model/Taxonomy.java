package dev.pmkb.model;

import java.util.List;
import java.util.Optional;

/**
 * The vocabularies a library classifies its incidents by, each in display order: root-cause tags, impact
 * categories and components involved; and the synonyms search applies (each a list of lower-case words or phrases
 * that mean the same to a reader: {@code [disk full, disk space, no space left]}).
 */
public record Taxonomy(List<CauseTag> causes, List<FacetTag> impactCategories, List<FacetTag> components,
                       List<List<String>> synonyms) {
    public Taxonomy {
        causes = List.copyOf(causes);
        impactCategories = List.copyOf(impactCategories);
        components = List.copyOf(components);
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
        return causes.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public Optional<FacetTag> impactCategory(String slug) {
        return impactCategories.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public Optional<FacetTag> component(String slug) {
        return components.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }
}
