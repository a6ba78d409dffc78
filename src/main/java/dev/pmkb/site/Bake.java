package dev.pmkb.site;

import dev.pmkb.export.SearchExport;
import dev.pmkb.jbake.JBakeSite;
import dev.pmkb.index.RelatedIncidents;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Library;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;
import dev.pmkb.model.Related;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.render.IncidentsJson;
import dev.pmkb.render.MarkdownRenderer;
import dev.pmkb.render.Page;
import dev.pmkb.render.SitePlanner;
import dev.pmkb.understand.Linter;
import dev.pmkb.understand.Titles;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The bake pipeline, as a list of stages: read and understand every postmortem (in parallel), crawl them
 * into JBake's content store, index them and export the index (on a thread of their own) while they are
 * related and every page is rendered (in parallel), copy assets. The site is written into a staging folder
 * next to the output and swapped in only when every stage succeeded, so a failed bake never leaves a
 * half-written site.
 */
public final class Bake {

    private final SiteConfig config;
    private final Reuse reuse;
    private final List<BakeReport.StageTime> stages = Collections.synchronizedList(new ArrayList<>());
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
    /** The content folder's files a postmortem may link to, by path in the folder; set by the list step. */
    private Map<String, Path> attachments = Map.of();
    /** The attachments published postmortems link to: the ones the site publishes. Filled while pages render. */
    private final Set<String> linkedAttachments = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The previous site's pages and files this bake may keep; null without a build cache. */
    private PageCache pageCache;
    /** The safe HTML of postmortem bodies made by earlier bakes; null without a build cache. */
    private SanitizedHtmlCache htmlCache;
    private RelatedCache relatedCache;
    private KeptSearchExport keptExport;

    private Bake(SiteConfig config, Reuse reuse) {
        this.config = config;
        this.reuse = reuse;
    }

    /** A bake; with {@code config.cache()}, one that reuses what earlier bakes left in the build cache. */
    public static BakeReport run(SiteConfig config) throws BakeFailure {
        Reuse reuse = config.cache() == null ? NOTHING : new CachedReuse(new UnderstoodCache(config.cache()));
        // the bodies' texts wait in a file of their own, not in the heap (SpilledBodies)
        try (SpilledBodies bodies = SpilledBodies.in(config.cache() != null ? config.cache()
                : Path.of(System.getProperty("java.io.tmpdir")))) {
            return new Bake(config, bodies.around(reuse)).run();
        }
    }

    /** A bake that takes what it can from {@code reuse} (what {@code pmkb serve} kept of earlier bakes). */
    static BakeReport run(SiteConfig config, Reuse reuse) throws BakeFailure {
        return new Bake(config, reuse).run();
    }

    /**
     * What a bake may take from earlier ones, and how it puts its site in place. A one-shot bake takes nothing
     * ({@link #NOTHING}); {@link ServedSite} keeps understood postmortems between its rebakes.
     */
    interface Reuse {
        Understander understander(SiteConfig config);

        /** One postmortem file read and understood, or what is known of it already. Called from many threads. */
        Understood understand(Path content, Path file, Understander understander);

        /** Puts the staging folder in place of the output; {@code library} is what was baked. */
        void swap(Path staging, Path output, Library library) throws IOException;

        default void stageStarted(String stage) {
        }

        /** The build cache of understood postmortems this reuse reads and fills; null when there is none. */
        default UnderstoodCache understoodCache() {
            return null;
        }
    }

    /** {@code pmkb bake} with a build cache: postmortems understood before are taken from it. */
    private static final class CachedReuse implements Reuse {
        private final UnderstoodCache cache;
        private UnderstoodCache.Understanding understanding;

        CachedReuse(UnderstoodCache cache) {
            this.cache = cache;
        }

        @Override
        public Understander understander(SiteConfig config) {
            understanding = UnderstoodCache.understanding(config);
            return understanding.understander();
        }

        @Override
        public Understood understand(Path content, Path file, Understander understander) {
            return cache.understand(content, file, understanding);
        }

        @Override
        public void swap(Path staging, Path output, Library library) throws IOException {
            Bake.swap(staging, output);
        }

        @Override
        public UnderstoodCache understoodCache() {
            return cache;
        }
    }

