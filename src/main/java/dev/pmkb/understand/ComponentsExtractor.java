package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The components the postmortem names (the header's list, else the taxonomy's components found in the text). */
final class ComponentsExtractor implements Extractor<List<String>> {

    /** Components are named early and often; this many characters are plenty. */
    private static final int TEXT_LIMIT = 500_000;

    private final Vocabulary vocabulary;

    ComponentsExtractor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public List<String> extract(Reading r) {
        return HeaderOverrides.list(r, "components", null, () -> named(r.markdown));
    }

    private List<String> named(String md) {
        Set<String> found = new LinkedHashSet<>();
        Words words = Words.of(md.length() > TEXT_LIMIT ? md.substring(0, TEXT_LIMIT) : md);
        List<PhraseIndex.Hit<String>> hits = vocabulary.componentPhrases().find(words);
        List<PhraseIndex.Hit<String>> exceptions = hits.isEmpty() ? List.of() : vocabulary.componentExceptions().find(words);
        for (PhraseIndex.Hit<String> h : hits) {
            if (!h.isExceptedBy(exceptions)) found.add(h.label());
        }
        List<String> names = new ArrayList<>();
        for (var c : vocabulary.taxonomy().components()) {
            if (found.contains(c.slug())) names.add(c.name());
        }
        return names;
    }
}
