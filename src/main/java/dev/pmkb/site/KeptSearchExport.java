package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.export.PreparedIncidents;
import dev.pmkb.export.PreparedIncidents.ChunkNote;
import dev.pmkb.export.SearchExport;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The static search export's part of the build cache, in two layers.
 * <p>
 * Per incident ({@link PreparedIncidents}): what the export works out of an incident alone (its full text, its
 * sentences with their analysed terms), one entry each, keyed by a hash of the fields the export reads of it (title,
 * the author's title, Markdown, plain text, root cause and summary), pmkb's version and code. Choosing the snippet
 * from the sentences depends on the whole library's document frequencies and is done again each bake: it is cheap.
 * <p>
 * Whole: the previous site's {@code search/} folder, taken again (its files linked, as unchanged pages are) when
 * the export would be written from the same inputs: the Lucene index's files (each by name, size and its last 16
 * bytes, which in a Lucene file are a footer with the checksum of the whole file), every published incident's id
 * and hash as above, in order, the taxonomy, pmkb's version and code. A note in the cache says which inputs the
 * site's folder was written from and what its files were (path, size, time, file key), taken once the site is in
 * place; a folder that differs from it in any file is written again.
 */
final class KeptSearchExport implements PreparedIncidents {

    /** The cache's own layout; bump it when entries change meaning in a way no fingerprint sees. */
    private static final String FORMAT = "search-export-1";
    /** The note's key in the entry store: not a hash, so it never names an incident's entry. */
    private static final String NOTE = "folder";

    private final EntryStore store;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Each incident's {@link #digest}, worked out once a bake: by id, with the incident it was worked out of. */
    private final Map<String, Digested> digests = new ConcurrentHashMap<>();
    private String inputs;
    /** What the previous bake noted (null: nothing usable), and the previous site's export folder it speaks of. */
    private Note previous;
    private Path previousFolder;
    /** Each document's incident digest, as this bake's export numbered them. */
    private final Map<Integer, String> documents = new ConcurrentHashMap<>();
    /** The previous note's documents, when this bake linked that export whole. */
    private List<String> reusedDocuments;
    /** The chunks this export wrote, as note lines, in the order written. */
    private final List<String> chunks = new ArrayList<>();
    private final Map<String, Integer> chunksPerFolder = new java.util.HashMap<>();

    KeptSearchExport(Path cacheFolder) {
        this.store = new EntryStore(cacheFolder.resolve(FORMAT));
        used.add(NOTE);
    }

    /**
     * Writes the export of {@code published} from the index in {@code indexDir} into {@code staging}'s
     * {@code search/} folder, or links the one of {@code previousSite} there when it was written from the same
     * inputs; returns the manifest.
     */
    String export(List<Postmortem> published, Taxonomy taxonomy, Path indexDir, Path previousSite, Path staging)
            throws IOException {
        digestAll(published);
        inputs = inputs(published, taxonomy, indexDir);
        previous = readNote();
        previousFolder = previousSite.resolve(SearchExport.DIRECTORY);
        Path into = staging.resolve(SearchExport.DIRECTORY);
        Optional<String> manifest = reuse(previousFolder, into);
        if (manifest.isPresent()) {
            for (Postmortem p : published) used.add(key(p)); // still wanted: prune keeps them for the next edit
            reusedDocuments = previous.documents();
            chunks.addAll(previous.chunkLines());
            return manifest.get();
        }
        if (previous != null && !previous.code().equals(code())) previous = null; // another pmkb wrote those files
        return SearchExport.write(indexDir, published, taxonomy, this, into).manifest();
    }

    /**
     * What the previous bake noted: the inputs its export was written from, the code that wrote it, each document's
     * incident digest in document order and the folder's files as {@link #files} lists them (path → the rest).
     */
    private record Note(String inputs, String code, List<String> documents, List<String> files,
                        Map<String, String> fileStamps, List<String> chunkLines, Map<String, NotedChunk> chunks) {
    }

    /** A chunk of the previous export: what the export asks of it, the hash of its bytes and its file's path. */
    private record NotedChunk(ChunkNote note, String hash, String path) {
    }

    /**
     * A chunk's note line: "c", folder, term count, 1 when its size ended it, the hash of its bytes, its path, and
     * last its first term (escaped: a term may hold any character but a line feed after escaping).
     */
    private static NotedChunk chunkOf(String line) {
        String[] parts = line.split(" ", 7);
        if (parts.length != 7) return null;
        ChunkNote note = new ChunkNote(parts[1], KeptSearchIndex.unescape(parts[6]), Integer.parseInt(parts[2]),
                parts[3].equals("1"));
        return new NotedChunk(note, parts[4], parts[5]);
    }

