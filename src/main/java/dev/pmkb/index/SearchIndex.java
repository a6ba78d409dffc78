package dev.pmkb.index;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.FacetTag;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Taxonomy;
import java.util.ArrayList;
import dev.pmkb.model.Postmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the Lucene index of a postmortem library from the domain model, or updates one it wrote. One document per
 * incident, one segment, in {@link #DOCUMENT_ORDER}: grouped by primary root cause, then by id, by the index sort
 * ({@link #orderKey}), so an updated index numbers its documents as a fresh one. Lucene breaks score ties by
 * document number, so ties break the same way everywhere; the grouping keeps each cause's incidents together, which
 * makes the static export's postings smaller and lets a result shard hold a run of neighbouring documents.
 *
 * <p>Fields (docs/search.md, "Index"):
 * <ul>
 *   <li>searched text, analysed by {@link PmkbAnalyzer}, with positions and norms: {@link #TEXT_FIELDS};
 *   <li>stored: {@code id}, {@code url}, {@code title}, {@code date} (ISO), {@code cause} (every slug);
 *   <li>keywords for filters and facets (indexed and doc values): {@code cause}, {@code impactCategory},
 *       {@code component}, {@code year}; and {@code id}.
 * </ul>
 */
public final class SearchIndex {

    /**
     * Where a bake of the site in {@code output} keeps its index, for {@code pmkb search}: a hidden folder beside
     * the site, {@code .<output>.search-index}, so that publishing the site never publishes the index.
     */
    public static Path besideSite(Path output) {
        Path site = output.toAbsolutePath().normalize();
        return site.resolveSibling("." + site.getFileName() + ".search-index");
    }

    public static final String ID = "id";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String DATE = "date";
    public static final String SUMMARY = "summary";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String BODY = "body";
    public static final String CAUSE = "cause";
    public static final String IMPACT_CATEGORY = "impactCategory";
    public static final String COMPONENT = "component";
    public static final String YEAR = "year";
    /** The impact category's name in URLs ({@code search.html?impact=full-outage}) and options ({@code --impact}). */
    public static final String IMPACT_PARAMETER = "impact";

    /**
     * A facet's name where readers type it: the search page's URL parameter, and {@code pmkb search}'s option. The
     * export writes it into the manifest ({@code "param"}), so the page reads it from there.
     */
    public static String parameterOf(String facet) {
        return facet.equals(IMPACT_CATEGORY) ? IMPACT_PARAMETER : facet;
    }
    /**
     * The incident's tags as words: each root cause's, impact category's and component's display name, slug and
     * taxonomy phrases, so that a query naming a tag ("bad deployment", "connection pool exhaustion", "postgres")
     * finds the incidents tagged with it.
     */
    public static final String TAGS = "tags";
    /**
     * Tags weigh most: a reader who names a root cause asks for the incidents of that cause, and the tag is the
     * bake's reading of the whole postmortem, where a word in the text may be a passing mention.
     */
    public static final float TAG_BOOST = 8f;
    /** Commit data key of the synonyms (JSON list of lists of phrases), which {@link Searcher} applies. */
    static final String SYNONYMS_KEY = "pmkb.synonyms";

    /**
     * Searched fields and their boosts, in scoring order. Every boost is exact in float32. Why these: a word in
     * the title names the incident (3); the root cause says why it happened, which is what people search for
     * (2); the summary is the author's own short account (1.5); the body holds everything once (1). A word in the
     * root cause also counts in the body, so it weighs 2 + 1. The resolution and the timeline are searched
     * through the body only: as fields of their own they made the browser's index a third bigger (docs/search.md,
     * "Index") for words that the body already finds.
     */
    public static final Map<String, Float> TEXT_FIELDS;

    static {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(TITLE, 3f);
        fields.put(ROOT_CAUSE, 2f);
        fields.put(SUMMARY, 1.5f);
        fields.put(BODY, 1f);
        fields.put(TAGS, TAG_BOOST);
        TEXT_FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    private SearchIndex() {
    }

    /**
     * Replaces whatever index is in {@code indexDir} by one of {@code incidents} (as given: the caller decides
     * about drafts).
     *
     * @throws IllegalArgumentException when two incidents have the same id
     */
    public static void write(List<Postmortem> incidents, Path indexDir) throws IOException {
        write(incidents, null, indexDir);
    }

    /**
     * As above, with the library's taxonomy (or null): its names and phrases go into the {@link #TAGS} field, its
     * synonyms into the index for {@link Searcher} and the static export.
     */
    public static void write(List<Postmortem> incidents, Taxonomy taxonomy, Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        try (Directory directory = FSDirectory.open(indexDir)) {
            write(incidents, taxonomy, directory);
        }
    }

    static void write(List<Postmortem> incidents, Directory directory) throws IOException {
        write(incidents, null, directory);
    }

    static void write(List<Postmortem> incidents, Taxonomy taxonomy, Directory directory) throws IOException {
        List<Postmortem> sorted = sortedById(incidents).stream().sorted(DOCUMENT_ORDER).toList();
        // Documents go in one at a time, in document order: each flushed segment is then sorted already, and the
        // merges of neighbouring segments (a log merge policy merges no others) concatenate them, so the index sort
        // costs a cold write no sorting, while the writer holds at most one RAM buffer of documents.
        try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
            for (Postmortem incident : sorted) writer.addDocument(document(incident, taxonomy));
            finish(writer, taxonomy);
        }
    }

    /**
     * Turns the index in {@code indexDir}, written by {@link #write} (or updated here) with the same taxonomy and
     * pmkb, into the index of another library: the documents of {@code deleted} ids go, each of {@code written}
     * replaces the document of its id or is added. The documents' numbers follow from the index sort, so the
     * result reads exactly as {@link #write} of the new library would (same documents, numbers, postings, norms and
     * statistics; its files differ). Files already in the folder are never changed: Lucene writes new ones.
     *
     * @return false when the update left a field that no document has any more: Lucene keeps the field's description
     *         (whether it has norms, for one), which a fresh write would not have, so only a fresh write is exact
     */
    public static boolean update(Path indexDir, java.util.Collection<String> deleted, List<Postmortem> written,
                                 Taxonomy taxonomy) throws IOException {
        try (Directory directory = FSDirectory.open(indexDir)) {
            return update(directory, deleted, written, taxonomy);
        }
    }

    static boolean update(Directory directory, java.util.Collection<String> deleted, List<Postmortem> written,
                          Taxonomy taxonomy) throws IOException {
        List<Postmortem> sorted = sortedById(written);
        try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND))) {
            for (String id : deleted) writer.deleteDocuments(new Term(ID, id));
            for (Postmortem incident : sorted) writer.updateDocument(new Term(ID, incident.id()), document(incident, taxonomy));
            finish(writer, taxonomy);
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                for (FieldInfo field : leaf.reader().getFieldInfos()) {
                    if (!hasDocuments(leaf.reader(), field)) return false;
                }
            }
        }
        return true;
    }

    /** Whether a document of {@code leaf} has {@code field}: indexed, with doc values, or stored. */
    private static boolean hasDocuments(LeafReader leaf, FieldInfo field) throws IOException {
        if (field.getIndexOptions() != IndexOptions.NONE) {
            Terms terms = leaf.terms(field.name);
            return terms != null && terms.getDocCount() > 0;
        }
        DocIdSetIterator values = switch (field.getDocValuesType()) {
            case NONE -> null;
            case NUMERIC -> leaf.getNumericDocValues(field.name);
            case BINARY -> leaf.getBinaryDocValues(field.name);
            case SORTED -> leaf.getSortedDocValues(field.name);
            case SORTED_NUMERIC -> leaf.getSortedNumericDocValues(field.name);
            case SORTED_SET -> leaf.getSortedSetDocValues(field.name);
        };
        if (field.getDocValuesType() != DocValuesType.NONE) {
            return values != null && values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
        }
        return true; // stored only (url, date): read by name, document by document; an empty one changes nothing
    }

    /** One segment without deleted documents (the export requires it), and the synonyms in the commit. */
    private static void finish(IndexWriter writer, Taxonomy taxonomy) throws IOException {
        writer.forceMerge(1);
        writer.setLiveCommitData(Map.of(SYNONYMS_KEY,
                SearchSettings.synonymsJson(taxonomy == null ? List.of() : taxonomy.synonyms())).entrySet());
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new PmkbAnalyzer())
                .setOpenMode(mode)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergePolicy(new LogByteSizeMergePolicy())
                // The one segment forceMerge leaves is never a compound file (it is more than the merge policy's
                // 10% of the index): flushing compound files only made forceMerge rewrite a library that fit in one
                // flush, and pack every flushed segment once more on the way.
                .setUseCompoundFile(false)
                // Document numbers follow from each document's own values, never from when it was added, so an
                // index updated document by document numbers its documents as a fresh one does.
                .setIndexSort(new Sort(new SortField(ORDER, SortField.Type.STRING)))
                .setCommitOnClose(true);
    }

    /** Enough to index a few thousand postmortems per segment, small enough to bake 50,000 in a 1 GB heap. */
    static final double RAM_BUFFER_MB = 48;

    /** Primary root cause (incidents without one last), then id: the order of document numbers. */
    public static final Comparator<Postmortem> DOCUMENT_ORDER = Comparator
            .comparing(SearchIndex::primaryCause, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Postmortem::id);

    /** The index sort's field (doc values only): bytes that sort as {@link #DOCUMENT_ORDER}. */
    static final String ORDER = "order";

    /**
     * The incident's place in {@link #DOCUMENT_ORDER} as bytes that Lucene's unsigned byte order sorts the same way:
     * a byte saying whether there is a primary cause (0) or not (1), the cause, a terminator, the id. Each UTF-16
     * unit {@code c} of the cause and id is the three bytes of {@code c + 1}, big-endian, so units compare as
     * {@link String#compareTo} compares them (not as UTF-8 would, which puts supplementary characters after
     * U+FFFF), and the terminator, three zero bytes, sorts before any unit: a cause that is a prefix of another
     * comes first, whatever the ids.
     */
    static BytesRef orderKey(Postmortem incident) {
        String cause = primaryCause(incident);
        String id = incident.id();
        int length = 1 + (cause == null ? 0 : 3 * cause.length() + 3) + 3 * id.length();
        byte[] key = new byte[length];
        int at = 0;
        key[at++] = (byte) (cause == null ? 1 : 0);
        if (cause != null) {
            at = putUnits(key, at, cause);
            at += 3; // the terminator: already zeros
        }
        putUnits(key, at, id);
        return new BytesRef(key);
    }

    private static int putUnits(byte[] key, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            int unit = text.charAt(i) + 1;
            key[at++] = (byte) (unit >>> 16);
            key[at++] = (byte) (unit >>> 8);
            key[at++] = (byte) unit;
        }
        return at;
    }

    static String primaryCause(Postmortem incident) {
        return incident.facts() == null || incident.facts().causes() == null ? null : incident.facts().causes().primary();
    }

    static List<Postmortem> sortedById(List<Postmortem> incidents) {
        List<Postmortem> sorted = incidents.stream().sorted(Comparator.comparing(Postmortem::id)).toList();
        Set<String> seen = new HashSet<>();
        for (Postmortem p : sorted) {
            if (!seen.add(p.id())) throw new IllegalArgumentException("two incidents have the id " + p.id());
        }
        return sorted;
    }

    private static Document document(Postmortem incident, Taxonomy taxonomy) {
        Document doc = new Document();
        Facts facts = incident.facts();
        doc.add(new SortedDocValuesField(ORDER, orderKey(incident)));
        doc.add(new StringField(ID, incident.id(), Field.Store.YES));
        doc.add(new StoredField(URL, incident.url()));
        addText(doc, TITLE, incident.title(), true);
        if (incident.date() != null) {
            doc.add(new StoredField(DATE, incident.date().toString()));
            keyword(doc, YEAR, Integer.toString(incident.date().getYear()), false);
        }
        if (facts != null) {
            addText(doc, SUMMARY, facts.summary(), false);
            addText(doc, ROOT_CAUSE, facts.rootCause(), false);
            if (facts.causes() != null) {
                for (String slug : distinct(facts.causes().slugs())) keyword(doc, CAUSE, slug, true);
            }
            for (String category : distinct(facts.impactCategories())) keyword(doc, IMPACT_CATEGORY, category, false);
            for (String component : distinct(facts.components())) keyword(doc, COMPONENT, component, false);
            String tags = tagText(facts, taxonomy);
            if (!tags.isBlank()) doc.add(new Field(TAGS, tags, TAG_FIELD));
        }
        addText(doc, BODY, body(incident), false);
        return doc;
    }

    /**
     * The Markdown as plain text, with the title in front when the text does not contain it (a title from the
     * header) and the author's keywords after it: the body holds every word of the incident, and it is the
     * dictionary that prefixes expand against.
     */
    static String body(Postmortem incident) {
        String plain = incident.body().text();
        String title = incident.title();
        String body = title == null || title.isBlank() || plain.contains(title.strip()) ? plain
                : title.strip() + "\n\n" + plain;
        return incident.keywords().isEmpty() ? body : body + "\n\n" + String.join(", ", incident.keywords());
    }

    /**
     * Tags are a list, not a text: how many an incident has says nothing about how well each fits, so they keep no
     * norms (every document's tags count as one word long), and the client needs none.
     */
    private static final FieldType TAG_FIELD = tagField();

    private static FieldType tagField() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /**
     * Every name, slug (as words) and taxonomy phrase of the incident's root causes, impact categories and
     * components, one per line; a phrase's trailing {@code *} is dropped ({@code misconfigur*} gives
     * {@code misconfigur}, the stem of "misconfiguration"). Without a taxonomy: the slugs and values only.
     */
    static String tagText(Facts facts, Taxonomy taxonomy) {
        List<String> lines = new ArrayList<>();
        if (facts.causes() != null) {
            for (String slug : distinct(facts.causes().slugs())) {
                lines.add(slug.replace('-', ' '));
                CauseTag tag = taxonomy == null ? null : taxonomy.cause(slug).orElse(null);
                if (tag != null) {
                    lines.add(tag.name());
                    lines.addAll(tag.phrases());
                }
            }
        }
        for (String category : distinct(facts.impactCategories())) {
            lines.add(category.replace('-', ' '));
            FacetTag tag = taxonomy == null ? null : taxonomy.impactCategory(category).orElse(null);
            if (tag != null) {
                lines.add(tag.name());
                lines.addAll(tag.phrases());
            }
        }
        for (String component : distinct(facts.components())) {
            lines.add(component);
            FacetTag tag = taxonomy == null ? null : taxonomy.components().stream()
                    .filter(c -> c.name().equalsIgnoreCase(component) || c.slug().equalsIgnoreCase(component))
                    .findFirst().orElse(null);
            if (tag != null) {
                lines.add(tag.slug().replace('-', ' '));
                lines.addAll(tag.phrases());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) text.append(line.endsWith("*") ? line.substring(0, line.length() - 1) : line).append('\n');
        return text.toString();
    }

    private static void addText(Document doc, String field, String text, boolean store) {
        if (text == null || text.isBlank()) return;
        doc.add(new TextField(field, text, store ? Field.Store.YES : Field.Store.NO));
    }

    private static void keyword(Document doc, String field, String value, boolean store) {
        doc.add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
