package dev.pmkb.bench;

import dev.pmkb.index.RelatedIncidents;
import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import dev.pmkb.understand.Understander;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Manual measurement, not a unit test: understands a folder of postmortems once, then times
 * {@link RelatedIncidents#compute} on them several times in the same JVM (wall and process CPU time; the hash of
 * the result shows that every run, and every version of the code, gives the same lists).
 *
 * <pre>
 * mvn -B -q -DskipTests test-compile
 * java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 \
 *   -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt) \
 *   dev.pmkb.bench.RelatedBench target/bench/libraries/*&#47;n10000-s42 3
 * </pre>
 */
public final class RelatedBench {

    private RelatedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Understander understander = Understander.defaults();
        List<Postmortem> published = SourceReader.list(content).parallelStream()
                .map(file -> understander.understand(SourceReader.read(content, file)))
                .filter(p -> !p.draft()).toList();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            var related = RelatedIncidents.compute(published, RelatedIncidents.DEFAULT_LIMIT);
            System.out.printf("run %d: %,d incidents related in %.2f s wall, %.2f s CPU (result hash %08x)%n", run,
                    related.size(), (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                    related.hashCode());
        }
    }
}
