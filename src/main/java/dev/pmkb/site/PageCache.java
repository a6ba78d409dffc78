package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.render.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Keeps the files of the previous site that a rebake would write the same, so that they stay untouched (same
 * bytes, same inode and modification time) and the unchanged pages are not rendered again.
 * <p>
 * A page is rendered from its model, a tree of records, and the templates. After each bake the cache notes, for the
 * output folder, each page's model hash (with everything else a page depends on: pmkb's code, the templates, the
 * site's settings) and the file it became (size, time, file key). A rebake builds every model, as it must to find
 * broken links and the attachments pages link to, but renders only pages whose hash changed or whose file in the
 * site was changed since; the others are hard-linked from the previous site into the staging folder. Then every
 * other file the bake wrote (data files, the search export, assets, pages rendered anyway) that has the same bytes
 * as the previous site's is replaced by a link to that one. The staging folder is still swapped in whole.
 */
final class PageCache {

    private static final String FORMAT = "pages-2";

    /** One page of a site as the cache last saw it. */
    record Kept(String path, String model, long size, long modifiedNanos, String fileKey) {
    }

    /** One other file of a site (data file, search export, asset, page rendered again) as the cache last saw it. */
    record Written(String path, long size, long modifiedNanos, String fileKey, String hash) {
        boolean sameFile(BasicFileAttributes a) {
            return a.size() == size && a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) == modifiedNanos
                    && String.valueOf(a.fileKey()).equals(fileKey);
        }
    }

    private record Manifest(String output, List<Kept> pages, List<Written> files) {
    }

    private final EntryStore store;
    private final Path output;
    private final String manifestKey;
    private final String global;
    private final Map<String, Kept> previous;
    private final Map<String, Written> previousFiles = new HashMap<>();
    private final List<Written> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> models = new ConcurrentHashMap<>();
    private final Set<String> linked = ConcurrentHashMap.newKeySet();
    /** The staging folder's folders made so far, each made once however many pages it holds. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Each page linked from the previous site, with that file's stamp, which the link shares. */
    private final Map<String, Kept> stamps = new ConcurrentHashMap<>();
    private final AtomicInteger pagesKept = new AtomicInteger();
    private final AtomicInteger pagesRendered = new AtomicInteger();
    private final AtomicInteger filesKept = new AtomicInteger();
    private final Set<String> problems = ConcurrentHashMap.newKeySet();

    private PageCache(EntryStore store, Path output, String manifestKey, String global, Map<String, Kept> previous) {
        this.store = store;
        this.output = output;
        this.manifestKey = manifestKey;
        this.global = global;
        this.previous = previous;
    }

    static PageCache open(SiteConfig config, Path cacheFolder) {
        EntryStore store = new EntryStore(cacheFolder.resolve(FORMAT));
        Path output = OutputFolder.real(config.output());
        String manifestKey = new FastHash().add(output.toString()).hex();
        Map<String, Kept> previous = new HashMap<>();
        Optional<byte[]> saved = store.read(manifestKey);
        PageCache cache = new PageCache(store, config.output(), manifestKey, global(config), previous);
        if (saved.isPresent()) {
            try {
                if (RecordCodec.decode(saved.get()) instanceof Manifest m && m.output().equals(output.toString())) {
                    for (Kept k : m.pages()) previous.put(k.path(), k);
                    for (Written w : m.files()) cache.previousFiles.put(w.path(), w);
                }
            } catch (RecordCodec.CorruptEntryException e) {
                cache.problems.add(store.file(manifestKey) + ": damaged, ignored (" + e.getMessage() + ")");
            }
        }
        return cache;
    }

    /** Everything every page depends on besides its model. */
    private static String global(SiteConfig config) {
        FastHash digest = new FastHash();
        update(digest, FORMAT);
        update(digest, Version.current());
        update(digest, CodeFingerprint.current());
        digest.add(RecordCodec.hash(config.info()));
        UnderstoodCache.addSettings(digest, config);
        try (Stream<Path> walk = Files.walk(config.templates())) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
            for (Path file : files) {
                update(digest, config.templates().relativize(file).toString());
                digest.add(Files.readAllBytes(file));
            }
        } catch (IOException | UncheckedIOException e) {
            update(digest, "templates unreadable " + System.nanoTime()); // nothing is kept
        }
        return digest.hex();
    }

    /** The hash of what {@code page} shows, or null when its model holds something the codec cannot hash. */
    String hash(Page page, Page.Outline outline) {
        try {
            return new FastHash().add(global).add(page.path()).add(page.template()).add(RecordCodec.hash(outline.partial()))
                    .add(outline.standIn()).hex();
        } catch (RecordCodec.UnsupportedValueException e) {
            problems.add("pages of " + page.template() + " are always rendered: " + e.getMessage());
            return null;
        }
    }

    /**
     * Links the previous site's file of this page into {@code staging} when its model is the same and the file is the
     * one the cache noted; false when the page must be rendered.
     */
    boolean keep(String path, String hash, Path staging) {
        if (hash == null) return false;
        Kept before = previous.get(path);
        if (before == null || !before.model().equals(hash)) return false;
        Path old = output.resolve(path);
        Optional<Kept> now = stamp(path, hash, old);
        if (now.isEmpty() || !now.get().equals(before)) return false;
        Path target = staging.resolve(path);
        try {
            Path folder = target.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            // a link is the previous file: its stamp is the one just read, and need not be read again
            if (linkOrCopy(old, target)) stamps.put(path, now.get());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        linked.add(path);
        models.put(path, hash);
        pagesKept.incrementAndGet();
        return true;
    }

    void rendered(String path, String hash) {
        pagesRendered.incrementAndGet();
        if (hash != null) models.put(path, hash);
    }

    /**
     * Replaces each file of {@code staging} that has the same bytes as the previous site's by a link to that one
     * (or, where the file system has no links, gives it that one's modification time), so that a rebake leaves the
     * files it did not change untouched.
     * <p>
     * Each file is read once: the cache noted the hash of the bytes of each file of the previous site with its size,
     * time and file key, and while these are still the previous file's, its hash stands for its bytes. A file the
     * cache noted nothing of (a page kept from the site before, a first rebake) is compared byte for byte.
     */
    void keepUnchanged(Path staging) {
        List<Path> files = new ArrayList<>();
        try {
            // one walk that stats each entry once, where walking and then asking each path for its kind stats it twice
            Files.walkFileTree(staging, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (a.isRegularFile()) files.add(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add("cannot compare the new site with the previous one: " + e.getMessage());
            return;
        }
        files.parallelStream().forEach(staged -> {
            String path = staging.relativize(staged).toString().replace('\\', '/');
            if (linked.contains(path)) return;
            try {
                keepIfUnchanged(path, staged);
            } catch (IOException e) {
                // the new file stays: it has the right bytes, only a new time
            }
        });
    }

    private void keepIfUnchanged(String path, Path staged) throws IOException {
        Path old = output.resolve(path);
        BasicFileAttributes before;
        try {
            before = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            before = null;
        }
        // a new page is noted by its model (keep): reading every page of a first bake would cost more than it saves
        if (before == null && models.containsKey(path)) return;
        BasicFileAttributes mine = Files.readAttributes(staged, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (before != null && before.fileKey() != null && before.fileKey().equals(mine.fileKey())) {
            // linked already, by a stage that took the previous file whole (the search export): renaming a link
            // over a link to the same file would do nothing and leave the temporary link behind
            Written noted = previousFiles.get(path);
            String hash = noted != null && noted.sameFile(before) ? noted.hash() : FastHash.hexOf(Files.readAllBytes(staged));
            filesKept.incrementAndGet();
            written.add(new Written(path, mine.size(),
                    mine.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), String.valueOf(mine.fileKey()),
                    hash));
            return;
        }
        byte[] bytes = Files.readAllBytes(staged);
        String hash = FastHash.hexOf(bytes);
        boolean same = false;
        if (before != null && before.isRegularFile() && before.size() == bytes.length) {
            Written noted = previousFiles.get(path);
            same = noted != null && noted.sameFile(before) ? noted.hash().equals(hash)
                    : java.util.Arrays.equals(bytes, Files.readAllBytes(old));
        }
        if (same) {
            Path temp = staged.resolveSibling("." + staged.getFileName() + ".pmkb-kept");
            try {
                Files.deleteIfExists(temp);
                linkOrCopy(old, temp);
                Files.move(temp, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException | UnsupportedOperationException e) {
                Files.deleteIfExists(temp);
                Files.setLastModifiedTime(staged, Files.getLastModifiedTime(old));
            }
            filesKept.incrementAndGet();
        }
        BasicFileAttributes now = Files.readAttributes(staged, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        written.add(new Written(path, now.size(), now.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                String.valueOf(now.fileKey()), hash));
    }

    /**
     * Links {@code link} to {@code existing}'s bytes, or copies them where the file system cannot link; true when it
     * linked.
     */
    static boolean linkOrCopy(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (FileSystemException | UnsupportedOperationException e) {
            // links across devices, or none on this file system: a copy keeps the bytes and the time
            Files.copy(existing, link, StandardCopyOption.COPY_ATTRIBUTES);
            return false;
        }
    }

    /** Notes each page's file in {@code staging}, which the swap puts in place as it is. */
    List<Kept> noteStaged(Path staging) {
        List<Kept> pages = java.util.Collections.synchronizedList(new ArrayList<>());
        models.forEach((path, hash) -> {
            Kept linkedPage = stamps.get(path);
            if (linkedPage != null) pages.add(linkedPage);
            else stamp(path, hash, staging.resolve(path)).ifPresent(pages::add);
        });
        return pages;
    }

    /** Saves the pages {@link #noteStaged} noted, once they are the output. */
    void save(List<Kept> noted) {
        List<Kept> pages = noted.stream().sorted(Comparator.comparing(Kept::path)).toList();
        List<Written> files = written.stream().sorted(Comparator.comparing(Written::path)).toList();
        store.write(manifestKey, RecordCodec.encode(new Manifest(OutputFolder.real(output).toString(), pages, files)));
        store.commit();
    }

    private static Optional<Kept> stamp(String path, String hash, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) return Optional.empty();
            return Optional.of(new Kept(path, hash, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    String.valueOf(a.fileKey())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    int pagesKept() {
        return pagesKept.get();
    }

    int pagesRendered() {
        return pagesRendered.get();
    }

    int filesKept() {
        return filesKept.get();
    }

    List<String> problems() {
        return Stream.concat(store.problems().stream(), problems.stream()).distinct().sorted().toList();
    }

    private static void update(FastHash digest, String text) {
        digest.add(text);
    }
}