    static final Reuse NOTHING = new Reuse() {
        @Override
        public Understander understander(SiteConfig config) {
            return Understander.forSite(config.siteRoot(), config.properties());
        }

        @Override
        public Understood understand(Path content, Path file, Understander understander) {
            return Bake.understand(SourceReader.read(content, file), understander);
        }

        @Override
        public void swap(Path staging, Path output, Library library) throws IOException {
            Bake.swap(staging, output);
        }
    };

    /** One postmortem file once read and understood: what to bake (null: nothing) and what to report about it. */
    record Understood(Postmortem postmortem, List<Diagnostic> diagnostics) {
        Understood {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    static Understood understand(SourceDocument doc, Understander understander) {
        if (doc.markdown().isBlank()) {
            List<Diagnostic> problems = new ArrayList<>(doc.problems());
            if (problems.isEmpty()) {
                problems.add(Diagnostic.error(doc.source(), 0, "no text after the header: nothing to bake"));
            }
            return new Understood(null, problems);
        }
        Postmortem p = understander.understand(doc);
        return new Understood(p, Linter.lint(p, doc.bodyStartLine())); // what pmkb check reports too (LibraryCheck)
    }

    private BakeReport run() throws BakeFailure {
        if (!Files.isDirectory(config.content())) {
            throw new BakeFailure("content folder not found: " + config.content());
        }
        java.util.Optional<String> unsafeOutput = OutputFolder.problem(config);
        if (unsafeOutput.isPresent()) throw new BakeFailure(unsafeOutput.get());
        Path index = SearchIndex.besideSite(config.output());
        if (Files.exists(index, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isIndex(index)) {
            // named after the output, but a bake must not delete a folder of someone's that has that name
            throw new BakeFailure("will not replace " + index + " with the search index (for 'pmkb search'): it is "
                    + "not a search index pmkb wrote; move it away");
        }
        List<Path> files = timed("list", () -> list(config.content()));
        if (config.cache() != null) pageCache = PageCache.open(config, config.cache());
        Understander understander = reuse.understander(config);
        Map<Path, Postmortem> prepared = timed("read and understand", () -> readAndUnderstand(files, understander));
        Path staging = stagingFolder();
        Path indexStaging = staging.resolveSibling(staging.getFileName() + INDEX_STAGING);
        try {
            Baked baked = bakeInto(staging, indexStaging, prepared, understander);
            sortDiagnostics();
            List<PageCache.Kept> noted = List.of();
            if (pageCache != null) {
                timed("keep unchanged files", () -> pageCache.keepUnchanged(staging));
                noted = pageCache.noteStaged(staging);
            }
            reuse.swap(staging, config.output(), baked.library());
            swap(indexStaging, index);
            BakeReport.CacheUse cacheUse;
            try {
                cacheUse = finishCache(noted);
            } catch (RuntimeException e) {
                // the site is in place: a cache that cannot be saved costs the next bake time, never this one
                cacheUse = new BakeReport.CacheUse(0, 0, 0, 0, 0, List.of("cannot save the build cache: " + e));
            }
            return new BakeReport(config.output(), baked.incidents(), baked.drafts(), baked.pages(), diagnostics, stages,
                    cacheUse);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            deleteQuietly(staging);
            deleteQuietly(indexStaging);
            throw new BakeFailure(e.getMessage(), e);
        } catch (BakeFailure | RuntimeException e) {
            deleteQuietly(staging);
            deleteQuietly(indexStaging);
            throw e;
        }
    }

    /** Saves what the cache must know of this bake once its site is in place; what the cache gave and what went wrong. */
    private BakeReport.CacheUse finishCache(List<PageCache.Kept> noted) {
        UnderstoodCache understood = reuse.understoodCache();
        if (pageCache == null && understood == null) return null;
        List<String> problems = new ArrayList<>();
        int hits = 0, misses = 0;
        if (understood != null) {
            understood.prune();
            hits = understood.hits();
            misses = understood.misses();
            problems.addAll(understood.problems());
        }
        int kept = 0, rendered = 0, files = 0;
        if (relatedCache != null) {
            relatedCache.prune();
            problems.addAll(relatedCache.problems());
        }
        if (keptExport != null) {
            keptExport.save(config.output());
            keptExport.prune();
            problems.addAll(keptExport.problems());
        }
        if (htmlCache != null) {
            htmlCache.save();
            htmlCache.prune();
            problems.addAll(htmlCache.problems());
        }
        if (pageCache != null) {
            pageCache.save(noted);
            kept = pageCache.pagesKept();
            rendered = pageCache.pagesRendered();
            files = pageCache.filesKept();
            problems.addAll(pageCache.problems());
        }
        return new BakeReport.CacheUse(hits, misses, kept, rendered, files, fewOf(problems));
    }

    /** The first few problems, and how many more: an unwritable cache folder would otherwise fill the screen. */
    private static List<String> fewOf(List<String> problems) {
        if (problems.size() <= CACHE_PROBLEMS_SHOWN) return problems;
        List<String> few = new ArrayList<>(problems.subList(0, CACHE_PROBLEMS_SHOWN));
        few.add("and " + (problems.size() - CACHE_PROBLEMS_SHOWN) + " more like these");
        return few;
    }

    private static final int CACHE_PROBLEMS_SHOWN = 5;

    /** The Lucene index's staging folder is named after the site's, so that stale ones are removed alike. */
    private static final String INDEX_STAGING = "-search-index";

    private static boolean isIndex(Path folder) {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        try (var entries = Files.list(folder)) {
            return entries.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }

    private record Baked(Library library, int incidents, int drafts, int pages) {
    }

    private Baked bakeInto(Path staging, Path indexStaging, Map<Path, Postmortem> prepared, Understander understander)
            throws IOException, BakeFailure {
        JBakeSite.Folders folders = new JBakeSite.Folders(config.siteRoot(), config.content(), config.templates(),
                config.assets(), staging);
        try (JBakeSite site = JBakeSite.open(folders)) {
            List<String> crawled = timed("crawl", () -> site.crawl(prepared));
            reportLost(prepared, crawled);
            List<Postmortem> published = published(prepared.values(), config.drafts());
            int drafts = (int) prepared.values().stream().filter(Postmortem::draft).count();
            // The index and its static export need neither related incidents nor pages, and each is
            // single-threaded: they run on a thread of their own while related incidents and pages use the cores
            // (on two cores, waiting for them before rendering left one core idle for a third of the bake). Only
            // the search page waits for the export: it carries the export's manifest inline. On two cores the common
            // pool's one worker runs them, so related incidents and pages run on the caller's core; a thread of their
            // own (both cores for pages) made the 10,000 bake's wall time 1.28x and its peak memory +200 MB, as long
            // as the export is the longest path: worth trying again once the export is faster.
            java.util.concurrent.CompletableFuture<String> index = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                timed("index (in the background)", () -> writeIndex(published, understander.taxonomy(), indexStaging,
                        config.cache() == null ? null : SearchIndex.besideSite(config.output())));
                return timed("search export (in the background)",
                        () -> exportSearch(published, understander.taxonomy(), indexStaging, staging));
            });
            Baked baked;
            try {
                Map<String, List<Related>> related = timed("related",
                        () -> relatedLists(published, understander.taxonomy()));
                Library library = new Library(published, understander.taxonomy(), related);
                MarkdownRenderer.ContentLinks links = contentLinks(published, attachments, linkedAttachments,
                        diagnostics::add);
                MarkdownRenderer markdown = config.cache() == null
                        ? new MarkdownRenderer(links, config.info().remoteImages())
                        : (htmlCache = SanitizedHtmlCache.open(links, attachments::containsKey, config.info().remoteImages(),
                        config.cache(), config.output()));
                List<Page> pages = timed("plan", () -> new SitePlanner(library, config.info(), markdown,
                        () -> joinUnchecked(index), searchModules(config.assets())).pages());
                // The search page waits for the export: rendered last, after the files that need no wait, so no core
                // waits while other work is left.
                timed("render", () -> renderAll(site,
                        pages.stream().filter(p -> !SitePlanner.waitsForSearchExport(p)).toList(), staging));
                timed("data files", () -> writeDataFiles(staging, library));
                List<String> assetErrors = timed("assets", site::copyAssets);
                if (!assetErrors.isEmpty()) throw new BakeFailure("copying assets failed: " + assetErrors);
                timed("attachments", () -> copyAttachments(staging));
                timed("search page (waits for export)", () -> renderAll(site,
                        pages.stream().filter(SitePlanner::waitsForSearchExport).toList(), staging));
                baked = new Baked(library, published.size(), drafts, pages.size());
            } catch (BakeFailure | RuntimeException | Error e) {
                // the staging folder is deleted after this: not while the index is still writing into it
                index.handle((done, failed) -> null).join();
                throw e;
            }
            joinIndex(index);
            return baked;
        }
    }

    /**
     * Related incidents of the published ones; with the build cache, the last bake's while their inputs are the same,
     * else computed with the terms of every unchanged incident taken from the cache.
     */
    private Map<String, List<Related>> relatedLists(List<Postmortem> published, dev.pmkb.model.Taxonomy taxonomy) {
        if (config.relatedLimit() == 0) return Map.of();
        // On two cores the common pool's one worker is writing the index: relating, parallel throughout, gets workers
        // of its own, one a core (the related stage of a 10,000 rebake 7.2 → 5.5 s, whole bake not slower).
        java.util.concurrent.ForkJoinPool cores = new java.util.concurrent.ForkJoinPool(
                Runtime.getRuntime().availableProcessors());
        try {
            return cores.submit(() -> relatedListsHere(published, taxonomy)).join();
        } finally {
            cores.shutdown();
        }
    }

    private Map<String, List<Related>> relatedListsHere(List<Postmortem> published, dev.pmkb.model.Taxonomy taxonomy) {
        if (config.cache() == null) return RelatedIncidents.compute(published, config.relatedLimit(), taxonomy);
        relatedCache = new RelatedCache(config.cache());
        return relatedCache.related(published, config.relatedLimit(), taxonomy,
                kept -> RelatedIncidents.compute(published, config.relatedLimit(), taxonomy, kept));
    }

    /**
     * The published incidents of the prepared ones, in the order of the site's lists, each under a title of its own;
     * drafts only when {@code drafts} (a preview's).
     */
    static List<Postmortem> published(java.util.Collection<Postmortem> prepared, boolean drafts) {
        return Titles.distinguish(prepared.stream().filter(p -> drafts || !p.draft()).sorted(NEWEST_FIRST).toList());
    }

    /**
     * Links from published postmortems into the content folder: to another postmortem's page, or to one of its
     * {@code attachments}, which is then recorded in {@code linked}; any other link is shown as text, with a warning.
     */
    static MarkdownRenderer.ContentLinks contentLinks(List<Postmortem> published, Map<String, Path> attachments,
                                                      Set<String> linked, java.util.function.Consumer<Diagnostic> report) {
        Map<String, String> pages = new java.util.HashMap<>();
        for (Postmortem p : published) pages.put(p.source(), p.url());
        return new MarkdownRenderer.ContentLinks() {
            @Override
            public String pageOf(String contentPath) {
                return pages.get(contentPath);
            }

            @Override
            public boolean exists(String contentPath) {
                if (!attachments.containsKey(contentPath)) return false;
                linked.add(contentPath);
                return true;
            }

            @Override
            public void broken(String source, String target) {
                boolean unpublished = !target.contains(":") && !target.startsWith("/")
                        && !ContentFolder.isPassive(target.replaceAll("[?#].*", ""));
                report.accept(Diagnostic.warning(source, 0, "link to '" + target + "' points at "
                        + (unpublished ? "nothing pmkb publishes (only images but SVG, PDF, CSV, TSV and JSON files of "
                        + "the content folder are published)" : "nothing in the content folder") + "; shown as text"));
            }
        };
    }

    /** Newest first; undated incidents last; ties by id so that every bake orders identically. */
    static final Comparator<Postmortem> NEWEST_FIRST = Comparator
            .comparing(Postmortem::date, Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()))
            .reversed()
            .thenComparing(Postmortem::id);

