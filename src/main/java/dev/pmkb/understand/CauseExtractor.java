package dev.pmkb.understand;

import dev.pmkb.model.CauseEvidence;
import dev.pmkb.model.Causes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why it happened: the root-cause text, and its cause tags: the header's, else read from the text by
 * {@link CauseClassifier}, each with the sentence it came from.
 */
final class CauseExtractor implements Extractor<CauseExtractor.Why> {

    record Why(String rootCause, Causes causes) {
    }

    private final Vocabulary vocabulary;
    private final CauseClassifier classifier;
    private final SummaryExtractor summary;

    CauseExtractor(Vocabulary vocabulary, SummaryExtractor summary) {
        this.vocabulary = vocabulary;
        this.classifier = new CauseClassifier(vocabulary);
        this.summary = summary;
    }

    @Override
    public Why extract(Reading r) {
        String rootCause = rootCauseText(r);
        return new Why(rootCause, causeTags(r, rootCause, r.of(summary)));
    }

    private static String rootCauseText(Reading r) {
        List<String> parts = new ArrayList<>();
        for (Section s : r.sections) {
            if (s.isEmpty()) continue;
            if (s.kind() == SectionKind.ROOT_CAUSE) parts.add(r.textOf(s));
            else if (s.kind() == SectionKind.ROOT_CAUSE_AND_RESOLUTION) {
                String cause = r.causeAndFix(s)[0];
                if (!cause.isBlank()) parts.add(cause);
            }
        }
        return parts.isEmpty() ? null : PlainText.clip(String.join("\n\n", parts), 20_000);
    }

    private Causes causeTags(Reading r, String rootCause, String summary) {
        List<String> named = r.header.list("tags");
        String key = "tags";
        for (String k : List.of("root_causes", "causes")) {
            if (!r.header.list(k).isEmpty()) {
                named = r.header.list(k);
                key = k;
            }
        }
        if (!named.isEmpty()) {
            Set<String> kept = new LinkedHashSet<>();
            for (String value : named) {
                String slug = Naming.slug(value);
                if (vocabulary.taxonomy().cause(slug).isPresent()) kept.add(slug);
                // Free tags that name no cause are the author's keywords (Keywords), not mistakes.
                else if (!key.equals("tags")) r.findings.warnAtFile(r.header.line(key), "unknown root-cause tag \"" + value + "\" in header "
                        + key + ": not in the taxonomy (" + String.join(", ",
                        vocabulary.taxonomy().causes().stream().map(c -> c.slug()).toList()) + ")");
            }
            if (!kept.isEmpty()) {
                String why = "named in the header (" + key + ")";
                return new Causes(List.copyOf(kept), false,
                        kept.stream().map(slug -> new CauseEvidence(slug, why)).toList());
            }
        }
        return classifier.classify(CauseClassifier.passages(rootCause, summary, r.sections, r::textOf));
    }
}
