package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import dev.pmkb.read.MarkdownParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    @TempDir
    Path dir;

    @Test
    void documentsAreGroupedByPrimaryCauseThenIdInOneSegmentWithStoredFields() throws Exception {
        List<Postmortem> shuffled = new ArrayList<>(Library.incidents());
        Collections.shuffle(shuffled, new java.util.Random(3));
        Path indexDir = dir.resolve("index");
        SearchIndex.write(shuffled, indexDir);
        List<String> sortedIds = Library.incidents().stream()
                .sorted(java.util.Comparator.comparing((Postmortem p) -> p.facts().causes().primary()).thenComparing(Postmortem::id))
                .map(Postmortem::id).toList();
        assertTrue(!sortedIds.equals(sortedIds.stream().sorted().toList()), "the test library tells the two orders apart");
        try (FSDirectory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            List<String> ids = new ArrayList<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) ids.add(reader.storedFields().document(doc).get("id"));
            assertEquals(sortedIds, ids);
            Document orders = reader.storedFields().document(sortedIds.indexOf("2023/pool-orders"));
            assertEquals("incidents/2023-pool-orders.html", orders.get(SearchIndex.URL));
            assertEquals("Orders API down: database connection pool exhausted", orders.get(SearchIndex.TITLE));
            assertEquals("2023-03-02", orders.get(SearchIndex.DATE));
            assertArrayEquals(new String[]{"connection-pool-exhaustion"}, orders.getValues(SearchIndex.CAUSE));
            Document search = reader.storedFields().document(sortedIds.indexOf("2023/pool-search"));
            assertArrayEquals(new String[]{"connection-pool-exhaustion", "slow-query"}, search.getValues(SearchIndex.CAUSE));
            assertNull(search.get(SearchIndex.BODY), "body is not stored");

            LeafReader leaf = reader.leaves().getFirst().reader();
            assertEquals(3, reader.docFreq(new Term(SearchIndex.CAUSE, "connection-pool-exhaustion")));
            assertEquals(3, reader.docFreq(new Term(SearchIndex.COMPONENT, "MySQL")));
            assertEquals(2, reader.docFreq(new Term(SearchIndex.YEAR, "2022")));
            SortedSetDocValues facets = leaf.getSortedSetDocValues(SearchIndex.CAUSE);
            assertNotNull(facets, "cause has doc values for facet counts");
            assertTrue(facets.getValueCount() >= 6);
            for (String field : SearchIndex.TEXT_FIELDS.keySet()) {
                if (field.equals(SearchIndex.TAGS)) {
                    assertTrue(leaf.getFieldInfos().fieldInfo(field).omitsNorms(), "a tag list has no length to weigh");
                } else {
                    assertNotNull(leaf.getNormValues(field), field + " keeps norms");
                }
                assertTrue(leaf.getFieldInfos().fieldInfo(field).getIndexOptions().name().contains("POSITIONS"));
            }
            // a root cause is searchable as analysed text
            assertEquals(3, reader.docFreq(new Term(SearchIndex.ROOT_CAUSE, "pool")));
            assertEquals(java.util.Set.of("title", "rootCause", "summary", "body", "tags"), SearchIndex.TEXT_FIELDS.keySet());
            assertEquals(0, reader.docFreq(new Term(SearchIndex.BODY, "the")), "stop words are not indexed");
        }
        // writing again replaces the index
        SearchIndex.write(List.of(incident("only").title("Only one").build()), indexDir);
        try (FSDirectory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.numDocs());
        }
    }

    @Test
    void aLibraryThatFitsInOneFlushIsWrittenOnceAndNotRewrittenByTheMerge() throws Exception {
        Path indexDir = dir.resolve("small");
        SearchIndex.write(Library.incidents(), indexDir);
        try (FSDirectory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            var segment = ((org.apache.lucene.index.SegmentReader) reader.leaves().getFirst().reader()).getSegmentInfo().info;
            assertEquals("_0", segment.name, "the flushed segment itself, not a merge's copy of it");
            assertFalse(segment.getUseCompoundFile());
        }
    }

    /**
     * Document numbers come from the index sort: its key sorts as {@link SearchIndex#DOCUMENT_ORDER} does, for causes
     * that are absent, empty or a prefix of another, and ids whose UTF-16 order is not their UTF-8 order (a
     * supplementary character sorts before U+FFFF in Java, after it in UTF-8).
     */
    @Test
    void theIndexSortNumbersDocumentsInDocumentOrderWhateverOrderTheyWereAddedIn() throws Exception {
        String[] causes = {null, "", "a", "ab", "a-b", "b", "\uFFFF", "\uD83D\uDE00", "a\u0000"};
        String[] ids = {"x", "x\u0000", "xy", "x\uFFFF", "x\uD83D\uDE00", "2023/a b", "\u00E9t\u00E9", "X", ""};
        java.util.Random random = new java.util.Random(5);
        List<Postmortem> incidents = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = ids[random.nextInt(ids.length)] + (random.nextBoolean() ? "" : ids[random.nextInt(ids.length)]);
            if (!used.add(id)) continue;
            String cause = causes[random.nextInt(causes.length)];
            TestIncidents.Incident incident = incident(id).title("Incident " + i);
            incidents.add((cause == null ? incident.noCauses() : incident.causes(cause)).build());
        }
        List<Postmortem> expected = incidents.stream().sorted(SearchIndex.DOCUMENT_ORDER).toList();
        List<Postmortem> byKey = incidents.stream()
                .sorted(java.util.Comparator.comparing(SearchIndex::orderKey)).toList();
        assertEquals(ids(expected), ids(byKey));
        assertTrue(expected.stream().anyMatch(p -> SearchIndex.primaryCause(p) == null), "incidents without a cause");

        // added in reverse order, in two segments: the index sort still numbers them in document order
        List<Postmortem> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);
        Path indexDir = dir.resolve("sorted");
        SearchIndex.write(reversed.subList(0, reversed.size() / 2), indexDir);
        SearchIndex.update(indexDir, List.of(), reversed.subList(reversed.size() / 2, reversed.size()), null);
        try (FSDirectory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            List<String> stored = new ArrayList<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) stored.add(reader.storedFields().document(doc).get("id"));
            assertEquals(ids(expected), stored);
        }
    }

    /**
     * Lucene keeps the description of a field whose last document was deleted (whether it has norms, for one), which
     * a fresh write of the same library would not have: the update says so, and the caller writes afresh.
     */
    @Test
    void anUpdateThatLeavesAFieldWithoutDocumentsSaysItIsNotExact() throws Exception {
        Path indexDir = dir.resolve("fields");
        Postmortem dated = incident("dated").date("2023-03-02").build();
        Postmortem undated = incident("undated").title("Undated").build();
        Postmortem other = incident("other").title("Other").build();
        SearchIndex.write(List.of(dated, undated), indexDir);
        assertTrue(SearchIndex.update(indexDir, List.of(), List.of(other), null), "every field still has documents");
        assertFalse(SearchIndex.update(indexDir, List.of("dated"), List.of(), null), "no document has a year any more");
    }

    private static List<String> ids(List<Postmortem> incidents) {
        return incidents.stream().map(Postmortem::id).toList();
    }

    @Test
    void theBodyHoldsTheTitleOnce() {
        Postmortem fromHeader = incident("h").title("Kafka lag").markdown("Consumers fell behind.").build();
        assertEquals("Kafka lag\n\nConsumers fell behind.", SearchIndex.body(fromHeader));
        Postmortem inText = incident("t").title("Kafka lag").markdown("# Kafka lag\n\nConsumers fell behind.").build();
        assertEquals("Kafka lag\nConsumers fell behind.", SearchIndex.body(inText));
    }

    @Test
    void theBodyHoldsTheKeywords() {
        Postmortem p = incident("k").title("Lag").markdown("Consumers fell behind.").build();
        Postmortem tagged = new Postmortem(p.id(), p.source(), p.title(), p.date(), p.dateOrigin(), p.draft(), p.facts(),
                p.markdown(), p.body(), p.diagnostics(), List.of("kafka", "consumer lag"), false, p.title());
        assertEquals("Lag\n\nConsumers fell behind.\n\nkafka, consumer lag", SearchIndex.body(tagged));
    }

    @Test
    void duplicateIdsAreRefused() {
        List<Postmortem> twice = List.of(incident("a").build(), incident("a").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchIndex.write(twice, dir.resolve("x")));
        assertEquals("two incidents have the id a", e.getMessage());
    }

    @Test
    void bodyIsTheTextAReaderSeesWithoutUrlsOrHtml() {
        String plain = MarkdownParser.parse("""
                # Outage

                The [runbook](https://wiki.example.com/secret-path) said *restart* `nginx`then wait.
                <img src="diagram.png" alt="x"/>

                ```
                max_connections = 50
                ```
                | component | state |
                |---|---|
                | MySQL | down |
                """).text();
        assertTrue(plain.contains("Outage"));
        assertTrue(plain.contains("runbook"));
        assertFalse(plain.contains("wiki.example.com"), plain);
        assertFalse(plain.contains("diagram"), plain);
        assertTrue(plain.contains("max_connections = 50"), plain);
        assertTrue(plain.contains("MySQL"), plain);
        List<String> terms = Analysis.terms(new PmkbAnalyzer(), plain);
        assertTrue(terms.contains("nginx") && terms.contains("wait"), terms.toString());
        assertFalse(Analysis.terms(new PmkbAnalyzer(), plain).contains("nginxthen"), plain);
    }
}