    private List<Path> list(Path content) {
        try {
            ContentFolder.Listing listing = ContentFolder.scan(content);
            diagnostics.addAll(listing.problems());
            attachments = listing.attachments();
            return listing.postmortems();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Path, Postmortem> readAndUnderstand(List<Path> files, Understander understander) {
        return understandAll(reuse, config.content(), files, understander, diagnostics::add).onePerPage();
    }

    /**
     * What reading and understanding the listed files gave: every postmortem understood, in no order, and the
     * ones that get a page (one per page, {@link #onePerPage}).
     */
    record Understanding(java.util.Collection<Postmortem> all, Map<Path, Postmortem> onePerPage) {
    }

    /** Reads and understands {@code files} on all cores, as a bake does; {@code check} does the same without one. */
    static Understanding understandAll(Reuse reuse, Path content, List<Path> files, Understander understander,
                                       java.util.function.Consumer<Diagnostic> report) {
        ConcurrentLinkedQueue<Postmortem> done = new ConcurrentLinkedQueue<>();
        Map<String, Path> fileOf = new java.util.concurrent.ConcurrentHashMap<>();
        files.parallelStream().forEach(file -> {
            Understood understood = reuse.understand(content, file, understander);
            understood.diagnostics().forEach(report);
            Postmortem p = understood.postmortem();
            if (p == null) return;
            fileOf.put(p.source(), file);
            done.add(p);
        });
        return new Understanding(done, onePerPage(done, fileOf, report));
    }

    /** Two files that would write the same page: the first in path order wins, the other is reported. */
    static Map<Path, Postmortem> onePerPage(java.util.Collection<Postmortem> done, Map<String, Path> fileOf,
                                             java.util.function.Consumer<Diagnostic> report) {
        Map<String, Postmortem> byUrl = new LinkedHashMap<>();
        Map<Path, Postmortem> prepared = new LinkedHashMap<>();
        done.stream().sorted(Comparator.comparing(Postmortem::source)).forEach(p -> {
            Postmortem earlier = byUrl.putIfAbsent(p.url(), p);
            if (earlier != null) {
                report.accept(Diagnostic.error(p.source(), 0, "same page " + p.url() + " as " + earlier.source()
                        + "; rename one of the two files (this one was not baked)"));
            } else {
                prepared.put(fileOf.get(p.source()), p);
            }
        });
        return prepared;
    }

    /**
     * Copies the attachments published postmortems link to; says which ones no published postmortem links to (a
     * draft's, or none's), since those are not published.
     */
    private void copyAttachments(Path staging) {
        unlinkedAttachments(attachments.keySet(), linkedAttachments).forEach(diagnostics::add);
        for (Map.Entry<String, Path> attachment : attachments.entrySet()) {
            String name = attachment.getKey();
            if (!linkedAttachments.contains(name)) continue;
            Path target = staging.resolve(name);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(attachment.getValue(), target);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                diagnostics.add(Diagnostic.warning(name, 0, "not published: the site has a file of its own there"));
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(name, 0, "not published: cannot copy: " + SourceReader.reason(e)));
            }
        }
    }

