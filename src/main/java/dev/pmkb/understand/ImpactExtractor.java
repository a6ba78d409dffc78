package dev.pmkb.understand;

import dev.pmkb.model.Impact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who was hurt and how: the share of users, and the kinds of impact (the header's, else the text's). */
final class ImpactExtractor implements Extractor<ImpactExtractor.Hurt> {

    record Hurt(Impact impact, List<String> categories) {
    }

    private final Vocabulary vocabulary;
    private final SummaryExtractor summary;

    ImpactExtractor(Vocabulary vocabulary, SummaryExtractor summary) {
        this.vocabulary = vocabulary;
        this.summary = summary;
    }

    @Override
    public Hurt extract(Reading r) {
        String summaryText = r.of(summary);
        String impactText = r.joined(SectionKind.IMPACT);
        Impact impact = ImpactReader.read(impactText, summaryText);
        List<String> texts = new ArrayList<>();
        if (impactText != null) texts.add(impactText);
        if (summaryText != null) texts.add(summaryText);
        String facetText = String.join("\n", texts);
        List<String> categories = HeaderOverrides.list(r, "impact_categories", vocabulary.taxonomy().impactCategories()
                .stream().map(f -> f.slug()).toList(), () -> categories(facetText, impact));
        return new Hurt(impact, categories);
    }

    private List<String> categories(String text, Impact impact) {
        Set<String> found = new LinkedHashSet<>();
        for (PhraseIndex.Hit<String> h : vocabulary.impactPhrases().find(Words.of(text))) found.add(h.label());
        Double pct = impact.usersPercent();
        // "Unavailable for 30% of users" is a partial outage: what those users saw is not what all users saw.
        if (pct != null && pct < 100 && pct > 0) {
            found.remove("full-outage");
            found.add("partial-outage");
        }
        List<String> ordered = new ArrayList<>();
        for (var f : vocabulary.taxonomy().impactCategories()) {
            if (found.contains(f.slug())) ordered.add(f.slug());
        }
        return ordered;
    }
}
