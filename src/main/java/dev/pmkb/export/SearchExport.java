package dev.pmkb.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmkb.index.ParsedQuery;
import dev.pmkb.index.PmkbAnalyzer;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.index.SearchSettings;
import dev.pmkb.index.Searcher;
import dev.pmkb.model.CauseTag;
import dev.pmkb.model.FacetTag;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
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
    public static final int FORMAT = 3;

    /**
     * Per document, the text its snippet is looked for in when the sentences of its result shard do not hold the
     * query's words: loaded after the results show, only for those.
     */
    static final String TEXTS = "x";
    /** The documents newest first, for browsing by filter without words. */
    static final String RECENT = "recent.json";

    /** Facets, in the order the client shows them. */
    public static final List<String> FACETS = List.of(SearchIndex.CAUSE, SearchIndex.IMPACT_CATEGORY,
            SearchIndex.COMPONENT, SearchIndex.YEAR);

    /**
     * Target gzip size of one term chunk: a query loads one per word, and small chunks keep a first query within
     * 100 KB at 10,000 incidents, where the manifest alone is half of that.
     */
    static final int CHUNK_GZIP_BYTES = 8 * 1024;
    /** Target gzip size of one position chunk: loaded only for phrases, so fewer files matter more. */
    static final int POSITION_CHUNK_GZIP_BYTES = 12 * 1024;
    /**
     * Target gzip size of one result shard up to {@link #LARGE_LIBRARY} incidents: the top 10, which tend to share
     * a cause, come from one to three shards (12 KB shards were measured too: more bytes, no fewer requests).
     */
    static final int SHARD_GZIP_BYTES = 8 * 1024;
    /**
     * Above {@link #LARGE_LIBRARY}: a root cause spans many shards and the top 10 touch one shard each, so small
     * shards cut bytes and add no round trip (the shards of the results shown load in parallel).
     */
    static final int LARGE_LIBRARY_SHARD_GZIP_BYTES = 2 * 1024;
    static final int LARGE_LIBRARY = 2_000;

    private static final JsonFactory JSON = new JsonFactory();

    private SearchExport() {
    }

    /**
     * What was written: file count, bytes, and the manifest's JSON, which the search page carries inline so that a
     * first query needs one request fewer.
     */
    public record Summary(int files, long bytes, String manifest) {
    }

    /** One term's postings in one field: docs ascending, their frequencies and positions. */
    record FieldPostings(int field, int[] docs, int[] freqs, int[][] positions) {
    }

    /**
     * Exports the index in {@code indexDir} into {@code outDir}; {@code incidents} give the snippet texts (matched
     * by id), which the Lucene index does not store.
     */
    public static Summary write(Path indexDir, List<Postmortem> incidents, Path outDir) throws IOException {
        return write(indexDir, incidents, null, outDir);
    }

    /** As above; {@code taxonomy} (or null) names the root causes and impact categories that facets list by slug. */
    public static Summary write(Path indexDir, List<Postmortem> incidents, Taxonomy taxonomy, Path outDir)
            throws IOException {
        return write(indexDir, incidents, taxonomy, PreparedIncidents.NONE, outDir);
    }

    /**
     * As above; what the export works out of each incident alone is taken from {@code prepared} when it kept it, and
     * kept there otherwise. The export's bytes are the same either way.
     */
    public static Summary write(Path indexDir, List<Postmortem> incidents, Taxonomy taxonomy,
                                PreparedIncidents prepared, Path outDir) throws IOException {
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new Writer(reader, incidents, taxonomy, prepared, outDir).write();
        }
    }

    /**
     * The term chunk boundaries of the export in {@code site}'s {@code search/} folder, which bound where the typo
     * fallback looks for a correction ({@code Searcher.find}); null when the site has no export.
     */
    public static List<String> termChunks(Path site) throws IOException {
        return Searcher.exportedTermChunks(site.resolve(DIRECTORY));
    }

    static final class Writer {
        private final DirectoryReader reader;
        private final Map<String, Postmortem> byId = new HashMap<>();
        private final Path out;
        private final Taxonomy taxonomy;
        private final List<String> fields = new ArrayList<>(SearchIndex.TEXT_FIELDS.keySet());
        private final int body = fields.indexOf(SearchIndex.BODY);
        private final PreparedIncidents prepared;
        private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        /** Each document's date ("" when it has none), read with its result row: what {@link #RECENT} orders by. */
        private String[] dates = new String[0];

        Writer(DirectoryReader reader, List<Postmortem> incidents, Taxonomy taxonomy, Path out) {
            this(reader, incidents, taxonomy, PreparedIncidents.NONE, out);
        }

        Writer(DirectoryReader reader, List<Postmortem> incidents, Taxonomy taxonomy, PreparedIncidents prepared,
               Path out) {
            this.reader = reader;
            this.taxonomy = taxonomy;
            this.prepared = prepared;
            for (Postmortem p : incidents) byId.put(p.id(), p);
            this.out = out;
        }

        Summary write() throws IOException {
            if (reader.leaves().size() > 1) throw new IllegalStateException("the index must have one segment");
            LeafReader leaf = reader.leaves().isEmpty() ? null : reader.leaves().getFirst().reader();
            int maxDoc = reader.maxDoc();
            Files.createDirectories(out);
            // The result shards and texts depend on no term chunk: made beside the term part, on threads of their
            // own, so the cores are busy while the dictionary is walked on this one.
            java.util.concurrent.FutureTask<List<Integer>> documents = new java.util.concurrent.FutureTask<>(
                    () -> leaf == null ? List.of() : writeShards(leaf, maxDoc));
            Thread.ofPlatform().daemon(true).name("pmkb-export-documents").start(documents);
            List<String> termFirsts = new ArrayList<>();
            List<Integer> termCommon = new ArrayList<>();
            List<String> positionFirsts = new ArrayList<>();
            try {
                writeTerms(leaf, termFirsts, termCommon, positionFirsts);
            } catch (IOException | RuntimeException | Error e) {
                // the caller deletes the folder on failure: not while the documents are still written into it
                try {
                    documents.get();
                } catch (java.util.concurrent.ExecutionException | InterruptedException ignored) {
                    // the term part's failure is the one reported
                }
                throw e;
            }
            List<Integer> shards = finished(documents);
            writeFile(RECENT, recentJson(maxDoc));
            byte[] manifest = manifest(leaf, maxDoc, termFirsts, termCommon, positionFirsts, shards);
            writeFile("manifest.json", manifest);
            return new Summary(files.get(), bytes.get(), new String(manifest, StandardCharsets.UTF_8));
        }

        private static List<Integer> finished(java.util.concurrent.FutureTask<List<Integer>> task) throws IOException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the export was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error error) throw error;
                throw new IOException(e.getCause());
            }
        }

        /** The term chunks, the prefix table and the position chunks; fills in where each chunk starts. */
        private void writeTerms(LeafReader leaf, List<String> termFirsts, List<Integer> termCommon,
                                List<String> positionFirsts) throws IOException {
            // one pass over the dictionary: each term's postings and positions become code strings at once, so
            // the export holds strings, not every posting with its positions
            List<String> terms = new ArrayList<>();
            List<String> postingCodes = new ArrayList<>();
            List<String> positionCodes = new ArrayList<>();
            IntList bodyDocFreqs = new IntList();
            if (leaf != null) {
                forEachTerm(leaf, (term, postings) -> {
                    terms.add(term);
                    postingCodes.add(postingsCode(postings));
                    positionCodes.add(positionsCode(postings));
                    int df = 0;
                    for (FieldPostings p : postings) if (p.field() == body) df = p.docs().length;
                    bodyDocFreqs.add(df);
                });
            }

            // term chunks (postings) and position chunks, each cut by gzip size
            List<int[]> termRanges = writeChunks("t", terms, postingCodes, "postings", CHUNK_GZIP_BYTES);
            for (int c = 0; c < termRanges.size(); c++) {
                int[] r = termRanges.get(c);
                termFirsts.add(terms.get(r[0]));
                termCommon.add(c == 0 ? 0 : commonPrefix(terms.get(r[0] - 1), terms.get(r[0])));
            }
            postingCodes.clear();
            writePrefixes(terms, termRanges, bodyDocFreqs);
            List<int[]> positionRanges = writeChunks("p", terms, positionCodes, "positions", POSITION_CHUNK_GZIP_BYTES);
            for (int[] r : positionRanges) positionFirsts.add(terms.get(r[0]));
            positionCodes.clear();
        }

        /** How many code points two terms have in common at the start. */
        static int commonPrefix(String a, String b) {
            int[] x = a.codePoints().toArray();
            int[] y = b.codePoints().toArray();
            int n = 0;
            while (n < x.length && n < y.length && x[n] == y[n]) n++;
            return n;
        }

        interface TermConsumer {
            void accept(String term, List<FieldPostings> postings) throws IOException;
        }

        /**
         * Every term of the searched fields in Lucene's order (the union of the fields' dictionaries), with its
         * postings in each field that has it, in field order: one merged walk over the fields' term enums.
         */
        private void forEachTerm(LeafReader leaf, TermConsumer consumer) throws IOException {
            TermsEnum[] enums = new TermsEnum[fields.size()];
            BytesRef[] current = new BytesRef[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                Terms terms = leaf.terms(fields.get(f));
                if (terms == null) continue;
                enums[f] = terms.iterator();
                current[f] = enums[f].next();
            }
            PostingsEnum pe = null;
            while (true) {
                BytesRef smallest = null;
                for (BytesRef term : current) if (term != null && (smallest == null || term.compareTo(smallest) < 0)) smallest = term;
                if (smallest == null) return;
                BytesRef term = BytesRef.deepCopyOf(smallest);
                List<FieldPostings> postings = new ArrayList<>(2);
                for (int f = 0; f < fields.size(); f++) {
                    if (current[f] == null || !current[f].bytesEquals(term)) continue;
                    pe = enums[f].postings(pe, PostingsEnum.POSITIONS);
                    int n = enums[f].docFreq();
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
                    postings.add(new FieldPostings(f, docs, freqs, positions));
                    current[f] = enums[f].next();
                }
                consumer.accept(term.utf8ToString(), postings);
            }
        }

        /** A growable int array: one per term, where boxed integers would take four times the memory. */
        static final class IntList {
            private int[] values = new int[1024];
            private int size;

            void add(int value) {
                if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
                values[size++] = value;
            }

            int get(int i) {
                return values[i];
            }
        }

        /** The body's postings first (the others may point into them), then the other fields in field order. */
        private List<FieldPostings> bodyFirst(List<FieldPostings> postings) {
            List<FieldPostings> ordered = new ArrayList<>(postings.size());
            for (FieldPostings p : postings) if (p.field() == body) ordered.add(p);
            for (FieldPostings p : postings) if (p.field() != body) ordered.add(p);
            return ordered;
        }

        /**
         * One term's postings (format doc, "Term chunks"): the mask of its fields; the body's document count and
         * postings; then for each other field {@code 2n + relative} and its postings, where relative postings
         * count positions in the body's list instead of document numbers. A posting is {@code 2 gap + 1} when
         * the frequency is 1, else {@code 2 gap} and {@code frequency − 2}; gap = number − previous − 1.
         */
        String postingsCode(List<FieldPostings> postings) {
            StringBuilder code = new StringBuilder();
            int mask = 0;
            FieldPostings inBody = null;
            for (FieldPostings p : postings) {
                mask |= 1 << p.field();
                if (p.field() == body) inBody = p;
            }
            NumberCodes.append(code, mask);
            for (FieldPostings p : bodyFirst(postings)) {
                int[] numbers = p.docs();
                if (p.field() == body) {
                    NumberCodes.append(code, numbers.length);
                } else {
                    int[] inBodyList = inBody == null ? null : positionsIn(inBody.docs(), p.docs());
                    if (inBodyList != null) numbers = inBodyList;
                    NumberCodes.append(code, 2 * numbers.length + (inBodyList != null ? 1 : 0));
                }
                int previous = -1;
                for (int k = 0; k < numbers.length; k++) {
                    int gap = numbers[k] - previous - 1;
                    previous = numbers[k];
                    if (p.freqs()[k] == 1) {
                        NumberCodes.append(code, 2 * gap + 1);
                    } else {
                        NumberCodes.append(code, 2 * gap);
                        NumberCodes.append(code, p.freqs()[k] - 2);
                    }
                }
            }
            return code.toString();
        }

        /** Where each of {@code docs} stands in {@code all} (both ascending); null when one is missing. */
        static int[] positionsIn(int[] all, int[] docs) {
            int[] at = new int[docs.length];
            int i = 0;
            for (int k = 0; k < docs.length; k++) {
                while (i < all.length && all[i] < docs[k]) i++;
                if (i == all.length || all[i] != docs[k]) return null;
                at[k] = i;
            }
            return at;
        }

        /** Per field (body first, as in the postings), per document: its positions, each a gap from the previous. */
        String positionsCode(List<FieldPostings> postings) {
            StringBuilder code = new StringBuilder();
            for (FieldPostings p : bodyFirst(postings)) {
                for (int[] positions : p.positions()) {
                    int previous = 0;
                    for (int position : positions) {
                        NumberCodes.append(code, position - previous);
                        previous = position;
                    }
                }
            }
            return code.toString();
        }

        /**
         * Cuts the terms into chunks of {@code folder} ({@link #chunk}) and writes them; returns their ranges. A chunk
         * of the earlier export that started with the same term is tried first: when the terms it held have the same
         * bytes now, the cut falls where it fell then (where a chunk ends depends on its own terms and codes alone),
         * so no gzip is needed to find it, and its file is linked when it is still there.
         */
        private List<int[]> writeChunks(String folder, List<String> terms, List<String> codes, String key, int target)
                throws IOException {
            List<int[]> ranges = new ArrayList<>();
            int from = 0;
            while (from < codes.size()) {
                String name = folder + "/" + ranges.size() + ".json";
                PreparedIncidents.ChunkNote earlier = prepared.keptChunk(folder, terms.get(from));
                int[] range = null;
                byte[] json = null;
                if (earlier != null && from + earlier.terms() <= codes.size()
                        && (earlier.cutBySize() || from + earlier.terms() == codes.size())) {
                    json = chunkJson(terms, codes, new int[]{from, from + earlier.terms()}, key);
                    if (prepared.sameChunk(earlier, json)) range = new int[]{from, from + earlier.terms()};
                }
                if (range != null) {
                    if (!linkFile(name, prepared.chunkFile(earlier))) writeFile(name, json);
                } else {
                    range = chunk(terms, codes, key, target, from);
                    json = chunkJson(terms, codes, range, key);
                    writeFile(name, json);
                }
                prepared.chunkWritten(folder, terms.get(from), range[1] - range[0], range[1] < codes.size(), json);
                ranges.add(range);
                from = range[1];
            }
            return ranges;
        }

        /**
         * The chunk that starts at term {@code from}: up to the term whose chunk file first reaches {@code target}
         * bytes gzipped, else to the last term. Depends on the terms and codes of the chunk alone.
         */
        private static int[] chunk(List<String> terms, List<String> codes, String key, int target, int from)
                throws IOException {
            long raw = 0;
            long next = target * 2L;
            // gzip only when the raw size predicts the target: the prediction follows the measured ratio
            for (int i = from; i < codes.size(); i++) {
                raw += codes.get(i).length() + terms.get(i).length() + 4;
                if (raw < next) continue;
                long gz = gzip(chunkJson(terms, codes, new int[]{from, i + 1}, key)).length;
                if (gz >= target) return new int[]{from, i + 1};
                // predicted from the ratio so far, but never more than the target ahead: gzip bytes never
                // exceed raw bytes, so a chunk overshoots by less than one target (plus its last term)
                next = Math.min(raw + target - gz, Math.max(raw + 512, raw * target / Math.max(1, gz)));
            }
            return new int[]{from, codes.size()};
        }

        /** {"terms": "front-coded", key: ["code", …]} for the terms in range. */
        static byte[] chunkJson(List<String> terms, List<String> codes, int[] range, String key) {
            StringBuilder json = new StringBuilder("{\"terms\":");
            json.append(jsonString(NumberCodes.frontCoded(terms.subList(range[0], range[1]))));
            json.append(",\"").append(key).append("\":[");
            for (int i = range[0]; i < range[1]; i++) {
                if (i > range[0]) json.append(',');
                json.append('"').append(codes.get(i)).append('"'); // codes need no escaping
            }
            return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Prefixes whose terms span more than one term chunk (the common prefixes of the terms either side of a
         * chunk boundary) → their 16 body terms with the most documents, as {@code Searcher.expand} orders them,
         * with the body document frequency. Shorter prefixes are answered by the one chunk that holds them.
         */
        private void writePrefixes(List<String> terms, List<int[]> ranges, IntList bodyDocFreqs) throws IOException {
            TreeMap<String, List<String>> table = new TreeMap<>(Comparator.comparing(s -> new BytesRef(s)));
            for (int c = 1; c < ranges.size(); c++) {
                int[] after = terms.get(ranges.get(c)[0]).codePoints().toArray();
                int common = commonPrefix(terms.get(ranges.get(c)[0] - 1), terms.get(ranges.get(c)[0]));
                for (int n = 1; n <= common; n++) table.putIfAbsent(new String(after, 0, n), null);
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
                g.writeStartObject();
                for (String prefix : table.keySet()) {
                    record Candidate(String term, int docFreq) {
                    }
                    Comparator<Candidate> order = Comparator.comparingInt(Candidate::docFreq).reversed()
                            .thenComparing(c -> new BytesRef(c.term()));
                    // the first 16 in that order: a short prefix has thousands of terms, which a heap of 16 keeps
                    // from being sorted whole (terms are distinct, so the order is total and the same 16 are kept)
                    java.util.PriorityQueue<Candidate> best = new java.util.PriorityQueue<>(17, order.reversed());
                    int i = java.util.Collections.binarySearch(terms, prefix, Comparator.comparing(s -> new BytesRef(s)));
                    for (i = i < 0 ? -i - 1 : i; i < terms.size() && terms.get(i).startsWith(prefix); i++) {
                        int df = bodyDocFreqs.get(i);
                        if (df == 0 || (best.size() == 16 && df < best.peek().docFreq())) continue;
                        best.add(new Candidate(terms.get(i), df));
                        if (best.size() > 16) best.poll();
                    }
                    List<Candidate> candidates = new ArrayList<>(best);
                    candidates.sort(order);
                    g.writeArrayFieldStart(prefix);
                    for (Candidate c : candidates) {
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
         * Result data in shards of neighbouring documents, cut by gzip size and preferably where a primary cause
         * ends: documents are grouped by primary cause (SearchIndex.DOCUMENT_ORDER), and the results of one query
         * tend to share a cause, so they come from few shards. Returns the first document of every shard.
         */
        private List<Integer> writeShards(LeafReader leaf, int maxDoc) throws IOException {
            java.util.concurrent.ConcurrentHashMap<String, Integer> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
            ToIntFunction<String> bodyDocFreq = term -> {
                Integer known = docFreqs.get(term);
                if (known != null) return known;
                try {
                    int df = leaf.docFreq(new Term(SearchIndex.BODY, term));
                    docFreqs.putIfAbsent(term, df);
                    return df;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            byte[][] rowBytes = new byte[maxDoc][];
            String[] primaries = new String[maxDoc];
            dates = new String[maxDoc];
            if (maxDoc > 0) Files.createDirectories(out.resolve(TEXTS));
            forEachDocument(leaf, maxDoc, (stored, doc) -> {
                Document d = stored.document(doc);
                Postmortem incident = byId.get(d.get(SearchIndex.ID));
                SnippetSource.Prepared kept = incident == null ? null : prepared(incident);
                String[] causes = d.getValues(SearchIndex.CAUSE);
                primaries[doc] = causes.length == 0 ? "" : causes[0];
                dates[doc] = d.get(SearchIndex.DATE) == null ? "" : d.get(SearchIndex.DATE);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
                    g.writeStartArray();
                    g.writeString(d.get(SearchIndex.URL));
                    g.writeString(d.get(SearchIndex.TITLE));
                    g.writeString(d.get(SearchIndex.DATE) == null ? "" : d.get(SearchIndex.DATE));
                    g.writeStartArray();
                    for (String cause : causes) g.writeString(cause);
                    g.writeEndArray();
                    g.writeString(kept == null ? "" : SnippetSource.of(kept, bodyDocFreq, maxDoc));
                    g.writeEndArray();
                }
                rowBytes[doc] = buffer.toByteArray();
                String name = TEXTS + "/" + doc + ".json";
                if (incident != null && linkFile(name, prepared.keptText(incident, doc))) return;
                String text = kept == null ? "" : kept.fullText();
                writeFile(name, jsonBytes(g -> {
                    g.writeStartObject();
                    g.writeStringField("text", text);
                    g.writeEndObject();
                }));
            });
            List<byte[]> rows = java.util.Arrays.asList(rowBytes);
            List<String> primary = java.util.Arrays.asList(primaries);
            int target = maxDoc > LARGE_LIBRARY ? LARGE_LIBRARY_SHARD_GZIP_BYTES : SHARD_GZIP_BYTES;
            List<Integer> firsts = new ArrayList<>();
            int from = 0;
            long raw = 0;
            long next = target * 2L;
            for (int doc = 0; doc < maxDoc; doc++) {
                raw += rows.get(doc).length;
                boolean causeEnds = doc + 1 < maxDoc && !primary.get(doc + 1).equals(primary.get(doc));
                boolean cut = false;
                if (causeEnds && raw >= next / 2 && gzip(shardJson(rows, from, doc + 1)).length >= target / 2) {
                    cut = true; // a shard that ends with its cause
                } else if (raw >= next) {
                    long gz = gzip(shardJson(rows, from, doc + 1)).length;
                    if (gz >= target) cut = true;
                    else next = Math.min(raw + target - gz, Math.max(raw + 256, raw * target / Math.max(1, gz)));
                }
                if (cut) {
                    firsts.add(from);
                    from = doc + 1;
                    raw = 0;
                    next = target * 2L;
                }
            }
            if (from < maxDoc) firsts.add(from);
            for (int s = 0; s < firsts.size(); s++) {
                int to = s + 1 < firsts.size() ? firsts.get(s + 1) : maxDoc;
                writeFile("r/" + s + ".json", shardJson(rows, firsts.get(s), to));
            }
            return firsts;
        }

        /** What the export works out of {@code incident} alone: kept from an earlier bake, or worked out and kept. */
        private SnippetSource.Prepared prepared(Postmortem incident) {
            SnippetSource.Prepared known = SnippetSource.decode(prepared.kept(incident));
            if (known != null) return known;
            SnippetSource.Prepared fresh = SnippetSource.prepare(incident);
            if (prepared != PreparedIncidents.NONE) {
                byte[] entry = SnippetSource.encode(fresh);
                if (entry != null) prepared.keep(incident, entry);
            }
            return fresh;
        }

        interface DocumentWork {
            void accept(StoredFields stored, int doc) throws IOException;
        }

        /** Documents handed out in small runs to a thread per core, each with stored fields of its own. */
        private static final int DOCUMENTS_PER_RUN = 16;

        /**
         * Does {@code work} for every document on every core: the snippet and text of each document depend on
         * nothing but the document, and they were most of the export's time. Each thread reads stored fields of its
         * own, as Lucene's are not for sharing between threads.
         */
        private static void forEachDocument(LeafReader leaf, int maxDoc, DocumentWork work) throws IOException {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Runnable worker = () -> {
                try {
                    StoredFields stored = leaf.storedFields();
                    for (int from = next.getAndAdd(DOCUMENTS_PER_RUN); from < maxDoc && failure.get() == null;
                         from = next.getAndAdd(DOCUMENTS_PER_RUN)) {
                        for (int doc = from; doc < Math.min(maxDoc, from + DOCUMENTS_PER_RUN); doc++) work.accept(stored, doc);
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            };
            int helpers = Math.min(Runtime.getRuntime().availableProcessors(), maxDoc / DOCUMENTS_PER_RUN + 1) - 1;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < helpers; t++) threads.add(Thread.ofPlatform().daemon(true).name("pmkb-export-" + t).start(worker));
            worker.run();
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                }
            }
            Throwable failed = failure.get();
            if (failed instanceof IOException io) throw io;
            if (failed instanceof RuntimeException r) throw r;
            if (failed instanceof Error error) throw error;
            if (failed != null) throw new IOException("the export was interrupted", failed);
        }

        private static byte[] shardJson(List<byte[]> rows, int from, int to) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            buffer.write('[');
            for (int doc = from; doc < to; doc++) {
                if (doc > from) buffer.write(',');
                buffer.writeBytes(rows.get(doc));
            }
            buffer.write(']');
            return buffer.toByteArray();
        }

        private byte[] manifest(LeafReader leaf, int maxDoc, List<String> termFirsts, List<Integer> termCommon,
                                List<String> positionFirsts, List<Integer> shards) throws IOException {
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
                    byte[] norms = norms(leaf, field, maxDoc);
                    List<List<Integer>> perDoc = new ArrayList<>(maxDoc);
                    for (byte norm : norms) perDoc.add(List.of(norm & 0xFF));
                    Palette palette = Palette.of(perDoc);
                    g.writeArrayFieldStart("normValues");
                    for (List<Integer> value : palette.entries()) g.writeNumber(value.getFirst());
                    g.writeEndArray();
                    g.writeStringField("norms", palette.codes());
                    g.writeEndObject();
                }
                g.writeEndArray();
                writeStrings(g, "termChunks", termFirsts);
                g.writeArrayFieldStart("termChunkCommon");
                for (int n : termCommon) g.writeNumber(n);
                g.writeEndArray();
                writeStrings(g, "positionChunks", positionFirsts);
                g.writeArrayFieldStart("shards");
                for (int first : shards) g.writeNumber(first);
                g.writeEndArray();
                g.writeArrayFieldStart("facets");
                for (String facet : FACETS) writeFacet(g, leaf, facet, maxDoc);
                g.writeEndArray();
                writeQuerySettings(g);
                g.writeEndObject();
            }
            return buffer.toByteArray();
        }

        /**
         * What the client searches with besides the index (format doc, "query"): the analyzer's stop words, the
         * clause limit, how many terms an unfinished word expands to, when partial matches are added, and the
         * synonyms as analysed term lists. Java's values, so the client copies none of them.
         */
        private void writeQuerySettings(JsonGenerator g) throws IOException {
            g.writeObjectFieldStart("query");
            writeStrings(g, "stopWords", PmkbAnalyzer.STOP_WORDS);
            g.writeNumberField("maxClauses", ParsedQuery.MAX_CLAUSES);
            g.writeNumberField("prefixExpansions", Searcher.PREFIX_EXPANSIONS);
            g.writeNumberField("partialBelow", SearchSettings.PARTIAL_BELOW);
            g.writeArrayFieldStart("synonyms");
            for (List<List<String>> set : SearchSettings.of(reader).synonyms()) {
                g.writeStartArray();
                for (List<String> alternative : set) writeStrings(g, null, alternative);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private static byte[] norms(LeafReader leaf, String field, int maxDoc) throws IOException {
            byte[] norms = new byte[maxDoc];
            org.apache.lucene.index.FieldInfo info = leaf == null ? null : leaf.getFieldInfos().fieldInfo(field);
            if (info != null && info.omitsNorms()) {
                // Lucene scores a field without norms as if every document's were 1
                java.util.Arrays.fill(norms, (byte) 1);
                return norms;
            }
            NumericDocValues values = leaf == null ? null : leaf.getNormValues(field);
            if (values != null) {
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    norms[doc] = (byte) values.longValue();
                }
            }
            return norms;
        }

        /** A facet: its values in term order, the value sets documents have, and each document's set. */
        /** What a reader sees for a facet value: a root cause's or impact category's name, else the value. */
        String label(String facet, String value) {
            if (taxonomy == null) return value;
            return switch (facet) {
                case SearchIndex.CAUSE -> taxonomy.cause(value).map(CauseTag::name).orElse(value);
                case SearchIndex.IMPACT_CATEGORY -> taxonomy.impactCategory(value).map(FacetTag::name).orElse(value);
                default -> value;
            };
        }

        private void writeFacet(JsonGenerator g, LeafReader leaf, String facet, int maxDoc) throws IOException {
            List<List<String>> perDoc = new ArrayList<>(maxDoc);
            for (int doc = 0; doc < maxDoc; doc++) perDoc.add(List.of());
            TreeMap<String, Integer> values = new TreeMap<>(Comparator.comparing(s -> new BytesRef(s)));
            SortedSetDocValues docValues = leaf == null ? null : leaf.getSortedSetDocValues(facet);
            if (docValues != null) {
                for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
                    List<String> set = new ArrayList<>();
                    for (int i = 0; i < docValues.docValueCount(); i++) {
                        String value = docValues.lookupOrd(docValues.nextOrd()).utf8ToString();
                        set.add(value);
                        values.put(value, 0);
                    }
                    perDoc.set(doc, set);
                }
            }
            List<String> valueList = new ArrayList<>(values.keySet());
            for (int i = 0; i < valueList.size(); i++) values.put(valueList.get(i), i);
            List<List<Integer>> setsPerDoc = new ArrayList<>(maxDoc);
            for (List<String> set : perDoc) setsPerDoc.add(set.stream().map(values::get).toList());
            Palette palette = Palette.of(setsPerDoc);
            g.writeStartObject();
            g.writeStringField("name", facet);
            g.writeStringField("param", SearchIndex.parameterOf(facet));
            writeStrings(g, "values", valueList);
            List<String> labels = valueList.stream().map(v -> label(facet, v)).toList();
            if (!labels.equals(valueList)) writeStrings(g, "labels", labels);
            g.writeArrayFieldStart("sets");
            for (List<Integer> set : palette.entries()) {
                g.writeStartArray();
                for (int v : set) g.writeNumber(v);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeStringField("docs", palette.codes());
            g.writeEndObject();
        }

        private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
            if (name == null) g.writeStartArray();
            else g.writeArrayFieldStart(name);
            for (String v : values) g.writeString(v);
            g.writeEndArray();
        }

        /**
         * The documents newest first (by date, then document number; undated ones last): what the search page lists
         * when a filter is chosen without words. Loaded only then.
         */
        private byte[] recentJson(int maxDoc) {
            List<Integer> order = new ArrayList<>();
            for (int doc = 0; doc < maxDoc; doc++) order.add(doc);
            order.sort(Comparator.comparing((Integer doc) -> dates[doc], Comparator.reverseOrder())
                    .thenComparing(Comparator.naturalOrder()));
            StringBuilder codes = new StringBuilder();
            for (int doc : order) NumberCodes.append(codes, doc);
            return jsonBytes(g -> {
                g.writeStartObject();
                g.writeStringField("docs", codes.toString());
                g.writeEndObject();
            });
        }

        /**
         * Links {@code name} to {@code previous}, a file of an earlier export with the bytes this one would write
         * there; false (nothing written) when there is none or it cannot be linked.
         */
        private boolean linkFile(String name, Path previous) {
            if (previous == null) return false;
            try {
                long size = Files.size(previous);
                Files.createLink(out.resolve(name), previous);
                files.incrementAndGet();
                bytes.addAndGet(size);
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                return false; // written instead
            }
        }

        private void writeFile(String name, byte[] content) throws IOException {
            Path file = out.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            files.incrementAndGet();
            bytes.addAndGet(content.length);
        }
    }

    /**
     * Per-document values as a palette and one code per document: the distinct values, most documents first (ties
     * in value order), so the commonest value is one character and gzip sees few distinct symbols.
     */
    record Palette(List<List<Integer>> entries, String codes) {
        static Palette of(List<List<Integer>> perDoc) {
            Map<List<Integer>, Integer> counts = new HashMap<>();
            for (List<Integer> v : perDoc) counts.merge(v, 1, Integer::sum);
            List<List<Integer>> entries = new ArrayList<>(counts.keySet());
            Comparator<List<Integer>> byValues = (a, b) -> {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    int c = Integer.compare(a.get(i), b.get(i));
                    if (c != 0) return c;
                }
                return Integer.compare(a.size(), b.size());
            };
            entries.sort(Comparator.comparing((List<Integer> v) -> counts.get(v)).reversed().thenComparing(byValues));
            Map<List<Integer>, Integer> index = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) index.put(entries.get(i), i);
            StringBuilder codes = new StringBuilder();
            for (List<Integer> v : perDoc) NumberCodes.append(codes, index.get(v));
            return new Palette(entries, codes.toString());
        }
    }

    static String jsonString(String value) {
        return new String(jsonBytes(g -> g.writeString(value)), StandardCharsets.UTF_8);
    }

    interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] jsonBytes(JsonWriting entry) {
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
