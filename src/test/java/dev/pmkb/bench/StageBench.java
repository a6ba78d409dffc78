package dev.pmkb.bench;

import dev.pmkb.export.SearchExport;
import dev.pmkb.index.IncidentTerms;
import dev.pmkb.index.RelatedIncidents;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.understand.Understander;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Manual measurement, not a unit test: times one stage of the bake on a real library, several times in the same
 * JVM (wall and process CPU time), so that a stage can be measured cold and warm and two versions of its code
 * compared. {@code understand} reads the files once and understands them on all cores each run, printing a hash
 * of the postmortems (equal hashes: identical records, facts and diagnostics); {@code related} understands them
 * once and relates the published ones each run, printing a hash of the lists (equal hashes: identical lists);
 * {@code related-kept} does the same with every incident's terms but one's kept from a first run, as a rebake after
 * one edit takes them from the build cache (without reading the cache's files);
 * {@code index} understands them once and writes the search index of the published ones each run;
 * {@code export} understands and indexes them once and writes the static search export each run ({@code export-kept}:
 * with what it prepares of each incident kept from the first run, as the build cache keeps it), printing a hash
 * of the written files' names and bytes (equal hashes: identical exports).
 * Besides the postmortem files the bake reads, {@code understand} also reads {@code .txt} files, so that the
 * shared seeds can be checked too.
 *
 * <pre>
 * mvn -B -q -DskipTests test-compile
 * java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:GCTimeRatio=4 -XX:MaxNewSize=160m \
 *   -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt) \
 *   dev.pmkb.bench.StageBench related target/bench/libraries/775db8c3/n10000-s42 3
 * </pre>
 */
public final class StageBench {

    private StageBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("understand", "related", "related-kept", "index", "export", "export-kept")
                .contains(args[0])) {
            System.err.println("usage: StageBench understand|related|related-kept|index|export|export-kept CONTENT_DIR [RUNS]");
            System.exit(2);
        }
        Path content = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Understander understander = Understander.defaults();
        List<SourceDocument> documents;
        try (Stream<Path> files = Files.walk(content)) {
            documents = files.filter(Files::isRegularFile)
                    .filter(p -> SourceReader.hasPostmortemExtension(p) || p.toString().endsWith(".txt"))
                    .sorted().map(file -> SourceReader.read(content, file)).toList();
        }
        Supplier<List<Postmortem>> understand = () -> documents.parallelStream().map(understander::understand).toList();
        if (args[0].equals("understand")) {
            for (int run = 1; run <= runs; run++) {
                time(run, () -> {
                    List<Postmortem> postmortems = understand.get();
                    return String.format("%,d postmortems understood (result hash %08x)", postmortems.size(),
                            hashOf(postmortems));
                });
            }
        } else if (args[0].equals("index")) {
            List<Postmortem> published = understand.get().stream().filter(p -> !p.draft()).toList();
            Path folder = java.nio.file.Files.createTempDirectory("pmkb-stage-index");
            for (int run = 1; run <= runs; run++) {
                time(run, () -> {
                    try {
                        SearchIndex.write(published, folder);
                        long bytes;
                        try (var files = java.nio.file.Files.list(folder)) {
                            bytes = files.mapToLong(f -> f.toFile().length()).sum();
                        }
                        return String.format("%,d incidents indexed (%,d bytes)", published.size(), bytes);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        } else if (args[0].startsWith("export")) {
            // export-kept: what the export prepares of each incident kept in memory, as the build cache keeps it;
            // the first run prepares every incident, the others none (a rebake whose incidents are unchanged)
            java.util.Map<String, byte[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
            dev.pmkb.export.PreparedIncidents prepared = !args[0].equals("export-kept")
                    ? dev.pmkb.export.PreparedIncidents.NONE : new dev.pmkb.export.PreparedIncidents() {
                @Override
                public byte[] kept(Postmortem incident) {
                    return kept.get(incident.id());
                }

                @Override
                public void keep(Postmortem incident, byte[] entry) {
                    kept.put(incident.id(), entry);
                }
            };
            List<Postmortem> published = understand.get().stream().filter(p -> !p.draft()).toList();
            Path index = Files.createTempDirectory("pmkb-stage-index");
            SearchIndex.write(published, index);
            Path out = Files.createTempDirectory("pmkb-stage-export");
            for (int run = 1; run <= runs; run++) {
                Path folder = out.resolve("run" + run);
                time(run, () -> {
                    try {
                        var summary = SearchExport.write(index, published, understander.taxonomy(), prepared, folder);
                        return String.format("%,d files, %,d bytes exported (files hash %016x)", summary.files(),
                                summary.bytes(), hashOfFiles(folder));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } else if (args[0].equals("related-kept")) {
            List<Postmortem> published = understand.get().stream().filter(p -> !p.draft()).toList();
            Map<Postmortem, byte[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
            RelatedIncidents.compute(published, RelatedIncidents.DEFAULT_LIMIT, null, (incident, read) -> {
                IncidentTerms terms = read.apply(incident);
                kept.put(incident, terms.encode());
                return terms;
            });
            kept.remove(published.getFirst()); // as after an edit: one incident is read again
            for (int run = 1; run <= runs; run++) {
                time(run, () -> {
                    var related = RelatedIncidents.compute(published, RelatedIncidents.DEFAULT_LIMIT, null,
                            (incident, read) -> {
                                byte[] entry = kept.get(incident);
                                if (entry == null) return read.apply(incident);
                                try {
                                    return IncidentTerms.decode(entry);
                                } catch (IncidentTerms.DamagedException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                    return String.format("%,d incidents related, all but one from kept terms (result hash %08x)",
                            related.size(), related.hashCode());
                });
            }
        } else {
            List<Postmortem> published = understand.get().stream().filter(p -> !p.draft()).toList();
            for (int run = 1; run <= runs; run++) {
                time(run, () -> {
                    var related = RelatedIncidents.compute(published, RelatedIncidents.DEFAULT_LIMIT);
                    return String.format("%,d incidents related (result hash %08x)", related.size(), related.hashCode());
                });
            }
        }
    }

    /**
     * Stable across JVMs: built from each record's text, which names enums, rather than from hash codes of
     * records holding enums (an enum's hash code is its identity).
     */
    private static int hashOf(List<Postmortem> postmortems) {
        int hash = 1;
        for (Postmortem p : postmortems) hash = 31 * hash + p.toString().hashCode();
        return hash;
    }

    /** Every file's path and bytes, in path order: equal for identical folders, whichever JVM writes them. */
    private static long hashOfFiles(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long hash = 1;
        for (Path file : files) {
            hash = 31 * hash + folder.relativize(file).toString().hashCode();
            hash = 31 * hash + java.util.Arrays.hashCode(Files.readAllBytes(file));
        }
        return hash;
    }

    private static void time(int run, Supplier<String> work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        long thread = threads.getCurrentThreadCpuTime();
        String what = work.get();
        // this thread's CPU leaves out the collector's and the compiler's, which a loaded machine makes noisy
        System.out.printf("run %d: %s in %.2f s wall, %.2f s CPU (%.2f s on this thread)%n", run, what,
                (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                (threads.getCurrentThreadCpuTime() - thread) / 1e9);
    }
}
