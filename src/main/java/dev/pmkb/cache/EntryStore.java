package dev.pmkb.cache;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A folder of cache entries, each named by its key, kept in packs ({@link Pack}): each bake appends the entries it
 * writes to one pack of its own, which is renamed into place whole when the bake {@linkplain #commit commits} (or
 * {@linkplain #prune prunes}), so a reader (another bake at the same time, or this one after a crash) sees a whole pack
 * or none. Each entry carries a checksum of its bytes, so a damaged one is found. A problem never fails the caller: it
 * is noted ({@link #problems}) and the entry counts as missing.
 * <p>
 * One file an entry cost a bake of 10,000 postmortems about 40,000 files created, renamed and opened: most of the
 * cache's cost. A pack costs a write system call a megabyte, and reading an entry one read at an offset. The packs a
 * store finds are read (their indexes) once, when first needed; where two hold a key, the one renamed into place last
 * wins.
 */
public final class EntryStore {

    private static final String PACK_PREFIX = "pack-";
    private static final String PACK_SUFFIX = ".pack";
    private static final String TEMP_PREFIX = ".pack-";
    private static final long HOUR_MILLIS = 3_600_000;

    private final Path folder;
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    /** Where each key's entry is: in a pack found in the folder or in the one being written. */
    private final Map<String, Pack.Entry> index = new ConcurrentHashMap<>();
    /** The packs found or committed, in the order they were renamed into place; guarded by this. */
    private final List<Pack> packs = new ArrayList<>();
    /** Packs found damaged: removed when the store prunes. */
    private final List<Path> damaged = new ArrayList<>();
    /** The pack this store appends to; null until the first write after a commit; guarded by this. */
    private Pack writing;
    private boolean unwritable;
    private volatile boolean loaded;

    public EntryStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The file that holds the entry of {@code key}, for messages; the folder and the key when there is none. */
    public Path file(String key) {
        load();
        Pack.Entry entry = index.get(key);
        return entry == null ? folder.resolve(key) : entry.pack().file();
    }

    /** The bytes stored under {@code key}; empty when there are none or they are damaged (then noted). */
    public Optional<byte[]> read(String key) {
        load();
        for (int attempt = 0; attempt < 2; attempt++) {
            Pack.Entry entry = index.get(key);
            if (entry == null) return Optional.empty();
            try {
                byte[] bytes = entry.pack().read(entry);
                if (bytes == null) {
                    note(entry.pack().file() + ": entry " + key + " damaged (checksum differs)");
                    return Optional.empty();
                }
                return Optional.of(bytes);
            } catch (ClosedChannelException e) {
                // its pack was merged into another by a prune meanwhile: the index says where it is now
            } catch (IOException e) {
                note(entry.pack().file() + ": cannot read entry " + key + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Stores {@code payload} under {@code key} in this bake's pack; false (and noted) when it could not. */
    public boolean write(String key, byte[] payload) {
        load();
        int crc = Pack.crc(payload, 0, payload.length);
        synchronized (this) {
            if (unwritable) return false;
            try {
                if (writing == null) {
                    Files.createDirectories(folder);
                    writing = Pack.create(folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                            + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
                }
                index.put(key, writing.append(key, payload, crc));
                return true;
            } catch (IOException | RuntimeException e) {
                // one note a store: a folder that cannot be written would otherwise fail every entry alike
                unwritable = true;
                note(folder + ": cannot write: " + e);
                abandonWriting();
                return false;
            }
        }
    }

    /**
     * Puts the entries written so far in place, as a pack of their own, for every reader; deletes the packs that hold
     * only entries written again since, as {@link #prune} does, and nothing else.
     */
    public void commit() {
        prune(null);
    }

    private void putInPlace() {
        if (writing == null) return;
        Pack pack = writing;
        writing = null;
        if (pack.isEmpty()) {
            discard(pack);
            return;
        }
        try {
            pack.finish(folder.resolve(PACK_PREFIX + String.format("%013x", System.currentTimeMillis()) + "-"
                    + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + PACK_SUFFIX));
            packs.add(pack);
        } catch (IOException | RuntimeException e) {
            note(folder + ": cannot write: " + e);
            discard(pack);
        }
    }

    /**
     * Commits, and deletes what no bake needs: entries whose keys are not in {@code keep}, once they are an hour old
     * (a bake running at the same time may have just written an entry this one does not know; one that needs a
     * deleted entry only computes it again), and entries written again since. A pack left with nothing is deleted; one
     * left with less than half its bytes, or small beside the largest, has what is left copied into this bake's
     * pack first, so that packs do not pile up, one a rebake. Also removes damaged packs, a killed writer's temporary
     * files an hour old, and the one-file-per-entry layout of earlier versions. {@code keep} null: every key.
     */
    public synchronized void prune(Set<String> keep) {
        load();
        long hourAgo = System.currentTimeMillis() - HOUR_MILLIS;
        long largest = packs.stream().mapToLong(Pack::size).max().orElse(0);
        List<Pack> gone = new ArrayList<>();
        for (Pack pack : packs) {
            boolean old = pack.modifiedMillis() < hourAgo;
            List<Pack.Entry> live = new ArrayList<>();
            long liveBytes = 0;
            for (Pack.Entry entry : pack.entries()) {
                if (index.get(entry.key()) == entry && (!old || keep == null || keep.contains(entry.key()))) {
                    live.add(entry);
                    liveBytes += entry.length();
                }
            }
            if (live.isEmpty()) {
                gone.add(pack);
            } else if ((liveBytes * 2 < pack.payloadBytes() || pack.size() * 8 < largest) && !unwritable) {
                if (copy(live)) gone.add(pack);
            }
        }
        putInPlace();
        for (Pack pack : gone) {
            packs.remove(pack);
            discard(pack);
        }
        for (Path file : damaged) deleteQuietly(file);
        damaged.clear();
        removeLeftovers(hourAgo);
    }

    /** Copies entries into this bake's pack; false when one could not be. */
    private boolean copy(List<Pack.Entry> entries) {
        for (Pack.Entry entry : entries) {
            Optional<byte[]> bytes = read(entry.key());
            if (bytes.isEmpty()) continue; // damaged (noted): not worth keeping
            if (!write(entry.key(), bytes.get())) return false;
        }
        return true;
    }

    /** Every key with an entry, for tests and tools. */
    public List<String> keys() {
        load();
        return index.keySet().stream().sorted().toList();
    }

    /** Reads the index of every pack in the folder, once. */
    private void load() {
        if (loaded) return;
        synchronized (this) {
            if (loaded) return;
            try {
                loadPacks();
            } finally {
                loaded = true; // only now: readers on other threads take the index as complete
            }
        }
    }

    private void loadPacks() {
        if (!Files.isDirectory(folder)) return;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PACK_PREFIX + "*" + PACK_SUFFIX)) {
            for (Path file : files) found.add(file);
        } catch (IOException | RuntimeException e) {
            note(folder + ": cannot read: " + e.getMessage());
            return;
        }
        found.sort(Comparator.comparing(file -> file.getFileName().toString())); // the order they were put in place
        for (Path file : found) {
            try {
                Pack pack = Pack.open(file);
                packs.add(pack);
                for (Pack.Entry entry : pack.entries()) index.put(entry.key(), entry);
            } catch (Pack.DamagedException e) {
                note(file + ": damaged, ignored (" + e.getMessage() + ")");
                damaged.add(file);
            } catch (java.nio.file.NoSuchFileException e) {
                // removed by another bake's prune since the listing
            } catch (IOException | RuntimeException e) {
                note(file + ": cannot read: " + e.getMessage());
            }
        }
    }

    private void abandonWriting() {
        if (writing == null) return;
        Pack pack = writing;
        writing = null;
        discard(pack);
    }

    /** Closes and deletes {@code pack}, and forgets the entries the index still finds in it. */
    private void discard(Pack pack) {
        for (Pack.Entry entry : pack.entries()) index.remove(entry.key(), entry);
        pack.close();
        deleteQuietly(pack.file());
    }

    /** Temporary packs of killed writers and the entries of the earlier layout (a folder each), an hour old. */
    private void removeLeftovers(long hourAgo) {
        if (!Files.isDirectory(folder)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isDirectory(file)) {
                    removeOldLayout(file, hourAgo);
                } else if (name.startsWith(TEMP_PREFIX) && name.endsWith(".tmp") && olderThan(file, hourAgo)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            note(folder + ": cannot remove unused entries: " + e.getMessage());
        }
    }

    private static void removeOldLayout(Path fan, long hourAgo) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fan)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && olderThan(entry, hourAgo)) deleteQuietly(entry);
            }
        }
        try {
            Files.deleteIfExists(fan);
        } catch (IOException stillInUse) {
            // not empty yet: entries younger than an hour
        }
    }

    /** False for a file gone meanwhile: another bake's pack renamed into place, or removed by its prune. */
    private static boolean olderThan(Path file, long millis) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toMillis() < millis;
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover pack is removed by a later prune
        }
    }

    private void note(String problem) {
        problems.add(problem);
    }

    /** What went wrong so far, each once. */
    public List<String> problems() {
        return problems.stream().distinct().toList();
    }
}
