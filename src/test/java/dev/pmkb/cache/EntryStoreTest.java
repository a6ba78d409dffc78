package dev.pmkb.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryStoreTest {

    private static final String KEY = "ab12cd";

    @Test
    void aDamagedEntryIsMissingAndNoted(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        assertTrue(store.write(KEY, "hello".getBytes()));
        assertArrayEquals("hello".getBytes(), store.read(KEY).orElseThrow());
        Path file = store.file(KEY);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertEquals(Optional.empty(), store.read(KEY).map(String::new));
        assertTrue(store.problems().getFirst().contains("damaged"), store.problems().toString());
        Files.write(file, new byte[]{1, 2});
        assertTrue(store.read(KEY).isEmpty());
        assertEquals(2, store.problems().size(), store.problems().toString());
    }

    @Test
    void concurrentWritersAndReadersSeeWholeEntriesOnly(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        byte[][] payloads = new byte[4][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[200_000 + i];
            Arrays.fill(payloads[i], (byte) i);
        }
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int me = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 40; i++) {
                    store.write(KEY, payloads[me]);
                    store.read(KEY).ifPresent(read -> {
                        if (Arrays.stream(payloads).noneMatch(p -> Arrays.equals(p, read))) wrong.add("torn entry");
                    });
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertEquals(List.of(), List.copyOf(wrong));
        assertEquals(List.of(), store.problems());
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(store.file(KEY)), files.filter(Files::isRegularFile).toList(), "no temporary file left");
        }
    }

    @Test
    void pruneRemovesOnlyUnusedEntriesOlderThanAnHour(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        for (String key : new String[]{"aa01", "aa02", "bb03"}) store.write(key, key.getBytes());
        FileTime old = FileTime.from(Instant.now().minusSeconds(7200));
        Files.setLastModifiedTime(store.file("aa01"), old);
        Files.setLastModifiedTime(store.file("bb03"), old);
        store.prune(Set.of("bb03"));
        assertFalse(Files.exists(store.file("aa01")), "unused and old");
        assertTrue(Files.exists(store.file("aa02")), "unused but new: another bake may have just written it");
        assertTrue(Files.exists(store.file("bb03")), "used");
    }
}
