package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.read.Limits;
import dev.pmkb.read.SourceReader;
import dev.pmkb.site.Bake.Understood;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What reading and understanding each postmortem gave, kept in the build cache between bakes: one entry per file
 * content, keyed by a hash of the content, the file's path in the content folder and {@link #fingerprint} of
 * everything else understanding depends on (pmkb's code and version, the taxonomy, {@code jbake.properties}). A
 * rebake reads every file, as it must to know whether it changed, but understands only those it has no entry for.
 * A damaged or unreadable entry counts as missing, and is noted ({@link #problems}).
 */
final class UnderstoodCache {

    /** The cache's own layout; bump it when entries change meaning in a way no fingerprint sees. */
    private static final String FORMAT = "understood-1";

    /** An understander and the fingerprint of what made it. */
    record Understanding(Understander understander, String fingerprint) {
    }

    private final EntryStore store;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final Set<String> unsupported = ConcurrentHashMap.newKeySet();

    UnderstoodCache(Path cacheFolder) {
        this.store = new EntryStore(cacheFolder.resolve(FORMAT));
    }

    /**
     * An understander for {@code config} and the fingerprint of its inputs. The taxonomy is read before and after
     * the understander is made, until both reads agree, so an entry is never filed under a taxonomy it was not
     * understood with.
     */
    static Understanding understanding(SiteConfig config) {
        for (int attempt = 0; ; attempt++) {
            String before = taxonomyText(config.siteRoot());
            Understander understander = Understander.forSite(config.siteRoot(), config.properties());
            String after = taxonomyText(config.siteRoot());
            if (before.equals(after) || attempt == 3) {
                // a taxonomy that keeps changing gets a fingerprint of its own: nothing is reused under it
                String taxonomy = before.equals(after) ? before : "changing " + System.nanoTime();
                return new Understanding(understander, fingerprint(config, taxonomy));
            }
        }
    }

    private static String fingerprint(SiteConfig config, String taxonomy) {
        FastHash digest = new FastHash();
        update(digest, FORMAT);
        update(digest, Version.current());
        update(digest, CodeFingerprint.current());
        update(digest, taxonomy);
        update(digest, "dates up to " + Limits.lastYear()); // a date beyond it is refused: the cache turns with the year
        addSettings(digest, config);
        return digest.hex();
    }

    static String taxonomyText(Path siteRoot) {
        Path file = siteRoot.resolve("taxonomy.yml");
        try {
            return Files.isRegularFile(file) ? "taxonomy " + Files.readString(file, StandardCharsets.UTF_8) : "none";
        } catch (IOException | UncheckedIOException e) {
            return "unreadable " + System.nanoTime();
        }
    }

    /** One listed file, read and understood, or taken from the cache when its content was understood before. */
    Understood understand(Path content, Path file, Understanding understanding) {
        byte[] bytes;
        try {
            if (Files.size(file) > Limits.MAX_FILE_BYTES) return uncached(content, file, understanding);
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return uncached(content, file, understanding); // says why it cannot be read
        }
        return understand(SourceReader.sourceName(content, file), bytes, understanding);
    }

    private Understood uncached(Path content, Path file, Understanding understanding) {
        misses.incrementAndGet();
        return Bake.understand(SourceReader.read(content, file), understanding.understander());
    }

    /** The file {@code source} of content {@code bytes}, understood or taken from the cache. */
    Understood understand(String source, byte[] bytes, Understanding understanding) {
        String key = key(understanding.fingerprint(), source, bytes); // once: it hashes the whole file
        return known(key, source).orElseGet(() -> understandAndKeep(key, source, bytes, understanding));
    }

    /** What the cache knows of the file {@code source} of content {@code bytes}; empty when it must be understood. */
    Optional<Understood> known(String source, byte[] bytes, Understanding understanding) {
        return known(key(understanding.fingerprint(), source, bytes), source);
    }

    private Optional<Understood> known(String key, String source) {
        used.add(key);
        Optional<byte[]> entry = store.read(key);
        if (entry.isEmpty()) return Optional.empty();
        try {
            if (RecordCodec.decode(entry.get()) instanceof Understood known
                    && (known.postmortem() == null || known.postmortem().source().equals(source))) {
                hits.incrementAndGet();
                return Optional.of(known);
            }
            unsupported.add(store.file(key) + ": holds something else than a postmortem; ignored");
        } catch (RecordCodec.CorruptEntryException e) {
            unsupported.add(store.file(key) + ": damaged, ignored (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Reads and understands the file {@code source} of content {@code bytes}, and keeps what it gave. */
    Understood understandAndKeep(String source, byte[] bytes, Understanding understanding) {
        return understandAndKeep(key(understanding.fingerprint(), source, bytes), source, bytes, understanding);
    }

    private Understood understandAndKeep(String key, String source, byte[] bytes, Understanding understanding) {
        used.add(key);
        misses.incrementAndGet();
        Understood fresh = Bake.understand(SourceReader.parse(source, bytes), understanding.understander());
        try {
            store.write(key, RecordCodec.encode(fresh));
        } catch (RecordCodec.UnsupportedValueException e) {
            unsupported.add("cannot keep " + source + " in the cache: " + e.getMessage());
        }
        return fresh;
    }

    private static String key(String fingerprint, String source, byte[] bytes) {
        return new FastHash().add(fingerprint).add(source).add(bytes).hex();
    }

    int hits() {
        return hits.get();
    }

    int misses() {
        return misses.get();
    }

    /** Removes the entries no file of this bake used: older versions of edited files, deleted files. */
    void prune() {
        store.prune(used);
    }

    List<String> problems() {
        return java.util.stream.Stream.concat(store.problems().stream(), unsupported.stream()).distinct().toList();
    }

    /** Every setting of jbake.properties in key order, except where the cache is: it never changes what a bake makes. */
    static void addSettings(FastHash digest, SiteConfig config) {
        TreeMap<String, String> properties = new TreeMap<>();
        for (String key : config.properties().stringPropertyNames()) {
            if (!key.startsWith(SiteConfig.CACHE_PROPERTY_PREFIX)) properties.put(key, config.properties().getProperty(key));
        }
        properties.forEach((key, value) -> {
            update(digest, key);
            update(digest, value);
        });
    }

    private static void update(FastHash digest, String text) {
        digest.add(text);
    }
}
