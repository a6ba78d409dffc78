package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearcherTest {

    @TempDir
    static Path dir;
    static Searcher searcher;

    @BeforeAll
    static void writeIndex() throws IOException {
        List<Postmortem> incidents = new ArrayList<>(Library.incidents());
        // two twins whose scores tie: ids decide, not insertion order
        incidents.add(0, incident("z-twin").title("Kafka rebalance storm").rootCause("Kafka rebalance storm.").build());
        incidents.add(incident("a-twin").title("Kafka rebalance storm").rootCause("Kafka rebalance storm.").build());
        SearchIndex.write(incidents, dir.resolve("index"));
        searcher = Searcher.open(dir.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static List<String> ids(SearchRequest request) throws Exception {
        return searcher.search(request).stream().map(Hit::id).toList();
    }

    @Test
    void connectionPoolFindsThePoolIncidentsFirst() throws Exception {
        List<Hit> hits = searcher.search(SearchRequest.of("connection pool"));
        // the two that say "connection pool" lead: words typed side by side score more side by side
        Set<String> top2 = hits.stream().limit(2).map(Hit::id).collect(Collectors.toSet());
        assertEquals(Set.of("2023/pool-orders", "2023/pool-search"), top2);
        assertTrue(hits.stream().anyMatch(h -> h.id().equals("2024/pool-payments")), hits.toString());
        // every word must match: the disk incident mentions connections but no pool
        assertTrue(hits.stream().noneMatch(h -> h.id().equals("2022/disk-full")), hits.toString());
        assertEquals("incidents/2023-pool-orders.html",
                hits.stream().filter(h -> h.id().equals("2023/pool-orders")).findFirst().orElseThrow().url());
        for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
    }

    @Test
    void causeFiltersWithoutChangingScores() throws Exception {
        List<Hit> all = searcher.search(SearchRequest.of("connection"));
        assertTrue(all.stream().anyMatch(h -> h.id().equals("2022/disk-full")));
        List<Hit> disk = searcher.search(SearchRequest.of("connection").withCauses("disk-full"));
        assertEquals(List.of("2022/disk-full"), disk.stream().map(Hit::id).toList());
        Hit unfiltered = all.stream().filter(h -> h.id().equals("2022/disk-full")).findFirst().orElseThrow();
        assertEquals(unfiltered.score(), disk.getFirst().score());
        assertEquals(Set.of("2022/disk-full", "2023/pool-search"),
                Set.copyOf(ids(SearchRequest.of("connection").withCauses("disk-full", "slow-query"))));
        assertEquals(List.of(), ids(SearchRequest.of("connection").withCauses("no-such-cause")));
    }

    @Test
    void phraseNeedsTheWordsTogetherInOrder() throws Exception {
        List<String> terms = ids(SearchRequest.of("pool connection"));
        List<String> phrase = ids(SearchRequest.of("\"pool connection\""));
        assertTrue(terms.containsAll(List.of("2021/pool-reversed", "2023/pool-orders")), terms.toString());
        assertEquals(List.of("2021/pool-reversed"), phrase);
        assertTrue(ids(SearchRequest.of("\"connection pool\"")).containsAll(
                List.of("2023/pool-orders", "2023/pool-search")));
        // stop words inside a phrase are gaps: "pool of 20" is not "pool 20"
        assertEquals(List.of(), ids(SearchRequest.of("\"pool size 20\"")));
        assertEquals(List.of("2023/pool-search"), ids(SearchRequest.of("\"pool size of 20\"")));
        // an unmatched quote quotes the rest
        assertEquals(List.of("2021/pool-reversed"), ids(SearchRequest.of("\"pool connection")));
    }

    @Test
    void prefixAppliesToTheLastWordOnlyWhenAsked() throws Exception {
        assertEquals(List.of(), ids(SearchRequest.of("certi")));
        assertEquals(Set.of("2023/cert-api", "2024/cert-login"), Set.copyOf(ids(SearchRequest.of("certi").withPrefix())));
        // only the last word: "certi" in the middle is a whole word, and no incident has it
        assertEquals(List.of(), ids(SearchRequest.of("certi expir").withPrefix()));
        assertEquals(Set.of("2023/cert-api", "2024/cert-login"),
                Set.copyOf(ids(SearchRequest.of("certificate expi").withPrefix())));
        // an unfinished word whose stem is shorter than what was typed: connectio -> connect
        assertTrue(ids(SearchRequest.of("pool connectio").withPrefix()).contains("2023/pool-orders"));
        // a finished word (trailing space) is not a prefix
        assertEquals(List.of(), ids(SearchRequest.of("certi ").withPrefix()));
    }

    @Test
    void prefixExpansionIsOrderedByDocumentFrequencyThenTerm() throws Exception {
        List<String> expansions = searcher.expand(new ParsedQuery.Prefix("re", null));
        assertTrue(expansions.size() > 3, expansions.toString());
        assertTrue(expansions.stream().allMatch(t -> t.startsWith("re")));
        assertEquals(expansions, searcher.expand(new ParsedQuery.Prefix("re", null)));
        assertTrue(searcher.expand(new ParsedQuery.Prefix("connectio", null)).contains("connect"));
    }

    @Test
    void tiesBreakById() throws Exception {
        List<Hit> hits = searcher.search(SearchRequest.of("kafka rebalance"));
        assertEquals(List.of("a-twin", "z-twin"), hits.stream().map(Hit::id).toList());
        assertEquals(hits.get(0).score(), hits.get(1).score());
        for (int i = 0; i < 3; i++) assertEquals(hits, searcher.search(SearchRequest.of("kafka rebalance")));
    }

    @Test
    void malformedQueriesSayWhatIsWrong() {
        assertEquals("empty query: type one or more words to search for",
                assertThrows(QueryException.class, () -> searcher.search(SearchRequest.of("   "))).getMessage());
        String stop = assertThrows(QueryException.class, () -> searcher.search(SearchRequest.of("the of and")))
                .getMessage();
        assertTrue(stop.contains("only common words") && stop.contains("the, of, and"), stop);
        String symbols = assertThrows(QueryException.class, () -> searcher.search(SearchRequest.of("!!! ???")))
                .getMessage();
        assertTrue(symbols.contains("letters or digits"), symbols);
        StringBuilder tenKb = new StringBuilder();
        for (int i = 0; tenKb.length() < 10_000; i++) tenKb.append("word").append(i).append(' ');
        String tooLong = assertThrows(QueryException.class, () -> searcher.search(SearchRequest.of(tenKb.toString())))
                .getMessage();
        assertTrue(tooLong.startsWith("query too long") && tooLong.contains("at most 32"), tooLong);
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withLimit(0));
    }

    @Test
    void limitAndNoHits() throws Exception {
        assertEquals(2, searcher.search(SearchRequest.of("pool").withLimit(2)).size());
        assertEquals(List.of(), searcher.search(SearchRequest.of("zebra")));
    }
}
