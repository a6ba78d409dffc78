package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelatedIncidentsTest {

    private static List<String> ids(List<Related> related) {
        return related.stream().map(Related::id).toList();
    }

    private static Related link(Map<String, List<Related>> all, String from, String to) {
        return all.get(from).stream().filter(r -> r.id().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError(from + " does not link to " + to + ": " + all.get(from)));
    }

    @Test
    void incidentsWithTheSameRootCauseLinkToEachOther() {
        Map<String, List<Related>> all = RelatedIncidents.compute(Library.incidents());
        for (String from : List.of("2023/pool-orders", "2023/pool-search", "2024/pool-payments")) {
            for (String to : List.of("2023/pool-orders", "2023/pool-search", "2024/pool-payments")) {
                if (!from.equals(to)) link(all, from, to);
            }
        }
        link(all, "2023/cert-api", "2024/cert-login");
        link(all, "2024/cert-login", "2023/cert-api");
        assertTrue(link(all, "2023/pool-orders", "2023/pool-search").score()
                > link(all, "2023/pool-orders", "2024/pool-payments").score() - 1, "scores are present");
    }

    @Test
    void unrelatedFailuresDoNotLink() {
        Map<String, List<Related>> all = RelatedIncidents.compute(Library.incidents());
        for (String cert : List.of("2023/cert-api", "2024/cert-login")) {
            assertTrue(ids(all.get(cert)).stream().noneMatch(id -> id.contains("pool")), all.get(cert).toString());
        }
        assertTrue(ids(all.get("2023/pool-orders")).stream().noneMatch(id -> id.contains("cert")));
        // the DNS typo shares nothing with anyone: better no link than a bad one
        assertEquals(List.of(), all.get("2022/dns-typo"));
        // a shared component alone (MySQL) is not enough: the disk incident is not a pool incident
        assertFalse(ids(all.get("2022/disk-full")).contains("2023/pool-search"), all.get("2022/disk-full").toString());
    }

    @Test
    void reasonsNameTheSharedCauseComponentAndRealWords() {
        Map<String, List<Related>> all = RelatedIncidents.compute(Library.incidents());
        List<String> reasons = link(all, "2023/pool-orders", "2023/pool-search").reasons();
        assertEquals("same root cause: connection-pool-exhaustion", reasons.getFirst());
        assertTrue(reasons.contains("same component: MySQL"), reasons.toString());
        String mentions = reasons.stream().filter(r -> r.startsWith("also mentions: ")).findFirst().orElseThrow();
        // readable words as written in the text, not stems ("connect", "exhaust")
        for (String word : mentions.substring("also mentions: ".length()).split(", ")) {
            assertTrue(Library.incidents().getFirst().facts().rootCause().toLowerCase().contains(word.toLowerCase())
                    || Library.incidents().getFirst().facts().resolution().toLowerCase().contains(word.toLowerCase()),
                    word + " is not in the text: " + mentions);
        }
        assertTrue(mentions.contains("max connections") || mentions.contains("pool size")
                || mentions.contains("connection pool"), mentions);
        assertFalse(link(all, "2023/cert-api", "2024/cert-login").reasons().stream()
                .anyMatch(r -> r.contains("unknown")));
    }

    @Test
    void neverLinksToItselfAndIsDeterministic() {
        List<Postmortem> incidents = Library.incidents();
        Map<String, List<Related>> first = RelatedIncidents.compute(incidents, 3);
        List<Postmortem> shuffled = new ArrayList<>(incidents);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Map<String, List<Related>> second = RelatedIncidents.compute(shuffled, 3);
        assertEquals(first, second);
        assertEquals(incidents.size(), first.size());
        first.forEach((id, list) -> {
            assertFalse(ids(list).contains(id), id + " links to itself");
            assertTrue(list.size() <= 3);
            for (int i = 1; i < list.size(); i++) assertTrue(list.get(i - 1).score() >= list.get(i).score());
        });
        assertThrows(IllegalArgumentException.class, () -> RelatedIncidents.compute(incidents, 0));
    }

    @Test
    void tiesBreakById() {
        List<Postmortem> incidents = List.of(
                incident("c").rootCause("Redis eviction storm").causes("cache-eviction").build(),
                incident("b").rootCause("Redis eviction storm").causes("cache-eviction").build(),
                incident("a").rootCause("Redis eviction storm").causes("cache-eviction").build());
        Map<String, List<Related>> all = RelatedIncidents.compute(incidents);
        assertEquals(List.of("a", "b"), ids(all.get("c")));
        assertEquals(List.of("a", "c"), ids(all.get("b")));
    }

    @Test
    void corpusRunsAreIdenticalAndNeverSelfLinked() throws Exception {
        List<Postmortem> corpus = TestIncidents.corpus();
        Map<String, List<Related>> first = RelatedIncidents.compute(corpus);
        assertEquals(first, RelatedIncidents.compute(corpus));
        long linked = first.values().stream().filter(l -> !l.isEmpty()).count();
        System.out.println("corpus: " + linked + " of " + corpus.size() + " incidents have related ones; sample "
                + first.entrySet().stream().filter(e -> !e.getValue().isEmpty()).limit(3).toList());
        first.forEach((id, list) -> assertFalse(ids(list).contains(id)));
    }
}
