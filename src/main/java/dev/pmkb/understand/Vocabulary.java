package dev.pmkb.understand;

import dev.pmkb.model.Taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The loaded taxonomy together with the phrase indexes and rankings built from it once per site. */
record Vocabulary(TaxonomyLoader.Definition definition, Taxonomy taxonomy, PhraseIndex<String> causePhrases,
                  PhraseIndex<String> causeExceptions, Map<String, Integer> specificity, PhraseIndex<String> impactPhrases,
                  PhraseIndex<String> componentPhrases, PhraseIndex<String> componentExceptions) {

    static Vocabulary of(TaxonomyLoader.Definition d) {
        Taxonomy taxonomy = new Taxonomy(d.causes().stream().map(TaxonomyLoader.Entry::cause).toList(),
                d.impactCategories().stream().map(TaxonomyLoader.Entry::facet).toList(),
                d.components().stream().map(TaxonomyLoader.Entry::facet).toList(), d.synonyms());
        PhraseIndex<String> causes = new PhraseIndex<>();
        PhraseIndex<String> exceptions = new PhraseIndex<>();
        Map<String, Integer> specificity = new HashMap<>();
        for (TaxonomyLoader.Entry e : d.causes()) {
            specificity.put(e.slug(), e.specificityOrDefault());
            for (String p : e.allPhrases()) causes.add(e.slug(), p);
            for (String p : e.exceptPhrases()) exceptions.add(e.slug(), p);
        }
        PhraseIndex<String> componentExceptions = new PhraseIndex<>();
        for (TaxonomyLoader.Entry e : d.components()) {
            for (String p : e.exceptPhrases()) componentExceptions.add(e.slug(), p);
        }
        return new Vocabulary(d, taxonomy, causes, exceptions, Map.copyOf(specificity), index(d.impactCategories()),
                index(d.components()), componentExceptions);
    }

    private static PhraseIndex<String> index(List<TaxonomyLoader.Entry> entries) {
        PhraseIndex<String> index = new PhraseIndex<>();
        for (TaxonomyLoader.Entry e : entries) {
            for (String p : e.allPhrases()) index.add(e.slug(), p);
        }
        return index;
    }
}
