package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.Taxonomy;
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
    void reasonsNameCausesByTheirDisplayNames() {
        Taxonomy taxonomy = new Taxonomy(List.of(new CauseTag("connection-pool-exhaustion", "Connection pool exhaustion",
                "", List.of())));
        Map<String, List<Related>> all = RelatedIncidents.compute(Library.incidents(), 5, taxonomy);
        List<String> reasons = link(all, "2023/pool-orders", "2023/pool-search").reasons();
        assertEquals("same root cause: Connection pool exhaustion", reasons.getFirst());
        // a tag the taxonomy does not know keeps its slug
        assertTrue(link(all, "2023/cert-api", "2024/cert-login").reasons().contains("same root cause: expired-certificate"));
    }

    /** Sixty write-ups: a few share a rare, repeated word; many use genre words once each. */
    private static List<Postmortem> libraryWithGenreWords() {
        List<Postmortem> out = new ArrayList<>();
        String[] topics = {"redis eviction", "kafka consumer lag", "ldap timeout", "cron overlap", "s3 throttling",
                "dns propagation", "jvm heap", "tls handshake", "disk inode", "raft election"};
        for (int i = 0; i < 60; i++) {
            String topic = topics[i % topics.length];
            String genre = i % 2 == 0 ? "We determined the proper fix quickly and properly." : "It was incorrect, oh well.";
            String body = "The " + topic + " failed. The " + topic + " broke again, " + topic + " everywhere. " + genre;
            out.add(incident(String.format("%02d", i)).title("Incident " + i)
                    .rootCause(body).resolution("Restarted the " + topic.split(" ")[0] + ". " + genre)
                    .markdown("# Incident " + i + "\n\n" + body + "\n").build());
        }
        return out;
    }

    @Test
    void sharedWordsShownAreMeaningfulNotGenreWordsAdverbsOrStopWords() {
        Map<String, List<Related>> all = RelatedIncidents.compute(libraryWithGenreWords());
        List<String> shown = all.values().stream().flatMap(List::stream).flatMap(r -> r.reasons().stream())
                .filter(r -> r.startsWith("also mentions: "))
                .flatMap(r -> java.util.Arrays.stream(r.substring("also mentions: ".length()).split(", ")))
                .flatMap(w -> java.util.Arrays.stream(w.split(" "))).distinct().toList();
        assertFalse(shown.isEmpty());
        for (String genre : List.of("determined", "proper", "properly", "quickly", "incorrect", "oh", "well", "fix")) {
            assertFalse(shown.contains(genre), genre + " shown: " + shown);
        }
        assertTrue(shown.contains("redis") || shown.contains("eviction"), shown.toString());
        // incidents of the same topic link each other, although none has a cause tag
        assertTrue(ids(all.get("00")).contains("10"), all.get("00").toString());
        assertTrue(ids(all.get("00")).stream().allMatch(id -> Integer.parseInt(id) % 10 == 0), all.get("00").toString());
    }

    @Test
    void incidentsWithoutACauseLinkBySimilarText() {
        List<Postmortem> incidents = new ArrayList<>(Library.incidents());
        incidents.add(incident("2021/queue-stall-2").title("Queue workers stalled again")
                .summary("The worker pool connection to the queue broke once more; the queue workers stalled.")
                .rootCause("Unknown.").resolution("Restarted the queue workers.").causes("unknown").build());
        Map<String, List<Related>> all = RelatedIncidents.compute(incidents);
        Related link = link(all, "2021/pool-reversed", "2021/queue-stall-2");
        assertTrue(link.reasons().stream().anyMatch(r -> r.startsWith("also mentions: ")), link.toString());
        assertTrue(link.reasons().stream().noneMatch(r -> r.startsWith("same root cause")), link.toString());
    }

    @Test
    void theSameComponentTheSameWeekLinksWithoutACause() {
        List<Postmortem> incidents = List.of(
                incident("a").date("2024-03-01").summary("Writes failed.").components("Ceph").build(),
                incident("b").date("2024-03-04").summary("Reads were slow.").components("Ceph").build(),
                incident("c").date("2024-05-20").summary("Logins failed.").components("Ceph").build(),
                incident("d").date("2024-03-02").summary("Pages were blank.").components("Varnish").build());
        Map<String, List<Related>> all = RelatedIncidents.compute(incidents);
        assertEquals(List.of("b"), ids(all.get("a")));
        assertTrue(all.get("a").getFirst().reasons().contains("3 days apart"), all.get("a").toString());
        // the same component months apart, or the same week in another component, is not enough
        assertEquals(List.of(), all.get("c"));
        assertEquals(List.of(), all.get("d"));
    }

    @Test
    void aWriteUpThatRefersToAnotherLinksItBothWays() {
        List<Postmortem> incidents = List.of(
                incident("2019/ip-starvation").title("Kubernetes network infrastructure IP starvation")
                        .summary("Pods could not be scheduled.").build(),
                incident("2019/node-deletion").title("Cluster node deletion")
                        .markdown("# Cluster node deletion\n\nDaemon sets failed "
                                + "(see [PM2019-009](https://github.com/o/r/blob/master/PM2019-009%20-%20Kubernetes%20"
                                + "network%20infrastructure%20IP%20starvation.md)).\n").build(),
                incident("2019/iac-revert").title("Hellman IaC accidentally reverted")
                        .summary("A pipeline run reverted the infrastructure.").build(),
                incident("2019/timeline").title("Ingress outage")
                        .markdown("# Ingress outage\n\n| 12:00 | A pull request triggers the Hellman pipeline, which "
                                + "accidentally reverts the IaC (see separate post-mortem) |\n").build(),
                incident("2019/by-file").title("Certificate expiry")
                        .markdown("# Certificate expiry\n\nSee [the other one](../2019/timeline.md).\n").build(),
                incident("2019/unrelated").title("Billing export late")
                        .summary("The nightly export ran late.").build());
        Map<String, List<Related>> all = RelatedIncidents.compute(incidents);
        assertEquals("this write-up refers to it",
                link(all, "2019/node-deletion", "2019/ip-starvation").reasons().getFirst());
        assertEquals("its write-up refers to this one",
                link(all, "2019/ip-starvation", "2019/node-deletion").reasons().getFirst());
        link(all, "2019/timeline", "2019/iac-revert");
        link(all, "2019/iac-revert", "2019/timeline");
        link(all, "2019/by-file", "2019/timeline");
        assertEquals(List.of(), all.get("2019/unrelated"));
    }

    @Test
    void aLongLineWithoutSpacesIsReadInLinearTime() {
        String line = "x".repeat(400_000) + ".md " + "y.md".repeat(100_000);
        List<Postmortem> incidents = List.of(incident("a").markdown("# A\n\n" + line + "\n").build(),
                incident("y").title("Y").summary("Why.").build());
        long start = System.nanoTime();
        RelatedIncidents.compute(incidents);
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "relating a long line took too long");
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