    private Note readNote() {
        Optional<byte[]> bytes = store.read(NOTE);
        if (bytes.isEmpty()) return null;
        String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n");
        if (lines.length < 2 || !lines[1].startsWith("code ")) return null;
        List<String> documents = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, String> stamps = new java.util.HashMap<>();
        List<String> chunkLines = new ArrayList<>();
        Map<String, NotedChunk> chunks = new java.util.HashMap<>();
        for (int i = 2; i < lines.length; i++) {
            if (lines[i].startsWith("d ")) {
                documents.add(lines[i].substring(2));
            } else if (lines[i].startsWith("c ")) {
                NotedChunk chunk;
                try {
                    chunk = chunkOf(lines[i]);
                } catch (RuntimeException e) {
                    chunk = null;
                }
                if (chunk == null) return null;
                chunkLines.add(lines[i]);
                chunks.put(chunkKey(chunk.note().folder(), chunk.note().first()), chunk);
            } else {
                int space = lines[i].indexOf(' ');
                if (space < 0) return null;
                files.add(lines[i]);
                stamps.put(lines[i].substring(0, space), lines[i].substring(space + 1));
            }
        }
        return new Note(lines[0], lines[1].substring(5), documents, files, stamps, chunkLines, chunks);
    }

    /** The code that writes the export's files: a file of another one may hold other bytes for the same inputs. */
    private static String code() {
        return new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current())
                .add(String.valueOf(SearchExport.FORMAT)).hex();
    }

    /** Every incident's digest, on every core: hashing every Markdown and text is most of a second at 10,000. */
    private void digestAll(List<Postmortem> published) throws IOException {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
                Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> published.parallelStream().forEach(this::digest)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private record Digested(Postmortem incident, String digest) {
    }

    /** Hash of the fields {@code SnippetSource} reads of an incident. */
    private String digest(Postmortem p) {
        Digested known = digests.get(p.id());
        if (known != null && known.incident() == p) return known.digest();
        String digest = digestOf(p);
        digests.put(p.id(), new Digested(p, digest));
        return digest;
    }

    private static String digestOf(Postmortem p) {
        return new FastHash().add(p.id()).add(p.title()).add(p.authorTitle()).add(p.markdown())
                .add(p.body() == null ? null : p.body().text())
                .add(p.facts() == null ? null : p.facts().rootCause())
                .add(p.facts() == null ? null : p.facts().summary()).hex();
    }

    private String inputs(List<Postmortem> published, Taxonomy taxonomy, Path indexDir) throws IOException {
        FastHash digest = new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current());
        digest.add(taxonomy == null ? new byte[0] : RecordCodec.hash(taxonomy));
        for (Postmortem p : published) digest.add(p.id()).add(digest(p));
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path file : files.sorted().toList()) {
                digest.add(file.getFileName().toString()).add(String.valueOf(Files.size(file))).add(tail(file));
            }
        }
        return digest.hex();
    }

    /** A file's last 16 bytes: a Lucene file's footer, which holds the checksum of the whole file. */
    private static byte[] tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] tail = new byte[(int) Math.min(16, length)];
            in.seek(length - tail.length);
            in.readFully(tail);
            return tail;
        }
    }

    /** The previous folder's files linked into {@code into} and its manifest, when it was written from these inputs. */
    private Optional<String> reuse(Path previousExport, Path into) {
        if (previous == null || !previous.inputs().equals(inputs)) return Optional.empty();
        try {
            List<String> files = files(previousExport);
            if (!files.equals(previous.files())) return Optional.empty();
            for (String line : files) {
                String path = line.substring(0, line.indexOf(' '));
                Path link = into.resolve(path);
                Files.createDirectories(link.getParent());
                PageCache.linkOrCopy(previousExport.resolve(path), link);
            }
            return Optional.of(Files.readString(into.resolve("manifest.json"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            Bake.deleteQuietly(into);
            return Optional.empty();
        }
    }

    /** Notes that {@code site}, now in place, holds the export of this bake's inputs. */
    void save(Path site) {
        if (inputs == null) return;
        try {
            List<String> files = files(site.resolve(SearchExport.DIRECTORY));
            StringBuilder note = new StringBuilder(inputs).append('\n').append("code ").append(code()).append('\n');
            if (reusedDocuments != null) {
                for (String digest : reusedDocuments) note.append("d ").append(digest).append('\n');
            } else {
                int count = documents.keySet().stream().mapToInt(doc -> doc + 1).max().orElse(0);
                for (int doc = 0; doc < count; doc++) {
                    note.append("d ").append(documents.getOrDefault(doc, "-")).append('\n');
                }
            }
            for (String chunk : chunks) note.append(chunk).append('\n');
            note.append(String.join("\n", files));
            store.write(NOTE, note.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.add("cannot note the search export for the next bake: " + e.getMessage());
        }
    }

    /**
     * Every file under {@code folder} as "path size time key", in path order; only names the export writes (no
     * space among them, so the path is what comes before the first): a folder holding anything else is not kept.
     */
    private static final java.util.regex.Pattern EXPORT_FILE =
            java.util.regex.Pattern.compile("(?:manifest|prefixes|recent)\\.json|[tprx]/[0-9]+\\.json");

    private static List<String> files(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                if (!a.isRegularFile()) throw new IOException(file + ": not a file");
                String path = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!EXPORT_FILE.matcher(path).matches()) throw new IOException(file + ": not a file the export writes");
                lines.add(path + " " + stamp(a));
                return FileVisitResult.CONTINUE;
            }
        });
        lines.sort(null);
        if (lines.isEmpty() || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) throw new IOException("no export");
        return lines;
    }

    @Override
    public byte[] kept(Postmortem incident) {
        String key = key(incident);
        used.add(key);
        return store.read(key).orElse(null);
    }

    /**
     * The previous site's {@code x/N.json} when the previous export wrote it for this very incident (same digest,
     * same document number) with this code, and the file is still the one noted after that bake.
     */
    @Override
    public Path keptText(Postmortem incident, int doc) {
        String digest = digest(incident);
        documents.put(doc, digest);
        Note note = previous;
        if (note == null || doc >= note.documents().size() || !note.documents().get(doc).equals(digest)) return null;
        return unchanged("x/" + doc + ".json");
    }

    @Override
    public ChunkNote keptChunk(String folder, String first) {
        NotedChunk chunk = notedAt(folder, first);
        return chunk == null ? null : chunk.note();
    }

    @Override
    public boolean sameChunk(ChunkNote earlier, byte[] bytes) {
        NotedChunk chunk = noted(earlier);
        return chunk != null && chunk.hash().equals(FastHash.hexOf(bytes));
    }

    @Override
    public Path chunkFile(ChunkNote earlier) {
        NotedChunk chunk = noted(earlier);
        return chunk == null ? null : unchanged(chunk.path());
    }

    @Override
    public void chunkWritten(String folder, String first, int terms, boolean cutBySize, byte[] bytes) {
        int index = chunksPerFolder.merge(folder, 1, Integer::sum) - 1;
        chunks.add(String.join(" ", "c", folder, String.valueOf(terms), cutBySize ? "1" : "0", FastHash.hexOf(bytes),
                folder + "/" + index + ".json", KeptSearchIndex.escape(first)));
    }

    private NotedChunk noted(ChunkNote earlier) {
        NotedChunk chunk = notedAt(earlier.folder(), earlier.first());
        return chunk != null && chunk.note().equals(earlier) ? chunk : null;
    }

    /** The previous export's chunk of {@code folder} that started with {@code first}; null if none. */
    private NotedChunk notedAt(String folder, String first) {
        Note note = previous;
        return note == null ? null : note.chunks().get(chunkKey(folder, first));
    }

    private static String chunkKey(String folder, String first) {
        return folder + "\n" + first;
    }

    /** The previous export's file at {@code path} when it is still the file the note lists; else null. */
    private Path unchanged(String path) {
        String stamp = previous == null ? null : previous.fileStamps().get(path);
        if (stamp == null) return null;
        Path file = previousFolder.resolve(path);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && stamp(a).equals(stamp) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A file's size, time and file key, as the note has them. */
    private static String stamp(BasicFileAttributes a) {
        return a.size() + " " + a.lastModifiedTime().toMillis() + " " + a.fileKey();
    }

    @Override
    public void keep(Postmortem incident, byte[] prepared) {
        store.write(key(incident), prepared);
    }

    private String key(Postmortem incident) {
        return new FastHash().add(FORMAT).add(Version.current()).add(CodeFingerprint.current()).add(digest(incident))
                .hex();
    }

    /** Removes the entries of incidents this bake did not export and of earlier versions of edited ones. */
    void prune() {
        store.prune(used);
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(store.problems());
        synchronized (problems) {
            all.addAll(problems);
        }
        return all.stream().distinct().toList();
    }
}
