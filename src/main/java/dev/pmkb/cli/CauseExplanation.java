package dev.pmkb.cli;

import dev.pmkb.model.Causes;
import dev.pmkb.model.Postmortem;

/** What {@code pmkb check --explain FILE} prints: each cause tag of a postmortem and the sentence it came from. */
final class CauseExplanation {

    private CauseExplanation() {
    }

    static String of(Postmortem p, String shownPath) {
        Causes causes = p.facts().causes();
        StringBuilder b = new StringBuilder(shownPath).append(": \"").append(p.title()).append("\": causes ")
                .append(causes.inferred() ? "read from the text" : "named in the header").append('\n');
        for (int i = 0; i < causes.slugs().size(); i++) {
            String slug = causes.slugs().get(i);
            String evidence = causes.evidenceFor(slug);
            b.append("  ").append(slug).append(i == 0 ? " (primary)" : "").append(": ")
                    .append(evidence == null ? "no sentence states a cause" : "\"" + evidence + "\"").append('\n');
        }
        return b.toString();
    }
}
