package dev.pmkb.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    void entriesWrittenAreReadBackInThisBakeAndTheNextOnceCommitted(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        byte[] large = new byte[3_000_000]; // larger than the write buffer
        Arrays.fill(large, (byte) 7);
        for (int i = 0; i < 500; i++) assertTrue(store.write("k" + i, ("entry " + i).getBytes()));
        assertTrue(store.write("large", large));
        assertTrue(store.write("k3", "written again".getBytes()));
        assertEquals("entry 7", new String(store.read("k7").orElseThrow()), "read before the pack is committed");
        assertEquals(List.of(), packs(tmp), "no pack visible before the commit");
        store.commit();
        assertEquals(1, packs(tmp).size(), "one file for every entry");

        EntryStore next = new EntryStore(tmp);
        assertEquals("entry 499", new String(next.read("k499").orElseThrow()));
        assertEquals("written again", new String(next.read("k3").orElseThrow()), "the last write of a key wins");
        assertArrayEquals(large, next.read("large").orElseThrow());
        assertEquals(Optional.empty(), next.read("missing"));
        assertEquals(List.of(), next.problems());
    }

    @Test
    void readersOnManyThreadsFindEveryEntryOfAStoreJustOpened(@TempDir Path tmp) throws Exception {
        EntryStore writer = new EntryStore(tmp);
        for (int i = 0; i < 20_000; i++) writer.write("k" + i, new byte[]{(byte) i});
        writer.commit();
        for (int round = 0; round < 5; round++) {
            EntryStore store = new EntryStore(tmp);
            ConcurrentLinkedQueue<String> missing = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int me = t;
                readers.add(Thread.ofPlatform().start(() -> {
                    for (int i = me; i < 20_000; i += 997) if (store.read("k" + i).isEmpty()) missing.add("k" + i);
                }));
            }
            for (Thread t : readers) t.join();
            assertEquals(List.of(), List.copyOf(missing), "no reader takes a half-read index for the whole");
        }
    }

    @Test
    void aDamagedEntryIsMissingAndNotedItsNeighboursStayReadable(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        store.write("aa", "first".getBytes());
        store.write(KEY, "hello".getBytes());
        store.write("zz", "last".getBytes());
        store.commit();
        Path pack = packs(tmp).getFirst();
        byte[] bytes = Files.readAllBytes(pack);
        int at = indexOf(bytes, "hello".getBytes());
        bytes[at + 4] ^= 1;
        Files.write(pack, bytes);

        EntryStore again = new EntryStore(tmp);
        assertEquals(Optional.empty(), again.read(KEY).map(String::new));
        assertTrue(again.problems().getFirst().contains("damaged"), again.problems().toString());
        assertEquals("first", new String(again.read("aa").orElseThrow()));
        assertEquals("last", new String(again.read("zz").orElseThrow()));
    }

    @Test
    void aTruncatedOrGarbledPackIsIgnoredWithAWarningAndRemovedByPrune(@TempDir Path tmp) throws Exception {
        EntryStore store = new EntryStore(tmp);
        for (int i = 0; i < 20; i++) store.write("k" + i, ("entry " + i).getBytes());
        store.commit();
        Path pack = packs(tmp).getFirst();
        byte[] whole = Files.readAllBytes(pack);
        for (int cut : new int[]{whole.length - 1, whole.length / 2, 3, 0}) {
            try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(whole));
                channel.truncate(cut);
            }
            EntryStore truncated = new EntryStore(tmp);
            assertEquals(Optional.empty(), truncated.read("k3"), "cut at " + cut);
            assertTrue(truncated.problems().getFirst().contains("damaged"), truncated.problems().toString());
        }
        byte[] garbled = whole.clone();
        garbled[garbled.length - 30] ^= 0x40; // in the index
        Files.write(pack, garbled);
        EntryStore store2 = new EntryStore(tmp);
        assertEquals(Optional.empty(), store2.read("k3"));
        assertTrue(store2.problems().getFirst().contains("damaged"), store2.problems().toString());

        store2.write("k3", "anew".getBytes());
        store2.prune(Set.of("k3"));
        assertEquals(1, packs(tmp).size(), "the damaged pack removed, the new one in place");
        EntryStore healed = new EntryStore(tmp);
        assertEquals("anew", new String(healed.read("k3").orElseThrow()));
        assertEquals(List.of(), healed.problems());
    }

    @Test
    void twoBakesWritingAtOnceEachSeeWholeEntriesOnly(@TempDir Path tmp) throws Exception {
        byte[][] payloads = new byte[4][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[200_000 + i];
            Arrays.fill(payloads[i], (byte) i);
        }
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> bakes = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int me = t;
            bakes.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 10; round++) {
                    EntryStore store = new EntryStore(tmp); // a bake of its own, as another process's would be
                    store.read(KEY).ifPresent(read -> {
                        if (Arrays.stream(payloads).noneMatch(p -> Arrays.equals(p, read))) wrong.add("torn entry");
                    });
                    for (int i = 0; i < 5; i++) store.write(KEY + i, payloads[me]);
                    store.write(KEY, payloads[me]);
                    store.prune(Set.of(KEY));
                    wrong.addAll(store.problems());
                }
            }));
        }
        for (Thread t : bakes) t.join();
        assertEquals(List.of(), List.copyOf(wrong));
        EntryStore last = new EntryStore(tmp);
        byte[] read = last.read(KEY).orElseThrow();
        assertTrue(Arrays.stream(payloads).anyMatch(p -> Arrays.equals(p, read)));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary pack left");
        }
    }

    @Test
    void pruneDropsUnusedEntriesOnlyOnceAnHourOldAndMergesWhatIsLeft(@TempDir Path tmp) throws Exception {
        EntryStore first = new EntryStore(tmp);
        for (int i = 0; i < 10; i++) first.write("old" + i, new byte[1000]);
        first.commit();
        Path oldPack = packs(tmp).getFirst();
        Files.setLastModifiedTime(oldPack, FileTime.from(Instant.now().minusSeconds(7200)));
        EntryStore second = new EntryStore(tmp);
        second.write("new", "new".getBytes());
        second.commit();
        assertEquals(2, packs(tmp).size());

        // a bake that uses old0 and old1 and nothing else: the old pack's other entries go, the young one's stay
        EntryStore third = new EntryStore(tmp);
        third.prune(Set.of("old0", "old1"));
        assertFalse(Files.exists(oldPack), "less than half of it used: what is used was copied, the pack removed");
        EntryStore after = new EntryStore(tmp);
        assertEquals(List.of("new", "old0", "old1"), after.keys(), "unused but new: another bake may have just written it");
        assertEquals(1000, after.read("old1").orElseThrow().length);
        assertEquals(List.of(), after.problems());
    }

    @Test
    void rebakesDoNotPileUpPacks(@TempDir Path tmp) throws Exception {
        EntryStore cold = new EntryStore(tmp);
        for (int i = 0; i < 100; i++) cold.write("k" + i, new byte[10_000]);
        cold.prune(null);
        for (int rebake = 0; rebake < 10; rebake++) {
            EntryStore store = new EntryStore(tmp);
            store.write("edit" + rebake, new byte[100]);
            store.write("note", ("rebake " + rebake).getBytes()); // a key every bake writes again
            store.prune(null);
        }
        assertTrue(packs(tmp).size() <= 2, packs(tmp).toString());
        EntryStore last = new EntryStore(tmp);
        assertEquals("rebake 9", new String(last.read("note").orElseThrow()));
        assertEquals(100 + 10 + 1, last.keys().size());
    }

    @Test
    void theEarlierLayoutsEntriesAreRemovedOnceAnHourOld(@TempDir Path tmp) throws Exception {
        Path oldEntry = Files.createDirectories(tmp.resolve("ab")).resolve("ab12cd");
        Files.write(oldEntry, new byte[]{1, 2, 3});
        Files.setLastModifiedTime(oldEntry, FileTime.from(Instant.now().minusSeconds(7200)));
        Path temp = Files.write(tmp.resolve(".pack-1-2.tmp"), new byte[]{1});
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(7200)));
        new EntryStore(tmp).prune(Set.of());
        assertFalse(Files.exists(oldEntry));
        assertFalse(Files.exists(tmp.resolve("ab")));
        assertFalse(Files.exists(temp), "a killed writer's pack");
    }

    private static List<Path> packs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).sorted().toList();
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) return i;
        }
        throw new AssertionError("not found");
    }
}
