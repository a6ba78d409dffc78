package dev.pmkb.site;

import dev.pmkb.jbake.JBakeSite;
import dev.pmkb.jbake.PageRenderer;
import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Library;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.render.MarkdownRenderer;
import dev.pmkb.render.Page;
import dev.pmkb.render.SitePlanner;
import dev.pmkb.site.Bake.Understood;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The site {@code pmkb serve} keeps baked while its library is edited.
 * <p>
 * It remembers every postmortem it understood, by file (size, modification time and file key; the content's hash
 * when the time is too recent to be trusted), so a rebake reads and understands only what changed. A change is
 * handled in two steps: {@link #changed} at once renders the pages of the edited postmortems and moves each into
 * the served folder (a reader sees the edit in a fraction of a second, with the related incidents of the last
 * bake), then a full rebake, the same as {@code pmkb bake}'s, writes a staging folder that is swapped in. Pages are
 * only ever replaced whole (written beside, then renamed), and the swap waits for requests being served
 * ({@link #servingLock}), so a reader never sees a half-written site.
 * <p>
 * An edit that adds an error to a postmortem (a broken header, an emptied file) keeps the previous version on the
 * site until it is fixed; the error is reported with its file and line. Quick pages written while a rebake runs
 * would be older in that rebake's output, so they are copied into its staging folder before the swap, and another
 * rebake follows.
 */
public final class ServedSite implements AutoCloseable {

    /**
     * A file modified this close to the moment it was read may be written again within the file system's clock
     * tick without its size or time changing: it is compared by content next time.
     */
    private static final long RACY_MILLIS = 2_000;

    /** What the serving command is told, from the thread that did the work. */
    public interface Events {
        void baked(BakeReport report, Duration took);

        void bakeFailed(String message);

        void updated(Update update);
    }

    /**
     * What one look at the content folder did before the full rebake.
     *
     * @param changed  postmortems read and understood again (content-relative paths)
     * @param removed  postmortems gone from the content folder
     * @param pages    pages of the changed postmortems rendered and put in place at once
     * @param lists    pages listing incidents (home, archive, cause, organisation pages, feed...) rendered and put in
     *                 place at once, after {@code pages}
     * @param errors   errors in the changed postmortems
     * @param kept     changed postmortems whose previous version stays on the site: the edit added an error
     * @param failures why pages could not be put in place at once (the full rebake still runs)
     */
    public record Update(List<String> changed, List<String> removed, List<String> pages, List<String> lists,
                         List<Diagnostic> errors, List<String> kept, List<String> failures, Duration took) {
    }

    private record Stamp(long size, FileTime modified, Object key) {
    }

    /**
     * One postmortem file as last seen. {@code current} is what its content says; {@code kept} is what the site
     * shows, the same postmortem unless the content added errors to the version the site had.
     */
    private record Entry(String source, Understander understander, Stamp stamp, boolean racy, byte[] sha, long ticket,
                         Understood current, Postmortem kept, Set<String> keptErrors) {

        Understood forBake() {
            return kept == current.postmortem() ? current : new Understood(kept, current.diagnostics());
        }

        boolean keepsPrevious() {
            return kept != current.postmortem();
        }
    }

    /**
     * A page {@link #changed} put in place, and the reads of the postmortem files it shows that made it differ from
     * the last bake's: a rebake that used an older read of any of them (or none) would write an older page.
     */
    private record QuickPage(Map<Path, Long> reads) {
        boolean newerThan(Map<Path, Long> used) {
            return reads.entrySet().stream().anyMatch(r -> {
                Long read = used.get(r.getKey());
                return read == null || read < r.getValue();
            });
        }
    }

    private final SiteConfig config;
    private final Events events;
    private final Map<Path, Entry> files = new ConcurrentHashMap<>();
    /** Orders reads: a read that started later saw content at least as new. */
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong understood = new AtomicLong();
    /** Bumped once a change is on the served site: live reload's signal. */
    private final AtomicLong version = new AtomicLong();
    private final ReentrantReadWriteLock output = new ReentrantReadWriteLock();
    private final Map<String, QuickPage> quickPages = new ConcurrentHashMap<>();
    private final Object understanderLock = new Object();
    private final Object signal = new Object();
    private volatile Understander understander;
    private String understanderInputs;
    /** The build cache {@code pmkb bake} fills too; null without one. */
    private final UnderstoodCache cache;
    /** The fingerprint of {@link #understander}'s inputs, under which the cache files what it understands. */
    private volatile UnderstoodCache.Understanding understanding;
    private volatile Library baked;
    private PageRenderer renderer;
    private boolean pending;
    private boolean closed;
    private Thread worker;
    private volatile Consumer<String> stageHook = stage -> {
    };

    public ServedSite(SiteConfig config, Events events) {
        this.config = config;
        this.events = events;
        this.cache = config.cache() == null ? null : new UnderstoodCache(config.cache());
    }

    /** Held while a request reads the served folder: the swap of a rebake waits for it. */
    public Lock servingLock() {
        return output.readLock();
    }

    /**
     * Counts the changes put on the served site (rebakes swapped in, pages updated at once): a browser showing a page
     * served at an earlier count reloads it. Read before a page, it never misses a change the page lacks.
     */
    public long version() {
        return version.get();
    }

    /** A full bake on this thread, reusing what is known; false when it failed (the previous site stays). */
    public boolean bake() {
        synchronized (signal) {
            pending = false;
        }
        long start = System.nanoTime();
        try {
            BakeReport report = Bake.run(config, new Rebake());
            events.baked(report, Duration.ofNanos(System.nanoTime() - start));
            return true;
        } catch (BakeFailure e) {
            events.bakeFailed(e.getMessage());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // an invalid taxonomy.yml or an unreadable site: the same message pmkb bake gives, and serve goes on
            events.bakeFailed(e.getMessage());
        } catch (RuntimeException e) {
            // a bug: said as such, and the next change is still rebaked
            events.bakeFailed(e.toString());
        }
        return false;
    }

    /** Rebakes on a thread of its own whenever {@link #changed} asked for it, until {@link #close}. */
    public void startRebaking() {
        worker = new Thread(this::rebakeWhenAsked, "pmkb-rebake");
        worker.setDaemon(true);
        worker.start();
    }

    private void rebakeWhenAsked() {
        while (true) {
            synchronized (signal) {
                try {
                    while (!pending && !closed) signal.wait();
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
            }
            bake();
        }
    }

    public boolean rebakePending() {
        synchronized (signal) {
            return pending;
        }
    }

    private void requestRebake() {
        synchronized (signal) {
            pending = true;
            signal.notifyAll();
        }
    }

    /**
     * Something under the content, template or asset folders changed ({@code paths}, as the watcher saw them):
     * reads the postmortems whose files changed, puts their pages in place, and asks for a full rebake.
     */
    public synchronized Update changed(Collection<Path> paths) {
        long start = System.nanoTime();
        boolean templatesChanged = paths.stream().anyMatch(p -> p.startsWith(config.templates()));
        if (templatesChanged) renderer = null;
        List<String> removed = new ArrayList<>();
        List<Entry> changed = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ContentFolder.Listing folder = new ContentFolder.Listing(List.of(), Map.of(), List.of());
        // The understander of the last bake: a changed taxonomy is the full rebake's to apply, to every file.
        Understander understander = this.understander;
        boolean listed = false;
        try {
            if (understander != null && Files.isDirectory(config.content())) {
                folder = ContentFolder.scan(config.content());
                listed = true;
            }
        } catch (IOException | UncheckedIOException e) {
            failures.add("cannot list " + config.content() + ": " + e.getMessage());
        }
        List<Path> listing = folder.postmortems();
        if (listed) {
            Set<Path> present = new HashSet<>(listing);
            for (Iterator<Map.Entry<Path, Entry>> it = files.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Path, Entry> e = it.next();
                if (!present.contains(e.getKey())) {
                    removed.add(e.getValue().source());
                    it.remove();
                }
            }
        }
        for (Path file : listing) {
            Entry before = files.get(file);
            Entry after = refresh(file, understander);
            if (before == null || before.current() != after.current()) changed.add(after);
        }
        List<Entry> toRender = changed.stream()
                .filter(e -> !e.keepsPrevious() && e.kept() != null && (config.drafts() || !e.kept().draft())).toList();
        Library last = baked;
        if (!templatesChanged && last != null && (!toRender.isEmpty() || !removed.isEmpty())) {
            try {
                writePages(folder, toRender, understander, last, pages, lists);
            } catch (IOException | RuntimeException e) {
                failures.add("cannot update the changed pages at once: " + e.getMessage());
            }
        }
        requestRebake();
        Update update = new Update(changed.stream().map(Entry::source).toList(), List.copyOf(removed),
                List.copyOf(pages), List.copyOf(lists),
                changed.stream().flatMap(e -> e.current().diagnostics().stream()).filter(Diagnostic::isError).toList(),
                changed.stream().filter(Entry::keepsPrevious).map(Entry::source).toList(), List.copyOf(failures),
                Duration.ofNanos(System.nanoTime() - start));
        events.updated(update);
        return update;
    }

    /**
     * Renders the pages of {@code entries} against the library as it is now, with the related incidents of the
     * last bake (which the full rebake then recomputes), and moves each into the served folder; then the pages that
     * list incidents, so that the lists show the change long before the full rebake (with its related incidents
     * and search export) is swapped in. Other incidents' pages (their neighbours' and related incidents' titles)
     * and the search page wait for the rebake.
     */
    private void writePages(ContentFolder.Listing folder, List<Entry> entries, Understander understander,
                            Library last, List<String> written, List<String> lists) throws IOException {
        List<Postmortem> all = new ArrayList<>();
        Map<String, Path> fileOf = new HashMap<>();
        for (Path file : folder.postmortems()) {
            Entry e = files.get(file);
            if (e != null && e.kept() != null) {
                all.add(e.kept());
                fileOf.put(e.kept().source(), file);
            }
        }
        Map<Path, Postmortem> prepared = Bake.onePerPage(all, fileOf, ignored -> {
        });
        List<Postmortem> published = Bake.published(prepared.values(), config.drafts());
        Library library = new Library(published, understander.taxonomy(), last.related());
        // Broken links are reported by the full rebake, once.
        MarkdownRenderer markdown = new MarkdownRenderer(Bake.contentLinks(published, folder.attachments(),
                java.util.concurrent.ConcurrentHashMap.newKeySet(), ignored -> {
                }), config.info().remoteImages());
        SitePlanner planner = new SitePlanner(library, config.info(), markdown);
        PageRenderer renderer = renderer();
        Map<Path, Long> reads = new HashMap<>();
        for (Entry e : entries) {
            Path file = fileOf.get(e.kept().source());
            if (file == null || prepared.get(file) != e.kept()) continue; // another file has this page
            reads.put(file, e.ticket());
            Optional<Page> page = planner.incidentPage(e.kept().id());
            if (page.isEmpty()) continue;
            String html = renderer.render(page.get(), config.info());
            put(page.get().path(), html.getBytes(StandardCharsets.UTF_8), new QuickPage(Map.of(file, e.ticket())));
            written.add(page.get().path());
        }
        QuickPage listsRead = new QuickPage(Map.copyOf(reads));
        for (Page page : planner.pages()) {
            if (!LISTS_WAIT_FOR_THE_REBAKE.contains(page.template())) {
                put(page.path(), renderer.render(page, config.info()).getBytes(StandardCharsets.UTF_8), listsRead);
                lists.add(page.path());
            }
        }
    }

    /**
     * The pages {@link #changed} leaves to the rebake: incident pages but the changed ones, the search page, whose
     * model is the search export's manifest, and the not-found page, which lists nothing.
     */
    private static final Set<String> LISTS_WAIT_FOR_THE_REBAKE = Set.of("incident.ftlh", "search.ftlh", "404.ftlh");

    private PageRenderer renderer() {
        if (renderer == null) {
            renderer = PageRenderer.open(new JBakeSite.Folders(config.siteRoot(), config.content(), config.templates(),
                    config.assets(), config.output()));
        }
        return renderer;
    }

    /** Writes beside the page, then renames over it: a reader gets the old page or the new one. */
    private void put(String pagePath, byte[] bytes, QuickPage quick) throws IOException {
        Lock lock = output.readLock(); // excludes the swap, whose rename would take the folder from under us
        lock.lock();
        try {
            Path target = config.output().resolve(pagePath);
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + tickets.incrementAndGet() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            quickPages.put(pagePath, quick);
            version.incrementAndGet();
        } finally {
            lock.unlock();
        }
    }

    /** The entry for {@code file} as it is now: the one known when its stamp is unchanged, else read again. */
    private Entry refresh(Path file, Understander understander) {
        Entry old = files.get(file);
        if (old != null && old.understander() != understander) old = null;
        Stamp stamp = stamp(file);
        if (old != null && stamp != null && !old.racy() && stamp.equals(old.stamp())) return old;
        long ticket = tickets.incrementAndGet();
        long readAt = System.currentTimeMillis();
        String source = SourceReader.sourceName(config.content(), file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            bytes = null;
        }
        byte[] sha = bytes == null ? null : sha256(bytes);
        Understood fresh;
        UnderstoodCache.Understanding cached = understanding;
        boolean cacheable = cache != null && bytes != null && cached != null && cached.understander() == understander;
        Optional<Understood> known = Optional.empty();
        if (old != null && sha != null && Arrays.equals(sha, old.sha())) {
            fresh = old.current(); // touched, not changed
        } else if (cacheable && (known = cache.known(source, bytes, cached)).isPresent()) {
            fresh = known.get();
        } else if (cacheable) {
            fresh = cache.understandAndKeep(source, bytes, cached);
            understood.incrementAndGet();
        } else {
            SourceDocument doc = bytes != null ? SourceReader.parse(source, bytes)
                    : SourceReader.read(config.content(), file); // says why it cannot be read
            fresh = Bake.understand(doc, understander);
            understood.incrementAndGet();
        }
        boolean racy = stamp == null || sha == null || stamp.modified().toMillis() >= readAt - RACY_MILLIS;
        return files.compute(file, (key, prev) -> {
            Entry base = prev != null && prev.understander() == understander ? prev : null;
            if (base != null && base.ticket() > ticket) return base; // a later read got here first
            return accept(base, source, understander, stamp, racy, sha, ticket, fresh);
        });
    }

    private static Entry accept(Entry previous, String source, Understander understander, Stamp stamp, boolean racy,
                                byte[] sha, long ticket, Understood fresh) {
        Set<String> errors = fresh.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message)
                .collect(Collectors.toUnmodifiableSet());
        if (previous != null && previous.kept() != null && !previous.keptErrors().containsAll(errors)) {
            return new Entry(source, understander, stamp, racy, sha, ticket, fresh, previous.kept(),
                    previous.keptErrors());
        }
        return new Entry(source, understander, stamp, racy, sha, ticket, fresh, fresh.postmortem(), errors);
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The understander of the last bake, or a new one when the taxonomy changed (then every file is read again). */
    private Understander understanderForBake() {
        synchronized (understanderLock) {
            String inputs = taxonomyText();
            if (understander == null || !inputs.equals(understanderInputs)) {
                Understander next;
                if (cache != null) {
                    UnderstoodCache.Understanding made = UnderstoodCache.understanding(config);
                    next = made.understander();
                    understanding = made;
                } else {
                    next = Understander.forSite(config.siteRoot(), config.properties());
                }
                understanderInputs = inputs;
                understander = next;
            }
            return understander;
        }
    }

    private String taxonomyText() {
        Path file = config.siteRoot().resolve("taxonomy.yml");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Postmortems read and understood since this site was made; unchanged files are not. */
    long understoodFiles() {
        return understood.get();
    }

    /** Called as each stage of a bake starts, on the thread that runs it. */
    void onStage(Consumer<String> hook) {
        stageHook = hook;
    }

    /** Stops rebaking; a rebake under way is finished (its staging folder would be left behind otherwise). */
    @Override
    public void close() {
        synchronized (signal) {
            closed = true;
            signal.notifyAll();
        }
        if (worker == null) return;
        boolean interrupted = Thread.interrupted();
        try {
            worker.join(60_000);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** One rebake: records which read of each file it used, to know which quick pages are newer. */
    private final class Rebake implements Bake.Reuse {
        private final Map<Path, Long> used = new ConcurrentHashMap<>();

        @Override
        public Understander understander(SiteConfig config) {
            return understanderForBake();
        }

        @Override
        public Understood understand(Path content, Path file, Understander understander) {
            Entry e = refresh(file, understander);
            used.put(file, e.ticket());
            return e.forBake();
        }

        @Override
        public void stageStarted(String stage) {
            stageHook.accept(stage);
        }

        @Override
        public UnderstoodCache understoodCache() {
            return cache;
        }

        @Override
        public void swap(Path staging, Path target, Library library) throws IOException {
            Lock lock = output.writeLock();
            lock.lock();
            try {
                for (Map.Entry<String, QuickPage> q : quickPages.entrySet()) {
                    if (!q.getValue().newerThan(used)) continue;
                    Path page = target.resolve(q.getKey());
                    if (!Files.isRegularFile(page)) continue;
                    Path into = staging.resolve(q.getKey());
                    Files.createDirectories(into.getParent());
                    Files.copy(page, into, StandardCopyOption.REPLACE_EXISTING);
                }
                Bake.swap(staging, target);
                quickPages.clear();
                baked = library;
                version.incrementAndGet();
            } finally {
                lock.unlock();
            }
        }
    }
}
