package dev.pmkb.site;

import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the HTML and plain text of every postmortem body a one-shot bake understood in a file of its own instead of
 * the heap, and reads each again when a stage asks for it. Held for the whole bake, they were a third of its live
 * heap (10,000 postmortems: 133 MB of 560 MB), yet each is read only a few times: the text by the index, the related
 * incidents and the search export, the HTML once, for its page (on a rebake, the build cache's key of the page's
 * sanitised HTML).
 * <p>
 * The file is deleted as soon as it is open (where the system allows; else when it is closed), so a killed bake
 * leaves nothing behind. A body that cannot be written there stays in the heap; once the file is closed (the bake is
 * over) its bodies can no longer be read.
 */
final class SpilledBodies implements AutoCloseable {

    private final Path folder;
    private final AtomicLong end = new AtomicLong();
    /** Opened with the first body, so that a bake that fails before it leaves no trace; null: none could be. */
    private FileChannel file;
    private boolean opened;

    private SpilledBodies(Path folder) {
        this.folder = folder;
    }

    /** Bodies spilled into a file in {@code folder}, made with the first body; kept in the heap when it cannot be. */
    static SpilledBodies in(Path folder) {
        return new SpilledBodies(folder);
    }

    private synchronized FileChannel file() {
        if (opened) return file;
        opened = true;
        try {
            Files.createDirectories(folder);
            Path path = folder.resolve(".pmkb-bodies-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
            file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // an open file cannot be deleted here (Windows): closing it does
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            file = null;
        }
        return file;
    }

    /** {@code understood} with its postmortem's body kept in the file; as it is when it cannot be. */
    Bake.Understood spill(Bake.Understood understood) {
        Postmortem p = understood.postmortem();
        if (p == null || p.body() == null || !(p.body().texts() instanceof ParsedBody.Held held)) return understood;
        ParsedBody body = spill(held, p.body().verbatim());
        if (body == null) return understood;
        return new Bake.Understood(new Postmortem(p.id(), p.source(), p.title(), p.date(), p.dateOrigin(), p.draft(),
                p.facts(), p.markdown(), body, p.diagnostics(), p.keywords(), p.titleComposed(), p.authorTitle(),
                p.credits()), understood.diagnostics());
    }

    /** The body of {@code held} in the file, or null when it stays in the heap. */
    ParsedBody spill(ParsedBody.Held held, boolean verbatim) {
        if (held.unsafeHtml() == null || held.text() == null) return null;
        FileChannel file = file();
        if (file == null) return null;
        byte[] html = utf8(held.unsafeHtml());
        byte[] text = utf8(held.text());
        if (html == null || text == null) return null;
        long at = end.getAndAdd((long) html.length + text.length);
        try {
            write(html, at);
            write(text, at + html.length);
        } catch (IOException e) {
            return null; // a full disk: this body stays in the heap
        }
        long textAt = at + html.length;
        int htmlLength = html.length, textLength = text.length;
        return new ParsedBody(new ParsedBody.Stored(() -> read(at, htmlLength), () -> read(textAt, textLength)),
                verbatim);
    }

    /**
     * The text as UTF-8, or null when it holds a lone surrogate, which UTF-8 cannot carry ({@code getBytes} would
     * write it as '?'): such a text stays in the heap, so every text reads back as it was.
     */
    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return questionMarks(bytes) == questionMarks(text) ? bytes : null;
    }

    private static int questionMarks(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) if (b == '?') n++;
        return n;
    }

    private static int questionMarks(String text) {
        int n = 0;
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) n++;
        return n;
    }

    private void write(byte[] bytes, long at) throws IOException {
        FileChannel file = file();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) file.write(buffer, at + buffer.position());
    }

    private String read(long at, int length) {
        FileChannel file = file();
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, at + buffer.position()) < 0) throw new IOException("ends early");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a postmortem's body back from the bake's spill file", e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    /** A reuse that hands on what {@code inner} understood with its bodies in this file. */
    Bake.Reuse around(Bake.Reuse inner) {
        return new Bake.Reuse() {
            @Override
            public Understander understander(SiteConfig config) {
                return inner.understander(config);
            }

            @Override
            public Bake.Understood understand(Path content, Path file, Understander understander) {
                return spill(inner.understand(content, file, understander));
            }

            @Override
            public void swap(Path staging, Path output, dev.pmkb.model.Library library) throws IOException {
                inner.swap(staging, output, library);
            }

            @Override
            public void stageStarted(String stage) {
                inner.stageStarted(stage);
            }

            @Override
            public UnderstoodCache understoodCache() {
                return inner.understoodCache();
            }
        };
    }

    @Override
    public synchronized void close() {
        opened = true;
        if (file == null) return;
        try {
            file.close();
        } catch (IOException ignored) {
            // the file is deleted already, or goes with the process
        }
    }
}
