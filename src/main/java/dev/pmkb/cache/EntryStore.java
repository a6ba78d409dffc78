package dev.pmkb.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A folder of cache entries, one file each, named by its key. An entry is written to a temporary file beside it
 * and renamed into place, so a reader (another bake at the same time, or this one after a crash) sees a whole
 * entry or none; each carries a checksum of its bytes, so a damaged one is found. A problem never fails the
 * caller: it is noted ({@link #problems}) and the entry counts as missing.
 */
public final class EntryStore {

    private static final byte[] MAGIC = {'p', 'm', 'k', 'b', 'c', '1'};

    private final Path folder;
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    public EntryStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Where the entry of {@code key} (a hex string) lives: fanned out by its first two characters. */
    public Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key);
    }

    /** The bytes stored under {@code key}; empty when there are none or they are damaged (then noted). */
    public Optional<byte[]> read(String key) {
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            note(file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        int header = MAGIC.length + 8;
        if (bytes.length < header || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            note(file + ": not a pmkb cache entry");
            return Optional.empty();
        }
        long stated = 0;
        for (int i = MAGIC.length; i < header; i++) stated = stated << 8 | (bytes[i] & 0xff);
        CRC32 crc = new CRC32();
        crc.update(bytes, header, bytes.length - header);
        if (crc.getValue() != stated) {
            note(file + ": damaged (checksum differs)");
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOfRange(bytes, header, bytes.length));
    }

    /** Stores {@code payload} under {@code key}, atomically; false (and noted) when it could not. */
    public boolean write(String key, byte[] payload) {
        Path file = file(key);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = file.resolveSibling("." + key + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            CRC32 crc = new CRC32();
            crc.update(payload);
            byte[] bytes = new byte[MAGIC.length + 8 + payload.length];
            System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
            long value = crc.getValue();
            for (int i = 0; i < 8; i++) bytes[MAGIC.length + i] = (byte) (value >>> (8 * (7 - i)));
            System.arraycopy(payload, 0, bytes, MAGIC.length + 8, payload.length);
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            note(file + ": cannot write: " + e.getMessage());
            return false;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is named as one and removed by prune
                }
            }
        }
    }

    /**
     * Deletes the entries whose keys are not in {@code keep} and temporary files (a killed writer's), once they are
     * an hour old: a bake running at the same time may have just written an entry this one does not know. One that
     * needs a deleted entry only computes it again.
     */
    public void prune(Set<String> keep) {
        if (!Files.isDirectory(folder)) return;
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> fans = Files.newDirectoryStream(folder)) {
            for (Path fan : fans) {
                if (!Files.isDirectory(fan)) continue;
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(fan)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString();
                        if (!keep.contains(name) && Files.getLastModifiedTime(entry).toMillis() < hourAgo) {
                            Files.deleteIfExists(entry);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            note(folder + ": cannot remove unused entries: " + e.getMessage());
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
