package dev.pmkb.model;

import java.util.List;

/**
 * Root-cause tags of one incident, primary first.
 *
 * @param slugs    tag slugs from the taxonomy; {@code unknown} when nothing is stated
 * @param inferred true when pmkb read them from the root-cause text, false when the header named them
 * @param evidence for each inferred tag, the sentence it was read from (empty when none is known)
 */
public record Causes(List<String> slugs, boolean inferred, List<CauseEvidence> evidence) {
    public Causes {
        slugs = List.copyOf(slugs);
        evidence = List.copyOf(evidence);
    }

    /** Tags without evidence: named in a header, or made up by hand. */
    public Causes(List<String> slugs, boolean inferred) {
        this(slugs, inferred, List.of());
    }

    public String primary() {
        return slugs.isEmpty() ? null : slugs.getFirst();
    }

    /** The sentence {@code slug} was read from, or null when there is none. */
    public String evidenceFor(String slug) {
        for (CauseEvidence e : evidence) {
            if (e.slug().equals(slug)) return e.sentence();
        }
        return null;
    }
}
