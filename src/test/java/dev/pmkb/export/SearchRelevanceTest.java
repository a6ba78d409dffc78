package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.index.Hit;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.index.SearchRequest;
import dev.pmkb.index.Searcher;
import dev.pmkb.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relevance benchmark (docs/benchmarks.md, "Search relevance"): questions a reader asks about root causes, in
 * everyday words ({@code relevance-questions.tsv}), searched as the site's search box searches them (typo fallback,
 * synonyms, partial matches; {@code Searcher.find}, which ranks like the browser: SearchParityTest) on the
 * 140-postmortem corpus, each result judged by the hand-made labels of {@code ../shared/labels/dev.jsonl}.
 *
 * <p>A result is relevant when the asked cause is among its label's {@code causes_must} or {@code causes_ok}.
 * Results without a label are passed over (they are neither right nor wrong). A question's precision is the share
 * of relevant results among its first k labelled results, k = min(5, how many labelled postmortems have the
 * cause), so a cause with three incidents can score 1. A question without results scores 0. Prints every
 * question and the mean; fails below the floor: mean ≥ 0.9 and no question empty.
 *
 * <p>Run: {@code mvn -B -q test -Dtest=SearchRelevanceTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SearchRelevanceTest {

    static final double FLOOR = 0.9;
    static final int K = 5;

    record Question(String text, String cause) {
    }

    @Test
    void causeQuestionsFindTheirIncidents() throws Exception {
        Path site = Shared.corpusSite().output();
        Map<String, Set<String>> labels = labels(Shared.sharedFolder("labels").resolve("dev.jsonl"));
        Map<String, String> sourceOfUrl = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode incident : json.readTree(site.resolve("incidents.json").toFile()).get("incidents")) {
            sourceOfUrl.put(incident.get("url").asText(), incident.get("source").asText());
        }
        List<String> chunks = SearchExport.termChunks(site);
        double sum = 0;
        List<String> empty = new ArrayList<>();
        List<Question> questions = questions();
        try (Searcher searcher = Searcher.open(SearchIndex.besideSite(site))) {
            for (Question q : questions) {
                // as the search box sends it: the last word may be unfinished
                List<Hit> hits = searcher.find(new SearchRequest(q.text(), List.of(), 1000, true), chunks).hits();
                long relevantAnywhere = labels.values().stream().filter(c -> c.contains(q.cause())).count();
                int k = (int) Math.min(K, relevantAnywhere);
                List<String> judged = hits.stream().map(h -> sourceOfUrl.get(h.url())).filter(labels::containsKey)
                        .limit(k).toList();
                long relevant = judged.stream().filter(s -> labels.get(s).contains(q.cause())).count();
                double precision = k == 0 ? 1 : relevant / (double) k;
                if (hits.isEmpty()) empty.add(q.text());
                sum += precision;
                System.out.printf("%.2f  %-40s %-28s %3d results, top %d: %s%n", precision, q.text(), q.cause(),
                        hits.size(), k, judged);
            }
        }
        double mean = sum / questions.size();
        System.out.printf("search relevance: mean precision@%d %.3f over %d questions, %d without results%n", K, mean,
                questions.size(), empty.size());
        assertEquals(List.of(), empty, "questions without results");
        assertTrue(mean >= FLOOR, "mean precision " + mean + " is below " + FLOOR);
    }

    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        try (InputStream in = SearchRelevanceTest.class.getResourceAsStream("/dev/pmkb/search/relevance-questions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                out.add(new Question(parts[0].strip(), parts[1].strip()));
            }
        }
        assertTrue(out.size() >= 20, "questions: " + out.size());
        return out;
    }

    /** Source file name (e.g. {@code 003.md}) → the causes a reader accepts for it (must and ok). */
    static Map<String, Set<String>> labels(Path file) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (dev.pmkb.testing.CauseLabels label : dev.pmkb.testing.CauseLabels.read(file)) {
            Set<String> causes = new HashSet<>(label.must());
            causes.addAll(label.ok());
            out.put(label.name(), causes);
        }
        return out;
    }
}
