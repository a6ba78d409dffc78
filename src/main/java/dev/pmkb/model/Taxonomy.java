package dev.pmkb.model;

import java.util.List;
import java.util.Optional;

/** The root-cause tags a library classifies its incidents by, in display order. */
public record Taxonomy(List<CauseTag> causes) {
    public Taxonomy {
        causes = List.copyOf(causes);
    }

    public Optional<CauseTag> cause(String slug) {
        return causes.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }
}
