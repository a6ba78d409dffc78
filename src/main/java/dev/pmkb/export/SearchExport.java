package dev.pmkb.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmkb.index.PlainText;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the static search index that the browser client reads (docs/search-index-format.md) from the Lucene index
 * the bake wrote: the manifest, the term dictionary with postings in chunks, positions in separate chunks, the
 * prefix table, and the result shards. Everything the client scores with comes from Lucene itself (statistics,
 * postings, the encoded norm bytes), so the client ranks exactly like {@code Searcher}.
 */
public final class SearchExport {

    /** Where the export goes, relative to the output folder. */
    public static final String DIRECTORY = "search";
    /** Bumped on any incompatible change; the client refuses other versions. */
    public static final int FORMAT = 1;

    /** Facets, in the order the client shows them. */
    public static final List<String> FACETS = List.of(SearchIndex.CAUSE, SearchIndex.IMPACT_CATEGORY,
            SearchIndex.COMPONENT, SearchIndex.YEAR);

    /** Target gzip size of one term chunk and one position chunk. */
    static final int CHUNK_GZIP_BYTES = 12 * 1024;
    /**
     * Target gzip size of one result shard, up to {@link #LARGE_LIBRARY} incidents; half of it above, where a root
     * cause spans many shards and the top 10 touch most of them, so smaller shards cut bytes more than they add
     * requests.
     */
    static final int SHARD_GZIP_BYTES = 8 * 1024;
    static final int LARGE_LIBRARY = 2_000;
    /** Longest snippet source kept per incident, in UTF-16 units. */
    static final int SNIPPET_SOURCE = 240;

    private static final JsonFactory JSON = new JsonFactory();

    private SearchExport() {
    }

    /** What was written: file count and bytes. */
    public record Summary(int files, long bytes) {
    }

    /** One term's postings in one field: docs ascending, their frequencies and positions. */
    record FieldPostings(int field, int[] docs, int[] freqs, int[][] positions) {
    }

