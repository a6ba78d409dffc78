package dev.pmkb.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 128-bit hash (MurmurHash3, x64 variant) of a sequence of parts, for the build cache's keys. Not SHA-256: pmkb runs
 * on the client compiler only (see the launcher), where SHA-256 gets no CPU instructions and hashed about 25 MB/s, a
 * second of a rebake of 1,000 postmortems; this runs about ten times faster. A key tells apart what a library holds,
 * not what an attacker forges: whoever could forge a collision could edit the postmortems anyway.
 * <p>
 * Each part is length-prefixed, so {@code ("ab", "c")} and {@code ("a", "bc")} hash apart.
 */
public final class FastHash {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private byte[] buffer = new byte[256];
    private int size;

    public FastHash add(String text) {
        return add(text == null ? new byte[]{(byte) 0xff} : text.getBytes(StandardCharsets.UTF_8));
    }

    public FastHash add(byte[] bytes) {
        return add(bytes, 0, bytes.length);
    }

    public FastHash add(byte[] bytes, int offset, int length) {
        ensure(8 + length);
        for (int i = 0; i < 8; i++) buffer[size++] = (byte) ((long) length >>> (8 * i));
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** The hash of the parts added, 16 bytes. */
    public byte[] bytes() {
        long[] h = murmur3(buffer, size);
        byte[] out = new byte[16];
        LONGS.set(out, 0, h[0]);
        LONGS.set(out, 8, h[1]);
        return out;
    }

    /** The hash of the parts added, as 32 hexadecimal digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    /** The hash of one array of bytes, 16 bytes. */
    public static byte[] of(byte[] bytes, int length) {
        long[] h = murmur3(bytes, length);
        byte[] out = new byte[16];
        LONGS.set(out, 0, h[0]);
        LONGS.set(out, 8, h[1]);
        return out;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }

    static long[] murmur3(byte[] data, int length) {
        long h1 = 0, h2 = 0;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = (long) LONGS.get(data, i * 16);
            long k2 = (long) LONGS.get(data, i * 16 + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks * 16;
        long k1 = 0, k2 = 0;
        int rest = length & 15;
        for (int i = rest - 1; i >= 8; i--) k2 ^= (long) (data[tail + i] & 0xff) << (8 * (i - 8));
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) k1 ^= (long) (data[tail + i] & 0xff) << (8 * i);
        if (rest > 8) h2 ^= mixK2(k2);
        if (rest > 0) h1 ^= mixK1(k1);
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[]{h1, h2};
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
