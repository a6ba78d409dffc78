package dev.pmkb.understand;

import dev.pmkb.model.Impact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who was hurt and how: the share of users, and the kinds of impact (the header's, else the text's). */
final class ImpactExtractor implements Extractor<ImpactExtractor.Hurt> {

    record Hurt(Impact impact, List<String> categories) {
    }

    /** "Affected users: 30%", "Users impacted - 100 %", "Percentage of customers affected: 12.5%". */
    private static final Pattern AFFECTED_FIELD = Pattern.compile(
            "(?i)(?:percentage of |share of )?(?:(?:affected|impacted) (?:users|customers|clients)|(?:users|customers|clients)"
                    + " (?:affected|impacted))\\s?[:\\-–]\\s*(?:about |approximately |~\\s?)?(\\d{1,2}(?:\\.\\d{1,2})?|100)\\s?%");
    /** Fields are looked for in this many lines. */
    private static final int MAX_FIELD_LINES = 2000;

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
        Impact read = ImpactReader.read(impactText, summaryText);
        Double share = read.usersPercent() == null ? shareApart(r) : null;
        Impact impact = share == null ? read : new Impact(share, read.services(), read.text());
        List<String> texts = new ArrayList<>();
        if (impactText != null) texts.add(impactText);
        if (summaryText != null) texts.add(summaryText);
        String facetText = String.join("\n", texts);
        List<String> categories = HeaderOverrides.list(r, "impact_categories", vocabulary.taxonomy().impactCategories()
                .stream().map(f -> f.slug()).toList(), () -> categories(facetText, impact));
        return new Hurt(impact, categories);
    }

    /**
     * A share of users stated outside the impact section and summary: in the opening paragraph of a report
     * with no summary heading, or in an "Affected users: 30%" field of a later section.
     */
    private static Double shareApart(Reading r) {
        for (Section s : r.sections) {
            if (s.kind() != SectionKind.PREAMBLE || s.isEmpty()) continue;
            Double share = ImpactReader.percent(PlainText.clip(r.textOf(s), 4000));
            if (share != null) return share;
        }
        int n = 0;
        for (Section s : r.sections) {
            for (SourceLine l : s.lines()) {
                if (n++ > MAX_FIELD_LINES) return null;
                if (l.isBlank() || l.text().length() > 200 || l.text().indexOf('%') < 0) continue;
                Matcher m = AFFECTED_FIELD.matcher(PlainText.line(l.text()));
                if (m.lookingAt()) return Double.parseDouble(m.group(1));
            }
        }
        return null;
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