    /**
     * Exports the index in {@code indexDir} into {@code outDir}; {@code incidents} give the snippet texts (matched
     * by id), which the Lucene index does not store.
     */
    public static Summary write(Path indexDir, List<Postmortem> incidents, Path outDir) throws IOException {
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new Writer(reader, incidents, outDir).write();
        }
    }

    static final class Writer {
        private final DirectoryReader reader;
        private final Map<String, Postmortem> byId = new HashMap<>();
        private final Path out;
        private final List<String> fields = new ArrayList<>(SearchIndex.TEXT_FIELDS.keySet());
        private int files;
        private long bytes;

        Writer(DirectoryReader reader, List<Postmortem> incidents, Path out) {
            this.reader = reader;
            for (Postmortem p : incidents) byId.put(p.id(), p);
            this.out = out;
        }

        Summary write() throws IOException {
            if (reader.leaves().size() > 1) throw new IllegalStateException("the index must have one segment");
            LeafReader leaf = reader.leaves().isEmpty() ? null : reader.leaves().getFirst().reader();
            int maxDoc = reader.maxDoc();
            Files.createDirectories(out);
            TreeMap<BytesRef, List<FieldPostings>> dictionary = leaf == null ? new TreeMap<>() : dictionary(leaf);
            List<BytesRef> terms = new ArrayList<>(dictionary.keySet());

            // term chunks (postings) and position chunks, each cut by gzip size
            List<String> termFirsts = new ArrayList<>();
            List<Integer> termCommon = new ArrayList<>();
            // every term's JSON and every entry's JSON are made once; chunks are cut and written from these bytes
            List<byte[]> termJson = new ArrayList<>(terms.size());
            for (BytesRef term : terms) termJson.add(jsonBytes(g -> g.writeString(term.utf8ToString())));
            List<byte[]> postings = entries(terms.size(), i -> postingsJson(terms.get(i), dictionary.get(terms.get(i))));
            List<int[]> termRanges = chunk(termJson, postings);
            for (int c = 0; c < termRanges.size(); c++) {
                int[] r = termRanges.get(c);
                termFirsts.add(terms.get(r[0]).utf8ToString());
                termCommon.add(c == 0 ? 0 : commonPrefix(terms.get(r[0] - 1), terms.get(r[0])));
                writeFile("t/" + c + ".json", chunkJson(termJson, postings, r));
            }
            List<String> positionFirsts = new ArrayList<>();
            postings = null;
            List<byte[]> positions = entries(terms.size(), i -> positionsJson(dictionary.get(terms.get(i))));
            List<int[]> positionRanges = chunk(termJson, positions);
            for (int c = 0; c < positionRanges.size(); c++) {
                int[] r = positionRanges.get(c);
                positionFirsts.add(terms.get(r[0]).utf8ToString());
                writeFile("p/" + c + ".json", chunkJson(termJson, positions, r));
            }
            writePrefixes(terms, termRanges, dictionary);
            List<List<Integer>> shards = leaf == null ? List.of() : writeShards(leaf, maxDoc);
            writeManifest(leaf, maxDoc, termFirsts, termCommon, positionFirsts, shards);
            return new Summary(files, bytes);
        }

        /** How many code points two terms have in common at the start. */
        static int commonPrefix(BytesRef a, BytesRef b) {
            int[] x = a.utf8ToString().codePoints().toArray();
            int[] y = b.utf8ToString().codePoints().toArray();
            int n = 0;
            while (n < x.length && n < y.length && x[n] == y[n]) n++;
            return n;
        }

        private TreeMap<BytesRef, List<FieldPostings>> dictionary(LeafReader leaf) throws IOException {
            TreeMap<BytesRef, List<FieldPostings>> dictionary = new TreeMap<>();
            for (int f = 0; f < fields.size(); f++) {
                Terms terms = leaf.terms(fields.get(f));
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    pe = te.postings(pe, PostingsEnum.POSITIONS);
                    int n = te.docFreq();
                    int[] docs = new int[n];
                    int[] freqs = new int[n];
                    int[][] positions = new int[n][];
                    int i = 0;
                    for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                        docs[i] = doc;
                        freqs[i] = pe.freq();
                        positions[i] = new int[freqs[i]];
                        for (int k = 0; k < freqs[i]; k++) positions[i][k] = pe.nextPosition();
                        i++;
                    }
                    dictionary.computeIfAbsent(BytesRef.deepCopyOf(term), t -> new ArrayList<>())
                            .add(new FieldPostings(f, docs, freqs, positions));
                }
            }
            return dictionary;
        }

        /** [field, n, docGap, freq, docGap, freq, …] for each field with postings; doc gaps from the previous doc. */
        private static void postingsJson(JsonGenerator g, List<FieldPostings> postings) throws IOException {
            g.writeStartArray();
            for (FieldPostings p : postings) {
                g.writeNumber(p.field());
                g.writeNumber(p.docs().length);
                int previous = 0;
                for (int i = 0; i < p.docs().length; i++) {
                    g.writeNumber(p.docs()[i] - previous);
                    previous = p.docs()[i];
                    g.writeNumber(p.freqs()[i]);
                }
            }
            g.writeEndArray();
        }

        private static Entry postingsJson(BytesRef term, List<FieldPostings> postings) {
            return g -> postingsJson(g, postings);
        }

        /** Per field with postings, per doc in postings order: freq positions, each a gap from the previous one. */
        private static Entry positionsJson(List<FieldPostings> postings) {
            return g -> {
                g.writeStartArray();
                for (FieldPostings p : postings) {
                    for (int[] positions : p.positions()) {
                        int previous = 0;
                        for (int position : positions) {
                            g.writeNumber(position - previous);
                            previous = position;
                        }
                    }
                }
                g.writeEndArray();
            };
        }

        interface Entry {
            void write(JsonGenerator g) throws IOException;
        }

        interface EntryOf {
            Entry of(int termIndex);
        }

        private static List<byte[]> entries(int count, EntryOf entry) {
            List<byte[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) out.add(jsonBytes(entry.of(i)));
            return out;
        }

        /** Consecutive term ranges [from, to) whose chunk file stays near {@link #CHUNK_GZIP_BYTES} gzipped. */
        private static List<int[]> chunk(List<byte[]> termJson, List<byte[]> entries) throws IOException {
            List<int[]> ranges = new ArrayList<>();
            int from = 0;
            long raw = 0;
            long next = CHUNK_GZIP_BYTES * 2L;
            // gzip only when the raw size predicts the target: the prediction follows the measured ratio
            for (int i = 0; i < entries.size(); i++) {
                raw += entries.get(i).length + termJson.get(i).length + 2;
                if (raw < next) continue;
                long gz = gzip(chunkJson(termJson, entries, new int[]{from, i + 1})).length;
                if (gz >= CHUNK_GZIP_BYTES) {
                    ranges.add(new int[]{from, i + 1});
                    from = i + 1;
                    next = CHUNK_GZIP_BYTES * 2L;
                    raw = 0;
                } else {
                    // predicted from the ratio so far, but never more than the target ahead: gzip bytes never
                    // exceed raw bytes, so a chunk overshoots by less than one target (plus its last term)
                    next = Math.min(raw + CHUNK_GZIP_BYTES - gz, Math.max(raw + 512, raw * CHUNK_GZIP_BYTES / Math.max(1, gz)));
                }
            }
            if (from < entries.size()) ranges.add(new int[]{from, entries.size()});
            return ranges;
        }

        /** {"terms": [...], "data": [...]} for the terms in range. */
        private static byte[] chunkJson(List<byte[]> termJson, List<byte[]> entries, int[] range) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            buffer.writeBytes("{\"terms\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = range[0]; i < range[1]; i++) {
                if (i > range[0]) buffer.write(',');
                buffer.writeBytes(termJson.get(i));
            }
            buffer.writeBytes("],\"data\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = range[0]; i < range[1]; i++) {
                if (i > range[0]) buffer.write(',');
                buffer.writeBytes(entries.get(i));
            }
            buffer.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return buffer.toByteArray();
        }

        /**
         * Prefixes whose terms span more than one term chunk (the common prefixes of the terms either side of a
         * chunk boundary) → their 16 body terms with the most documents, as {@code Searcher.expand} orders them,
         * with the body document frequency. Shorter prefixes are answered by the one chunk that holds them.
         */
        private void writePrefixes(List<BytesRef> terms, List<int[]> ranges,
                                   TreeMap<BytesRef, List<FieldPostings>> dictionary) throws IOException {
            int body = fields.indexOf(SearchIndex.BODY);
            TreeMap<String, List<String>> table = new TreeMap<>(Comparator.comparing(s -> new BytesRef(s)));
            for (int c = 1; c < ranges.size(); c++) {
                int[] after = terms.get(ranges.get(c)[0]).utf8ToString().codePoints().toArray();
                int common = commonPrefix(terms.get(ranges.get(c)[0] - 1), terms.get(ranges.get(c)[0]));
                for (int n = 1; n <= common; n++) table.putIfAbsent(new String(after, 0, n), null);
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
                g.writeStartObject();
                for (String prefix : table.keySet()) {
                    record Candidate(String term, int docFreq) {
                    }
                    List<Candidate> candidates = new ArrayList<>();
                    BytesRef start = new BytesRef(prefix);
                    for (Map.Entry<BytesRef, List<FieldPostings>> e : dictionary.tailMap(start, true).entrySet()) {
                        if (!e.getKey().utf8ToString().startsWith(prefix)) break;
                        for (FieldPostings p : e.getValue()) {
                            if (p.field() == body) candidates.add(new Candidate(e.getKey().utf8ToString(), p.docs().length));
                        }
                    }
                    candidates.sort(Comparator.comparingInt(Candidate::docFreq).reversed()
                            .thenComparing(c -> new BytesRef(c.term())));
                    g.writeArrayFieldStart(prefix);
                    for (Candidate c : candidates.subList(0, Math.min(16, candidates.size()))) {
                        g.writeString(c.term());
                        g.writeNumber(c.docFreq());
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            writeFile("prefixes.json", buffer.toByteArray());
        }

        /**
         * Result data in shards: incidents grouped by primary cause (then id), so that the results of one query,
         * which tend to share a cause, come from few shards; cut by gzip size.
         */
        private List<List<Integer>> writeShards(LeafReader leaf, int maxDoc) throws IOException {
            StoredFields stored = leaf.storedFields();
            List<byte[]> rows = new ArrayList<>();
            List<String> primary = new ArrayList<>();
            for (int doc = 0; doc < maxDoc; doc++) {
                Document d = stored.document(doc);
                String[] causes = d.getValues(SearchIndex.CAUSE);
                primary.add(causes.length == 0 ? "" : causes[0]);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
                    g.writeStartArray();
                    g.writeNumber(doc);
                    g.writeString(d.get(SearchIndex.ID));
                    g.writeString(d.get(SearchIndex.URL));
                    g.writeString(d.get(SearchIndex.TITLE));
                    g.writeString(d.get(SearchIndex.DATE) == null ? "" : d.get(SearchIndex.DATE));
                    g.writeStartArray();
                    for (String cause : causes) g.writeString(cause);
                    g.writeEndArray();
                    g.writeString(snippetSource(byId.get(d.get(SearchIndex.ID))));
                    g.writeEndArray();
                }
                rows.add(buffer.toByteArray());
            }
            List<Integer> order = new ArrayList<>();
            for (int doc = 0; doc < maxDoc; doc++) order.add(doc);
            order.sort(Comparator.comparing(primary::get).thenComparingInt(doc -> doc));
            int target = maxDoc > LARGE_LIBRARY ? SHARD_GZIP_BYTES / 2 : SHARD_GZIP_BYTES;
            List<List<Integer>> shards = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            long raw = 0;
            long next = target * 2L;
            for (int k = 0; k < order.size(); k++) {
                int doc = order.get(k);
                current.add(doc);
                raw += rows.get(doc).length;
                boolean causeEnds = k + 1 < order.size() && !primary.get(order.get(k + 1)).equals(primary.get(doc));
                if (causeEnds && raw >= next / 2 && gzip(shardJson(current, rows)).length >= target / 2) {
                    // a shard that ends with its cause: the results of one query tend to share a cause
                    shards.add(current);
                    current = new ArrayList<>();
                    raw = 0;
                    continue;
                }
                if (raw < next) continue;
                long gz = gzip(shardJson(current, rows)).length;
                if (gz >= target) {
                    shards.add(current);
                    current = new ArrayList<>();
                    next = target * 2L;
                    raw = 0;
                } else {
                    next = Math.min(raw + target - gz, Math.max(raw + 256, raw * target / Math.max(1, gz)));
                }
            }
            if (!current.isEmpty()) shards.add(current);
            for (int s = 0; s < shards.size(); s++) writeFile("r/" + s + ".json", shardJson(shards.get(s), rows));
            return shards;
        }

        private static byte[] shardJson(List<Integer> docs, List<byte[]> rows) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            buffer.write('[');
            for (int i = 0; i < docs.size(); i++) {
                if (i > 0) buffer.write(',');
                buffer.writeBytes(rows.get(docs.get(i)));
            }
            buffer.write(']');
            return buffer.toByteArray();
        }

        private void writeManifest(LeafReader leaf, int maxDoc, List<String> termFirsts, List<Integer> termCommon,
                                   List<String> positionFirsts, List<List<Integer>> shards) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("format", FORMAT);
                g.writeNumberField("docCount", maxDoc);
                g.writeArrayFieldStart("fields");
                for (String field : fields) {
                    Terms terms = leaf == null ? null : leaf.terms(field);
                    g.writeStartObject();
                    g.writeStringField("name", field);
                    g.writeNumberField("boost", SearchIndex.TEXT_FIELDS.get(field));
                    g.writeNumberField("docCount", terms == null ? 0 : terms.getDocCount());
                    g.writeNumberField("sumTotalTermFreq", terms == null ? 0 : terms.getSumTotalTermFreq());
                    g.writeStringField("norms", Base64.getEncoder().encodeToString(norms(leaf, field, maxDoc)));
                    g.writeEndObject();
                }
                g.writeEndArray();
                writeStrings(g, "termChunks", termFirsts);
                g.writeArrayFieldStart("termChunkCommon");
                for (int n : termCommon) g.writeNumber(n);
                g.writeEndArray();
                writeStrings(g, "positionChunks", positionFirsts);
                g.writeArrayFieldStart("shards");
                for (List<Integer> shard : shards) writeGaps(g, shard.stream().sorted().toList());
                g.writeEndArray();
                g.writeArrayFieldStart("facets");
                for (String facet : FACETS) writeFacet(g, leaf, facet);
                g.writeEndArray();
                g.writeEndObject();
            }
            writeFile("manifest.json", buffer.toByteArray());
        }

        private static byte[] norms(LeafReader leaf, String field, int maxDoc) throws IOException {
            byte[] norms = new byte[maxDoc];
            NumericDocValues values = leaf == null ? null : leaf.getNormValues(field);
            if (values != null) {
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    norms[doc] = (byte) values.longValue();
                }
            }
            return norms;
        }

        private static void writeFacet(JsonGenerator g, LeafReader leaf, String facet) throws IOException {
            TreeMap<String, List<Integer>> docsByValue = new TreeMap<>(Comparator.comparing(s -> new BytesRef(s)));
            SortedSetDocValues values = leaf == null ? null : leaf.getSortedSetDocValues(facet);
            if (values != null) {
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        String value = values.lookupOrd(values.nextOrd()).utf8ToString();
                        docsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(doc);
                    }
                }
            }
            g.writeStartObject();
            g.writeStringField("name", facet);
            writeStrings(g, "values", new ArrayList<>(docsByValue.keySet()));
            g.writeArrayFieldStart("docs");
            for (List<Integer> docs : docsByValue.values()) writeGaps(g, docs);
            g.writeEndArray();
            g.writeEndObject();
        }

        private static void writeGaps(JsonGenerator g, List<Integer> ascending) throws IOException {
            g.writeStartArray();
            int previous = 0;
            for (int doc : ascending) {
                g.writeNumber(doc - previous);
                previous = doc;
            }
            g.writeEndArray();
        }

        private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (String v : values) g.writeString(v);
            g.writeEndArray();
        }

        private void writeFile(String name, byte[] content) throws IOException {
            Path file = out.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            files++;
            bytes += content.length;
        }
    }

    /**
     * The text a result's snippet is cut from: the summary, then the root cause (the facts a reader scans), or the
     * start of the body when the facts are empty; at most {@link #SNIPPET_SOURCE} units, cut at a space.
     */
    static String snippetSource(Postmortem p) {
        if (p == null) return "";
        Facts facts = p.facts();
        StringBuilder text = new StringBuilder();
        if (facts != null) {
            for (String part : new String[]{facts.summary(), facts.rootCause()}) {
                if (part != null && !part.isBlank()) text.append(text.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        if (text.isEmpty()) text.append(PlainText.of(p.markdown()).strip());
        String flat = text.toString().replaceAll("\\s+", " ");
        if (flat.length() <= SNIPPET_SOURCE) return flat;
        int cut = flat.lastIndexOf(' ', SNIPPET_SOURCE);
        if (cut < SNIPPET_SOURCE / 2) cut = SNIPPET_SOURCE;
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) cut--;
        return flat.substring(0, cut) + "…";
    }

    static byte[] jsonBytes(Writer.Entry entry) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            entry.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(content);
        }
        return buffer.toByteArray();
    }
}
