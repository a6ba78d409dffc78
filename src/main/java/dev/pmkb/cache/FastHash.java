package dev.pmkb.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

    /** The state after every whole 16-byte block so far; a part is hashed as it is added, never kept. */
    private long h1, h2;
    private final byte[] tail = new byte[16];
    private int tailSize;
    private long length;

    public FastHash add(String text) {
        return add(text == null ? new byte[]{(byte) 0xff} : text.getBytes(StandardCharsets.UTF_8));
    }

    public FastHash add(byte[] bytes) {
        return add(bytes, 0, bytes.length);
    }

    public FastHash add(byte[] bytes, int offset, int length) {
        byte[] prefix = new byte[8];
        for (int i = 0; i < 8; i++) prefix[i] = (byte) ((long) length >>> (8 * i));
        raw(prefix, 0, 8);
        raw(bytes, offset, length);
        return this;
    }

    /** Hashes {@code length} bytes as they are, with no length before them: one stream, however it is cut. */
    FastHash raw(byte[] bytes, int offset, int length) {
        this.length += length;
        if (tailSize > 0) {
            int take = Math.min(16 - tailSize, length);
            System.arraycopy(bytes, offset, tail, tailSize, take);
            tailSize += take;
            offset += take;
            length -= take;
            if (tailSize < 16) return this;
            block(tail, 0);
            tailSize = 0;
        }
        while (length >= 16) {
            block(bytes, offset);
            offset += 16;
            length -= 16;
        }
        System.arraycopy(bytes, offset, tail, 0, length);
        tailSize = length;
        return this;
    }

    private void block(byte[] data, int at) {
        long k1 = (long) LONGS.get(data, at);
        long k2 = (long) LONGS.get(data, at + 8);
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    /** The hash of the parts added, 16 bytes. */
    public byte[] bytes() {
        long[] h = finish(h1, h2, tail, 0, tailSize, length);
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
        return new FastHash().raw(bytes, 0, length).bytes();
    }

    /** The hash of one array of bytes, as 32 hexadecimal digits. */
    public static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes, bytes.length));
    }

    static long[] murmur3(byte[] data, int length) {
        FastHash h = new FastHash().raw(data, 0, length);
        return finish(h.h1, h.h2, h.tail, 0, h.tailSize, h.length);
    }

    private static long[] finish(long h1, long h2, byte[] data, int tail, int rest, long length) {
        long k1 = 0, k2 = 0;
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
