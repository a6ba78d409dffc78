package dev.pmkb.jbake;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * jbake-core's content store, kept in memory. The stock store runs an embedded OrientDB: two seconds to start,
 * about a millisecond per document to insert, and a full scan for every query by tag. A bake holds every
 * document anyway and starts from scratch, so a list with an index by source URI answers the same questions
 * in linear time. This follows jbake's own plan (jbake-org/jbake#800 replaces OrientDB with a list).
 * <p>
 * Queries return documents newest first, as the OrientDB queries' {@code order by date desc} did.
 */
final class InMemoryContentStore extends ContentStore {

    private static final Comparator<DocumentModel> NEWEST_FIRST =
            Comparator.comparing(DocumentModel::getDate, Comparator.nullsLast(Comparator.<Date>naturalOrder())).reversed();

    private final Map<String, DocumentModel> bySourceUri = new HashMap<>();
    private final List<DocumentModel> documents = new ArrayList<>();

    InMemoryContentStore() {
        super("memory", "pmkb");
    }

    @Override
    public void startup() {
        // nothing to start: no database
    }

    @Override
    public synchronized void addDocument(DocumentModel document) {
        DocumentModel earlier = bySourceUri.put(document.getSourceuri(), document);
        if (earlier != null) documents.remove(earlier);
        documents.add(document);
    }

    @Override
    public synchronized void deleteContent(String uri) {
        DocumentModel removed = bySourceUri.remove(uri);
        if (removed != null) documents.remove(removed);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentStatus(String uri) {
        return getDocumentByUri(uri);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentByUri(String uri) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        DocumentModel doc = bySourceUri.get(uri);
        if (doc != null) list.add(doc);
        return list;
    }

    @Override
    public synchronized long getDocumentCount(String docType) {
        return documents.stream().filter(ofType(docType)).count();
    }

    @Override
    public synchronized long getPublishedCount(String docType) {
        return documents.stream().filter(ofType(docType).and(InMemoryContentStore::published)).count();
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return getAllContent(docType, false);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        return select(ofType(docType));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedContent(String docType) {
        return select(ofType(docType).and(InMemoryContentStore::published));
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return select(ofType("post").and(InMemoryContentStore::published).and(tagged(tag)));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        return select(((Predicate<DocumentModel>) InMemoryContentStore::published).and(tagged(tag)));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getUnrenderedContent() {
        return select(doc -> !doc.getRendered());
    }

    @Override
    public synchronized void markContentAsRendered(DocumentModel document) {
        DocumentModel stored = bySourceUri.get(document.getSourceuri());
        if (stored != null) stored.setRendered(true);
    }

    @Override
    public synchronized void deleteAllByDocType(String docType) {
        documents.removeIf(ofType(docType));
        bySourceUri.values().removeIf(ofType(docType));
    }

    @Override
    public synchronized Set<String> getTags() {
        return tagsOf(select(ofType("post").and(InMemoryContentStore::published)));
    }

    @Override
    public synchronized Set<String> getAllTags() {
        return tagsOf(select(InMemoryContentStore::published));
    }

    @Override
    public void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) {
        // every bake starts from an empty store: there is no cache to clear
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public synchronized void close() {
        documents.clear();
        bySourceUri.clear();
    }

    @Override
    public void shutdown() {
        // nothing was started
    }

    @Override
    public synchronized void drop() {
        close();
    }

    private DocumentList<DocumentModel> select(Predicate<DocumentModel> filter) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        documents.stream().filter(filter).sorted(NEWEST_FIRST).forEach(list::add);
        return list;
    }

    private static Predicate<DocumentModel> ofType(String docType) {
        return doc -> docType.equals(doc.getType());
    }

    private static boolean published(DocumentModel doc) {
        return "published".equals(doc.getStatus());
    }

    private static Predicate<DocumentModel> tagged(String tag) {
        return doc -> doc.getTags() != null && Arrays.asList(doc.getTags()).contains(tag);
    }

    private static Set<String> tagsOf(List<DocumentModel> docs) {
        Set<String> tags = new LinkedHashSet<>();
        for (DocumentModel doc : docs) {
            if (doc.getTags() != null) tags.addAll(Arrays.asList(doc.getTags()));
        }
        return tags;
    }
}
