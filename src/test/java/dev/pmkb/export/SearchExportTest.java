package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip: everything the export says (docs/search-index-format.md) is what the Lucene index holds. */
class SearchExportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exampleSiteExportMatchesTheLuceneIndex() throws IOException {
        Path site = Shared.exampleSite().output();
        assertRoundTrip(SearchIndex.besideSite(site), site.resolve(SearchExport.DIRECTORY));
    }

    @Test
    void keptPreparedIncidentsAreUsedAndDamagedOnesPreparedAgainForTheSameExport(@TempDir Path tmp) throws IOException {
        Path content = Shared.exampleLibrary().resolve("content");
        dev.pmkb.understand.Understander understander = dev.pmkb.understand.Understander.defaults();
        List<dev.pmkb.model.Postmortem> incidents;
        try (var files = Files.walk(content)) {
            incidents = files.filter(dev.pmkb.read.SourceReader::hasPostmortemExtension).sorted()
                    .map(f -> understander.understand(dev.pmkb.read.SourceReader.read(content, f)))
                    .filter(p -> !p.draft()).toList();
        }
        Path lucene = tmp.resolve("lucene");
        SearchIndex.write(incidents, lucene);
        SearchExport.write(lucene, incidents, tmp.resolve("plain"));
        Map<String, byte[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
        PreparedIncidents memory = new PreparedIncidents() {
            @Override
            public byte[] kept(dev.pmkb.model.Postmortem incident) {
                return kept.get(incident.id());
            }

            @Override
            public void keep(dev.pmkb.model.Postmortem incident, byte[] prepared) {
                kept.put(incident.id(), prepared);
            }
        };
        SearchExport.write(lucene, incidents, null, memory, tmp.resolve("first"));
        assertEquals(incidents.size(), kept.size(), "every incident kept");
        SearchExport.write(lucene, incidents, null, memory, tmp.resolve("again"));
        assertEquals(filesOf(tmp.resolve("plain")), filesOf(tmp.resolve("first")));
        assertEquals(filesOf(tmp.resolve("plain")), filesOf(tmp.resolve("again")));

        // what is kept is what is used: a kept full text shows in the texts
        dev.pmkb.model.Postmortem first = incidents.getFirst();
        SnippetSource.Prepared prepared = SnippetSource.decode(kept.get(first.id()));
        kept.put(first.id(), SnippetSource.encode(new SnippetSource.Prepared("kept text", prepared.sentences(),
                prepared.fallback())));
        SearchExport.write(lucene, incidents, null, memory, tmp.resolve("used"));
        assertTrue(filesOf(tmp.resolve("used")).values().stream().anyMatch(f -> f.equals("{\"text\":\"kept text\"}")));

        // damaged entries: cut short, or not the export's at all
        kept.replaceAll((id, bytes) -> id.hashCode() % 2 == 0 ? java.util.Arrays.copyOf(bytes, bytes.length / 2)
                : "not an entry".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SearchExport.write(lucene, incidents, null, memory, tmp.resolve("damaged"));
        assertEquals(filesOf(tmp.resolve("plain")), filesOf(tmp.resolve("damaged")));
    }

    private static Map<String, String> filesOf(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) files.put(folder.relativize(f).toString(), Files.readString(f));
        }
        return files;
    }

    @Test
    void emptyLibraryExportsAnEmptyIndex(@TempDir Path tmp) throws IOException {
        SearchIndex.write(List.of(), tmp.resolve("lucene"));
        SearchExport.write(tmp.resolve("lucene"), List.of(), tmp.resolve("search"));
        JsonNode manifest = JSON.readTree(tmp.resolve("search/manifest.json").toFile());
        assertEquals(SearchExport.FORMAT, manifest.get("format").asInt());
        assertEquals(0, manifest.get("docCount").asInt());
        assertEquals(0, manifest.get("termChunks").size());
        assertEquals(0, manifest.get("shards").size());
    }

    static JsonNode read(Path dir, String name) throws IOException {
        return JSON.readTree(dir.resolve(name).toFile());
    }

    static void assertRoundTrip(Path lucene, Path export) throws IOException {
        JsonNode manifest = read(export, "manifest.json");
        try (FSDirectory directory = FSDirectory.open(lucene); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            LeafReader leaf = reader.leaves().getFirst().reader();
            int maxDoc = reader.maxDoc();
            assertEquals(SearchExport.FORMAT, manifest.get("format").asInt());
            assertEquals(maxDoc, manifest.get("docCount").asInt());

            // field statistics, boosts and Lucene's own norm bytes
            List<String> fields = new ArrayList<>(SearchIndex.TEXT_FIELDS.keySet());
            assertEquals(fields.size(), manifest.get("fields").size());
            for (int f = 0; f < fields.size(); f++) {
                JsonNode field = manifest.get("fields").get(f);
                Terms terms = leaf.terms(fields.get(f));
                assertEquals(fields.get(f), field.get("name").asText());
                assertEquals(SearchIndex.TEXT_FIELDS.get(fields.get(f)), (float) field.get("boost").asDouble());
                assertEquals(terms.getDocCount(), field.get("docCount").asInt());
                assertEquals(terms.getSumTotalTermFreq(), field.get("sumTotalTermFreq").asLong());
                int[] normCodes = NumberDecoder.decode(field.get("norms").asText());
                assertEquals(maxDoc, normCodes.length);
                byte[] norms = new byte[maxDoc];
                for (int d = 0; d < maxDoc; d++) norms[d] = (byte) field.get("normValues").get(normCodes[d]).asInt();
                NumericDocValues values = leaf.getNormValues(fields.get(f));
                byte[] expected = new byte[maxDoc];
                if (values == null) java.util.Arrays.fill(expected, (byte) 1); // no norms: Lucene scores them as 1
                for (int d = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc();
                        d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                    expected[d] = (byte) values.longValue();
                }
                assertArrayEquals(expected, norms, fields.get(f) + " norms");
            }

            // every term chunk: sorted terms inside its boundaries; postings and positions as Lucene has them
            List<String> firsts = strings(manifest.get("termChunks"));
            Map<String, String[]> exported = new TreeMap<>(Comparator.comparing(BytesRef::new));
            for (int c = 0; c < firsts.size(); c++) {
                JsonNode chunk = read(export, "t/" + c + ".json");
                List<String> terms = NumberDecoder.frontDecoded(chunk.get("terms").asText());
                assertEquals(firsts.get(c), terms.getFirst());
                if (c + 1 < firsts.size()) {
                    assertTrue(new BytesRef(terms.getLast()).compareTo(new BytesRef(firsts.get(c + 1))) < 0);
                    List<String> next = NumberDecoder.frontDecoded(read(export, "t/" + (c + 1) + ".json").get("terms").asText());
                    assertEquals(SearchExport.Writer.commonPrefix(terms.getLast(), next.getFirst()),
                            manifest.get("termChunkCommon").get(c + 1).asInt());
                }
                assertEquals(terms.size(), chunk.get("postings").size());
                for (int i = 0; i < terms.size(); i++) exported.put(terms.get(i), new String[]{chunk.get("postings").get(i).asText(), null});
                // cut by size: a chunk is near the target, however compressible its postings are
                long largest = 0;
                for (JsonNode entry : chunk.get("postings")) largest = Math.max(largest, SearchExport.gzip(JSON.writeValueAsBytes(entry)).length);
                long size = SearchExport.gzip(Files.readAllBytes(export.resolve("t/" + c + ".json"))).length;
                assertTrue(size <= 2L * SearchExport.CHUNK_GZIP_BYTES + largest, "t/" + c + ".json is " + size + " bytes gzipped");
            }
            List<String> positionFirsts = strings(manifest.get("positionChunks"));
            for (int c = 0; c < positionFirsts.size(); c++) {
                JsonNode chunk = read(export, "p/" + c + ".json");
                List<String> terms = NumberDecoder.frontDecoded(chunk.get("terms").asText());
                assertEquals(positionFirsts.get(c), terms.getFirst());
                for (int i = 0; i < terms.size(); i++) exported.get(terms.get(i))[1] = chunk.get("positions").get(i).asText();
            }
            int body = fields.indexOf(SearchIndex.BODY);
            TreeSet<String> luceneTerms = new TreeSet<>(Comparator.comparing(BytesRef::new));
            // per term: field → [docs…, freqs…] and field → positions (each doc's, as gaps), from Lucene
            Map<String, Map<Integer, List<Integer>>> expectedPostings = new HashMap<>();
            Map<String, Map<Integer, List<Integer>>> expectedPositions = new HashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                TermsEnum te = leaf.terms(fields.get(f)).iterator();
                PostingsEnum pe = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    String t = term.utf8ToString();
                    luceneTerms.add(t);
                    List<Integer> postings = new ArrayList<>();
                    List<Integer> positions = new ArrayList<>();
                    pe = te.postings(pe, PostingsEnum.POSITIONS);
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        postings.add(d);
                        postings.add(pe.freq());
                        int last = 0;
                        for (int k = 0; k < pe.freq(); k++) {
                            int p = pe.nextPosition();
                            positions.add(p - last);
                            last = p;
                        }
                    }
                    expectedPostings.computeIfAbsent(t, k -> new TreeMap<>()).put(f, postings);
                    expectedPositions.computeIfAbsent(t, k -> new TreeMap<>()).put(f, positions);
                }
            }
            assertEquals(List.copyOf(luceneTerms), List.copyOf(exported.keySet()), "the dictionary");
            int relative = 0;
            for (String t : luceneTerms) {
                Map<Integer, List<Integer>> decoded = new TreeMap<>();
                List<Integer> storedOrder = new ArrayList<>();
                relative += decodePostings(exported.get(t)[0], body, fields.size(), decoded, storedOrder);
                assertEquals(expectedPostings.get(t), decoded, "postings of " + t);
                List<Integer> positions = new ArrayList<>();
                for (int f : storedOrder) positions.addAll(expectedPositions.get(t).get(f));
                assertEquals(positions, java.util.Arrays.stream(NumberDecoder.decode(exported.get(t)[1])).boxed().toList(),
                        "positions of " + t);
            }
            assertTrue(relative > 0, "other fields' postings point into the body's");

            // the prefix table: as Searcher.expand ranks the body terms that start with the prefix
            JsonNode prefixes = read(export, "prefixes.json");
            TermsEnum bodyTerms = leaf.terms(SearchIndex.BODY).iterator();
            for (var it = prefixes.fieldNames(); it.hasNext(); ) {
                String prefix = it.next();
                List<Object[]> candidates = new ArrayList<>();
                if (bodyTerms.seekCeil(new BytesRef(prefix)) != TermsEnum.SeekStatus.END) {
                    for (BytesRef term = bodyTerms.term(); term != null && term.utf8ToString().startsWith(prefix); term = bodyTerms.next()) {
                        candidates.add(new Object[]{term.utf8ToString(), bodyTerms.docFreq()});
                    }
                }
                candidates.sort(Comparator.<Object[]>comparingInt(c -> -(int) c[1]).thenComparing(c -> new BytesRef((String) c[0])));
                List<Object> expected = new ArrayList<>();
                for (Object[] c : candidates.subList(0, Math.min(16, candidates.size()))) {
                    expected.add(c[0]);
                    expected.add(c[1]);
                }
                List<Object> actual = new ArrayList<>();
                for (JsonNode n : prefixes.get(prefix)) actual.add(n.isInt() ? n.asInt() : n.asText());
                assertEquals(expected, actual, "prefix " + prefix);
            }

            // result shards: runs of neighbouring documents, every doc once, with its stored fields
            List<Integer> shardFirsts = ints(manifest.get("shards"));
            int doc = 0;
            for (int s = 0; s < shardFirsts.size(); s++) {
                assertEquals(doc, shardFirsts.get(s), "shard " + s + " starts where the one before ends");
                for (JsonNode row : read(export, "r/" + s + ".json")) {
                    Document stored = leaf.storedFields().document(doc);
                    assertEquals(stored.get(SearchIndex.URL), row.get(0).asText());
                    assertEquals(stored.get(SearchIndex.TITLE), row.get(1).asText());
                    assertEquals(stored.get(SearchIndex.DATE) == null ? "" : stored.get(SearchIndex.DATE), row.get(2).asText());
                    assertEquals(List.of(stored.getValues(SearchIndex.CAUSE)), strings(row.get(3)));
                    assertNotNull(row.get(4).asText());
                    doc++;
                }
            }
            assertEquals(maxDoc, doc, "every document in a shard");

            // facets: the doc values
            List<String> facetNames = new ArrayList<>();
            for (JsonNode facet : manifest.get("facets")) {
                String name = facet.get("name").asText();
                facetNames.add(name);
                Map<String, List<Integer>> expected = new TreeMap<>(Comparator.comparing(BytesRef::new));
                SortedSetDocValues values = leaf.getSortedSetDocValues(name);
                if (values != null) {
                    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            expected.computeIfAbsent(values.lookupOrd(values.nextOrd()).utf8ToString(),
                                    v -> new ArrayList<>()).add(d);
                        }
                    }
                }
                Map<String, List<Integer>> actual = new TreeMap<>(Comparator.comparing(BytesRef::new));
                int[] sets = NumberDecoder.decode(facet.get("docs").asText());
                assertEquals(maxDoc, sets.length);
                for (int d = 0; d < maxDoc; d++) {
                    for (JsonNode v : facet.get("sets").get(sets[d])) {
                        actual.computeIfAbsent(facet.get("values").get(v.asInt()).asText(), x -> new ArrayList<>()).add(d);
                    }
                }
                assertEquals(expected, actual, "facet " + name);
            }
            assertEquals(SearchExport.FACETS, facetNames);
        }
    }

    /**
     * Decodes one term's postings code into field → [doc, freq, doc, freq, …] and the fields in stored order;
     * returns how many fields were stored relative to the body.
     */
    static int decodePostings(String code, int body, int fieldCount, Map<Integer, List<Integer>> out, List<Integer> order) {
        int[] v = NumberDecoder.decode(code);
        int i = 0;
        int mask = v[i++];
        if ((mask & (1 << body)) != 0) order.add(body);
        for (int f = 0; f < fieldCount; f++) if (f != body && (mask & (1 << f)) != 0) order.add(f);
        List<Integer> bodyDocs = new ArrayList<>();
        int relativeFields = 0;
        for (int f : order) {
            int n = v[i++];
            boolean relative = false;
            if (f != body) {
                relative = (n & 1) == 1;
                n >>>= 1;
                if (relative) relativeFields++;
            }
            List<Integer> postings = new ArrayList<>();
            int previous = -1;
            for (int k = 0; k < n; k++) {
                int c = v[i++];
                previous += (c >>> 1) + 1;
                int doc = relative ? bodyDocs.get(previous) : previous;
                if (f == body) bodyDocs.add(doc);
                postings.add(doc);
                postings.add((c & 1) == 1 ? 1 : v[i++] + 2);
            }
            out.put(f, postings);
        }
        assertEquals(v.length, i, "nothing after the last posting");
        return relativeFields;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