    /** The attachments no published postmortem links to (a draft's, or none's): they are not published. */
    static List<Diagnostic> unlinkedAttachments(Set<String> attachments, Set<String> linked) {
        return attachments.stream().filter(name -> !linked.contains(name)).sorted()
                .map(name -> Diagnostic.warning(name, 0, "not published: no published postmortem links to it"))
                .toList();
    }

    private void reportLost(Map<Path, Postmortem> prepared, List<String> crawled) {
        Set<String> seen = new HashSet<>(crawled);
        for (Postmortem p : prepared.values()) {
            if (!seen.contains(p.id())) {
                diagnostics.add(Diagnostic.error(p.source(), 0, "JBake's crawler skipped this file; it was not baked"));
            }
        }
    }

    /** For the search page's model, rendered on a worker thread: the export's failure as an unchecked one. */
    private static <T> T joinUnchecked(java.util.concurrent.CompletableFuture<T> index) {
        try {
            return joinIndex(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T joinIndex(java.util.concurrent.CompletableFuture<T> index) throws IOException {
        try {
            return index.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /**
     * The search client's modules, as the search page preloads them: every {@code .js} file under the assets'
     * {@code js/search/} but the entry point that every page loads, relative to that folder, in path order.
     */
    static List<String> searchModules(Path assets) {
        Path folder = assets.resolve("js/search");
        if (!Files.isDirectory(folder)) return List.of();
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".js") && Files.isRegularFile(f))
                    .map(f -> folder.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(name -> !name.equals("search.js")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the Lucene index, or takes and updates the one in {@code previous} (null: none). */
    private static void writeIndex(List<Postmortem> published, Taxonomy taxonomy, Path indexStaging, Path previous) {
        try {
            KeptSearchIndex.write(published, taxonomy, indexStaging, previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the static search export; returns its manifest, which the search page carries inline. */
    private String exportSearch(List<Postmortem> published, Taxonomy taxonomy, Path indexStaging, Path staging) {
        try {
            if (config.cache() != null) {
                keptExport = new KeptSearchExport(config.cache());
                return keptExport.export(published, taxonomy, indexStaging, config.output(), staging);
            }
            return SearchExport.write(indexStaging, published, taxonomy,
                    staging.resolve(SearchExport.DIRECTORY)).manifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders every page; with a build cache, a page whose model is what the previous site's file was rendered from is
     * linked from there instead. Every model is built either way, but for the body's HTML of a kept incident page, which
     * stays in the cache: building it finds broken links and the attachments the page links to.
     */
    private void renderAll(JBakeSite site, List<Page> pages, Path staging) {
        pages.parallelStream().forEach(page -> {
            try {
                if (pageCache == null) {
                    site.render(page, config.info());
                    return;
                }
                Page.Outline outline = page.outlined();
                String hash = pageCache.hash(page, outline);
                if (pageCache.keep(page.path(), hash, staging)) return;
                dev.pmkb.render.Pages model = outline.complete().get();
                site.render(new Page(page.path(), page.template(), () -> model), config.info());
                pageCache.rendered(page.path(), hash);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writeDataFiles(Path staging, Library library) {
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(staging.resolve("incidents.json")),
                    1 << 16)) {
                IncidentsJson.write(library, out);
            }
            String sitemap = config.info().absolute("sitemap.xml");
            Files.writeString(staging.resolve("robots.txt"), "User-agent: *\nAllow: /\n"
                    + (config.info().baseUrl() != null ? "Sitemap: " + sitemap + "\n" : ""));
            // GitHub Pages would otherwise run Jekyll over the site and hide files starting with '_'.
            Files.writeString(staging.resolve(".nojekyll"), "");
            Files.writeString(staging.resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sortDiagnostics() {
        diagnostics.sort(Comparator.comparing(Diagnostic::source).thenComparingInt(Diagnostic::line));
    }

    private Path stagingFolder() throws BakeFailure {
        Path output = config.output();
        try {
            Files.createDirectories(output.getParent());
            removeStaleFolders(output);
            // createDirectory, not createTempDirectory: a temporary folder is private (0700) and would stay so as
            // the site, which a web server running as another user then may not read; this one follows the umask.
            String name = "." + output.getFileName() + STAGING + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1);
            return Files.createDirectory(output.resolveSibling(name));
        } catch (IOException e) {
            throw new BakeFailure("cannot create a staging folder next to " + output + ": " + e.getMessage(), e);
        }
    }

    private static final String STAGING = ".baking-";
    private static final String REPLACED = ".old-";

    /**
     * Deletes the staging folders, and the replaced sites, that bakes of this output left when they were killed:
     * those whose bake's process (named in the folder's name) is gone, or that are a day old. Folders of a bake
     * still running elsewhere, or in this process, are left alone.
     */
    static void removeStaleFolders(Path output) {
        String mine = String.valueOf(ProcessHandle.current().pid());
        try (var siblings = Files.list(output.getParent())) {
            for (Path folder : siblings.toList()) {
                String name = folder.getFileName().toString();
                String owner = null;
                for (String kind : new String[]{STAGING, REPLACED}) {
                    String prefix = "." + output.getFileName() + kind;
                    if (name.startsWith(prefix)) owner = name.substring(prefix.length());
                }
                if (owner == null || !Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (isStale(folder, owner, mine)) deleteQuietly(folder);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the bake itself does not need the room
        }
    }

    private static boolean isStale(Path folder, String owner, String mine) throws IOException {
        java.time.Instant modified = Files.getLastModifiedTime(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant();
        java.time.Instant now = java.time.Instant.now();
        if (modified.isBefore(now.minus(Duration.ofDays(1)))) return true;
        int dash = owner.indexOf('-');
        if (dash <= 0) {
            // named before pmkb put its process id in the name: stale once no bake could still be writing it
            return modified.isBefore(now.minus(Duration.ofMinutes(10)));
        }
        String pid = owner.substring(0, dash);
        if (pid.equals(mine)) return false;
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Puts the new site in place of the old one with two renames, then deletes the old one. */
    static void swap(Path staging, Path output) throws IOException {
        Path old = null;
        if (Files.exists(output)) {
            old = output.resolveSibling("." + output.getFileName() + REPLACED + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            Files.move(output, old);
        }
        Files.move(staging, output);
        if (old != null) deleteQuietly(old);
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) return;
        try (var walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary folder is harmless and named as one
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private <T> T timed(String stage, Supplier<T> work) {
        reuse.stageStarted(stage);
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.add(new BakeReport.StageTime(stage, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private void timed(String stage, Runnable work) {
        timed(stage, () -> {
            work.run();
            return null;
        });
    }
}
