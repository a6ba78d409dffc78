package dev.pmkb.model;

import java.util.List;

/**
 * One root-cause tag of the taxonomy.
 *
 * @param phrases lower-case phrases whose presence in root-cause text suggests this tag
 */
public record CauseTag(String slug, String name, String definition, List<String> phrases) {
    public CauseTag {
        phrases = List.copyOf(phrases);
    }
}
