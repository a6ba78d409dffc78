package dev.pmkb.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FastHashTest {

    @Test
    void isMurmurHash3OfTheReference() {
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        long[] h = FastHash.murmur3(fox, fox.length);
        // the value Guava's murmur3_128 (seed 0) gives
        assertEquals(0xe34bbc7bbc071b6cL, h[0]);
        assertEquals(0x7a433ca9c49a9347L, h[1]);
    }

    @Test
    void partsAreToldApartWhereverTheyAreCut() {
        assertNotEquals(new FastHash().add("ab").add("c").hex(), new FastHash().add("a").add("bc").hex());
        assertNotEquals(new FastHash().add((String) null).hex(), new FastHash().add("").hex());
        assertEquals(new FastHash().add("ab").add("c").hex(), new FastHash().add("ab").add("c").hex());
        Set<String> seen = new HashSet<>();
        byte[] bytes = new byte[64];
        for (int length = 0; length <= 64; length++) seen.add(new FastHash().add(bytes, 0, length).hex());
        assertEquals(65, seen.size(), "every tail length hashes apart");
        assertArrayEquals(FastHash.of(bytes, 64), FastHash.of(bytes.clone(), 64));
    }

    @Test
    void aStreamHashesAlikeHoweverItIsCut() {
        byte[] bytes = new byte[1_000];
        new java.util.Random(7).nextBytes(bytes);
        long[] whole = FastHash.murmur3(bytes, bytes.length);
        byte[] expected = FastHash.of(bytes, bytes.length);
        for (int piece : new int[]{1, 3, 15, 16, 17, 100, 999}) {
            FastHash h = new FastHash();
            for (int at = 0; at < bytes.length; at += piece) h.raw(bytes, at, Math.min(piece, bytes.length - at));
            assertArrayEquals(expected, h.bytes(), "pieces of " + piece);
        }
        assertEquals(whole[0], (long) java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
                java.nio.ByteOrder.LITTLE_ENDIAN).get(expected, 0));
    }
}
