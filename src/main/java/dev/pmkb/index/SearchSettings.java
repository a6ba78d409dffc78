package dev.pmkb.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the search client must know to search like {@link Searcher}, in one place: the static export writes it
 * into the manifest and the client reads it from there (docs/search-index-format.md, "query"), so nothing of it
 * is copied by hand into JavaScript.
 *
 * @param synonyms each set's alternatives, each the analysed terms of one phrase ({@code [[disk, full], [disk,
 *                 space], [space, left]]}); a query whose words are one alternative matches any of them
 */
public record SearchSettings(List<List<List<String>>> synonyms) {

    /** When every-word matching finds fewer incidents than this, incidents matching most of the words follow. */
    public static final int PARTIAL_BELOW = 5;

    public SearchSettings {
        synonyms = synonyms.stream().map(set -> set.stream().map(List::copyOf).toList()).toList();
    }

    public static final SearchSettings NONE = new SearchSettings(List.of());

    private static final JsonFactory JSON = new JsonFactory();
    private static final PmkbAnalyzer ANALYZER = new PmkbAnalyzer();

    /**
     * Synonym phrases as the analyzer reduces them; a phrase of stop words only is dropped, and so is a set left
     * with fewer than two different alternatives.
     */
    public static SearchSettings of(List<List<String>> synonymPhrases) {
        List<List<List<String>>> sets = new ArrayList<>();
        for (List<String> phrases : synonymPhrases) {
            Set<List<String>> alternatives = new LinkedHashSet<>();
            for (String phrase : phrases) {
                List<String> terms = Analysis.terms(ANALYZER, phrase);
                if (!terms.isEmpty()) alternatives.add(terms);
            }
            if (alternatives.size() >= 2) sets.add(List.copyOf(alternatives));
        }
        return new SearchSettings(sets);
    }

    static String synonymsJson(List<List<String>> phrases) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (List<String> set : phrases) {
                g.writeStartArray();
                for (String phrase : set) g.writeString(phrase);
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<List<String>> synonymPhrases(String json) {
        List<List<String>> sets = new ArrayList<>();
        if (json == null || json.isBlank()) return sets;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return sets;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                List<String> set = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) set.add(p.getText());
                sets.add(set);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sets;
    }

    /** The settings an index was written with (its synonyms are in its commit data). */
    public static SearchSettings of(org.apache.lucene.index.DirectoryReader reader) throws IOException {
        return of(synonymPhrases(reader.getIndexCommit().getUserData().get(SearchIndex.SYNONYMS_KEY)));
    }
}
