package dev.pmkb.bench;

import dev.pmkb.index.RelatedIncidents;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.understand.Understander;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Manual measurement, not a unit test: times one stage of the bake on a real library, several times in the same
 * JVM (wall and process CPU time), so that a stage can be measured cold and warm and two versions of its code
 * compared. {@code understand} reads the files once and understands them on all cores each run; {@code related}
 * understands them once and relates the published ones each run, printing a hash of the lists (equal hashes:
 * identical lists); {@code index} understands them once and writes the search index of the published ones each run.
 *
 * <pre>
 * mvn -B -q -DskipTests test-compile
 * java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:GCTimeRatio=4 \
 *   -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt) \
 *   dev.pmkb.bench.StageBench related target/bench/libraries/775db8c3/n10000-s42 3
 * </pre>
 */
public final class StageBench {

    private StageBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("understand", "related", "index").contains(args[0])) {
            System.err.println("usage: StageBench understand|related|index CONTENT_DIR [RUNS]");
            System.exit(2);
        }
        Path content = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Understander understander = Understander.defaults();
        List<SourceDocument> documents = SourceReader.list(content).stream()
                .map(file -> SourceReader.read(content, file)).toList();
        Supplier<List<Postmortem>> understand = () -> documents.parallelStream().map(understander::understand).toList();
        if (args[0].equals("understand")) {
            for (int run = 1; run <= runs; run++) {
                time(run, () -> understand.get().size() + " postmortems understood");
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

    private static void time(int run, Supplier<String> work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        String what = work.get();
        System.out.printf("run %d: %s in %.2f s wall, %.2f s CPU%n", run, what, (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);
    }
}
