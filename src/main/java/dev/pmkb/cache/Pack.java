package dev.pmkb.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One file of an {@link EntryStore}: the entries one bake wrote, back to back, then an index of them (key, offset,
 * length, checksum of the entry) and a trailer saying where the index is, with a checksum of its own. A pack is
 * written under a temporary name and renamed into place whole, so a reader never sees half of one; a pack whose
 * trailer or index does not hold is damaged as a whole, an entry whose checksum differs is damaged alone.
 * <p>
 * Entries are read by offset ({@link FileChannel#read(ByteBuffer, long)}): one system call each, with no file to
 * open. While a pack is written, entries gather in a buffer that goes to the file a megabyte at a time.
 */
final class Pack {

    private static final byte[] MAGIC = {'p', 'm', 'k', 'b', 'p', '1'};
    private static final byte[] END = {'p', 'k', 'i', 'x'};
    /** Index offset (8), index length (4), index checksum (4), {@link #END}. */
    private static final int TRAILER = 8 + 4 + 4 + END.length;
    private static final int BUFFER = 1 << 20;

    /** Where one entry lives. */
    record Entry(Pack pack, String key, long offset, int length, int crc) {
    }

    /** A pack that is not whole: its trailer, index or header does not hold. */
    static final class DamagedException extends Exception {
        DamagedException(String message) {
            super(message);
        }
    }

    private Path file;
    private final FileChannel channel;
    /** By key: the last entry written under each (a key written twice in a bake is indexed once). */
    private final Map<String, Entry> entries;
    private long modifiedMillis;
    private long size;
    private long payloadBytes;
    // while written: the bytes not yet in the file, and where they go
    private byte[] buffer;
    private int buffered;
    private long bufferStart;
    private volatile long inFile;

    private Pack(Path file, FileChannel channel, Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    /** A new pack to write, under the temporary name {@code temp}. */
    static Pack create(Path temp) throws IOException {
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Pack pack = new Pack(temp, channel, new LinkedHashMap<>());
        pack.buffer = new byte[BUFFER];
        System.arraycopy(MAGIC, 0, pack.buffer, 0, MAGIC.length);
        pack.buffered = MAGIC.length;
        return pack;
    }

    /** A whole pack, its index read; the channel stays open for reading its entries. */
    static Pack open(Path file) throws IOException, DamagedException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < MAGIC.length + TRAILER) throw new DamagedException("truncated: " + size + " bytes");
            byte[] head = read(channel, 0, MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) throw new DamagedException("not a pmkb cache pack");
            ByteBuffer trailer = ByteBuffer.wrap(read(channel, size - TRAILER, TRAILER));
            long indexOffset = trailer.getLong();
            int indexLength = trailer.getInt();
            int indexCrc = trailer.getInt();
            byte[] end = new byte[END.length];
            trailer.get(end);
            if (!Arrays.equals(end, END) || indexOffset < MAGIC.length || indexLength < 4
                    || indexOffset + indexLength + TRAILER != size) {
                throw new DamagedException("truncated or garbled: no index where its end says");
            }
            byte[] index = read(channel, indexOffset, indexLength);
            if (crc(index, 0, index.length) != indexCrc) throw new DamagedException("its index's checksum differs");
            Pack pack = new Pack(file, channel, new LinkedHashMap<>());
            ByteBuffer in = ByteBuffer.wrap(index);
            int count = in.getInt();
            if (count < 0) throw new DamagedException("garbled index");
            try {
                for (int i = 0; i < count; i++) {
                    byte[] key = new byte[in.getShort() & 0xffff];
                    in.get(key);
                    long offset = in.getLong();
                    int length = in.getInt();
                    int crc = in.getInt();
                    if (offset < MAGIC.length || length < 0 || offset + length > indexOffset) {
                        throw new DamagedException("garbled index");
                    }
                    String name = new String(key, StandardCharsets.UTF_8);
                    pack.entries.put(name, new Entry(pack, name, offset, length, crc));
                    pack.payloadBytes += length;
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw new DamagedException("garbled index");
            }
            pack.size = size;
            pack.modifiedMillis = Files.getLastModifiedTime(file).toMillis();
            pack.inFile = size;
            return pack;
        } catch (IOException | DamagedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Adds an entry; its bytes reach the file when the buffer is full, or when the pack is read or finished. */
    synchronized Entry append(String key, byte[] payload, int crc) throws IOException {
        long offset = bufferStart + buffered;
        if (payload.length > buffer.length - buffered) {
            flush();
            offset = bufferStart;
            if (payload.length > buffer.length) {
                writeFully(ByteBuffer.wrap(payload), offset);
                bufferStart += payload.length;
                inFile = bufferStart;
                return put(key, offset, payload.length, crc);
            }
        }
        System.arraycopy(payload, 0, buffer, buffered, payload.length);
        buffered += payload.length;
        return put(key, offset, payload.length, crc);
    }

    private Entry put(String key, long offset, int length, int crc) {
        Entry entry = new Entry(this, key, offset, length, crc);
        Entry before = entries.put(key, entry);
        if (before != null) payloadBytes -= before.length();
        payloadBytes += length;
        return entry;
    }

    private void flush() throws IOException {
        if (buffered == 0) return;
        writeFully(ByteBuffer.wrap(buffer, 0, buffered), bufferStart);
        bufferStart += buffered;
        buffered = 0;
        inFile = bufferStart;
    }

    private void writeFully(ByteBuffer bytes, long at) throws IOException {
        while (bytes.hasRemaining()) at += channel.write(bytes, at);
    }

    /** Writes the index and the trailer, and gives the pack its name: whole from now on, for every reader. */
    synchronized void finish(Path name) throws IOException {
        flush();
        int indexLength = 4;
        List<byte[]> keys = new ArrayList<>(entries.size());
        for (String key : entries.keySet()) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0xffff) throw new IOException("key too long: " + key);
            keys.add(bytes);
            indexLength += 2 + bytes.length + 8 + 4 + 4;
        }
        ByteBuffer index = ByteBuffer.allocate(indexLength + TRAILER);
        index.putInt(entries.size());
        int i = 0;
        for (Entry e : entries.values()) {
            byte[] key = keys.get(i++);
            index.putShort((short) key.length).put(key).putLong(e.offset()).putInt(e.length()).putInt(e.crc());
        }
        index.putLong(bufferStart).putInt(indexLength).putInt(crc(index.array(), 0, indexLength)).put(END);
        index.flip();
        writeFully(index, bufferStart);
        size = bufferStart + indexLength + TRAILER;
        buffer = null;
        try {
            Files.move(file, name, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(file, name);
        }
        file = name;
        modifiedMillis = System.currentTimeMillis();
        inFile = size;
    }

    /** The bytes of {@code entry}, or null when its checksum differs. */
    byte[] read(Entry entry) throws IOException {
        if (entry.offset() + entry.length() > inFile) {
            synchronized (this) {
                flush(); // an entry of the pack being written: its bytes may still be in the buffer
            }
        }
        byte[] bytes = read(channel, entry.offset(), entry.length());
        return crc(bytes, 0, bytes.length) == entry.crc() ? bytes : null;
    }

    private static byte[] read(FileChannel channel, long at, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer into = ByteBuffer.wrap(bytes);
        while (into.hasRemaining()) {
            int n = channel.read(into, at + into.position());
            if (n < 0) throw new java.io.EOFException("pack ends early");
        }
        return bytes;
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    Path file() {
        return file;
    }

    java.util.Collection<Entry> entries() {
        return entries.values();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long size() {
        return size;
    }

    long payloadBytes() {
        return payloadBytes;
    }

    long modifiedMillis() {
        return modifiedMillis;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a pack only read: nothing is lost
        }
    }
}
