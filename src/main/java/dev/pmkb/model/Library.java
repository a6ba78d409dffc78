package dev.pmkb.model;

import java.util.List;
import java.util.Map;

/**
 * Everything the bake knows once every postmortem is understood and indexed.
 *
 * @param incidents published incidents, newest first (undated last), ties by id
 * @param related   incident id → related incidents, best first
 */
public record Library(List<Postmortem> incidents, Taxonomy taxonomy, Map<String, List<Related>> related) {
    public Library {
        incidents = List.copyOf(incidents);
        related = Map.copyOf(related);
    }

    public List<Related> relatedTo(String id) {
        return related.getOrDefault(id, List.of());
    }
}
