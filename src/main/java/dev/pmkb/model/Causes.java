package dev.pmkb.model;

import java.util.List;

/**
 * Root-cause tags of one incident, primary first.
 *
 * @param slugs    tag slugs from the taxonomy; {@code unknown} when nothing is stated
 * @param inferred true when pmkb read them from the root-cause text, false when the header named them
 */
public record Causes(List<String> slugs, boolean inferred) {
    public Causes {
        slugs = List.copyOf(slugs);
    }

    public String primary() {
        return slugs.isEmpty() ? null : slugs.getFirst();
    }
}
