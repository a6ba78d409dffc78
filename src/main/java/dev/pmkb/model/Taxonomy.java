package dev.pmkb.model;

import java.util.List;
import java.util.Optional;

/**
 * The vocabularies a library classifies its incidents by, each in display order: root-cause tags, impact
 * categories and components involved.
 */
public record Taxonomy(List<CauseTag> causes, List<FacetTag> impactCategories, List<FacetTag> components) {
    public Taxonomy {
        causes = List.copyOf(causes);
        impactCategories = List.copyOf(impactCategories);
        components = List.copyOf(components);
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
