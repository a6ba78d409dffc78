package dev.pmkb.index;

import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Manual scale check, not a unit test: synthesises N incidents and times {@link SearchIndex#write} and
 * {@link RelatedIncidents#compute}.
 *
 * <pre>
 * mvn -q test-compile
 * java -cp target/classes:target/test-classes:$(cat target/runtime-classpath.txt) dev.pmkb.index.RelatedScale 1000 10000
 * </pre>
 */
public final class RelatedScale {

    private static final String[] SYLLABLES = {"ka", "ro", "mi", "tel", "sor", "van", "dex", "lu", "pri", "gon",
            "sta", "ble", "qui", "nor", "fa", "zen", "bo", "cri", "mon", "tra", "vel", "ash", "pe", "dro"};

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[]{1000, 10_000} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) run(n);
    }

    static void run(int n) throws Exception {
        List<Postmortem> incidents = synthesise(n, new SplittableRandom(n));
        long words = incidents.stream().mapToLong(p -> p.markdown().split("\\s+").length).sum();
        Path dir = Files.createTempDirectory("pmkb-scale");
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
        SearchIndex.write(incidents, dir.resolve("index"));
        long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
        Map<String, List<Related>> related = RelatedIncidents.compute(incidents);
        long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
        long linked = related.values().stream().filter(l -> !l.isEmpty()).count();
        System.out.printf("N=%,d (%,d words): index %.2f s wall (%.2f s CPU of this thread), related %.2f s wall"
                        + " (%.2f s CPU), %,d incidents linked, e.g. %s%n", n, words,
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, linked,
                related.values().stream().filter(l -> !l.isEmpty())
                        .findFirst().orElse(List.of()).stream().limit(1).toList());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static List<Postmortem> synthesise(int n, SplittableRandom random) {
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            vocabulary.add(word.toString());
        }
        int themes = 60;
        List<List<String>> themeWords = new ArrayList<>();
        for (int t = 0; t < themes; t++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 25; i++) words.add(vocabulary.get(random.nextInt(vocabulary.size())));
            themeWords.add(words);
        }
        List<Postmortem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int theme = random.nextInt(themes);
            String rootCause = text(random, vocabulary, themeWords.get(theme), 40 + random.nextInt(40));
            String resolution = text(random, vocabulary, themeWords.get(theme), 20 + random.nextInt(20));
            String summary = text(random, vocabulary, themeWords.get(theme), 15 + random.nextInt(15));
            String timeline = text(random, vocabulary, List.of(), 150 + random.nextInt(150));
            String cause = random.nextInt(5) == 0 ? "unknown" : "cause-" + theme;
            String component = "component-" + random.nextInt(50);
            out.add(TestIncidents.incident(String.format("%06d", i)).title(text(random, vocabulary,
                            themeWords.get(theme), 6)).summary(summary).rootCause(rootCause).resolution(resolution)
                    .causes(cause).components(component)
                    .markdown("# Incident " + i + "\n\n" + summary + "\n\n## Timeline\n\n" + timeline
                            + "\n\n## Root cause\n\n" + rootCause + "\n\n## Resolution\n\n" + resolution)
                    .date(String.format("20%02d-%02d-%02d", 15 + random.nextInt(10), 1 + random.nextInt(12),
                            1 + random.nextInt(28)))
                    .build());
        }
        return out;
    }

    /** Zipf-ish general words with a share of theme words. */
    private static String text(SplittableRandom random, List<String> vocabulary, List<String> theme, int words) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word;
            if (!theme.isEmpty() && random.nextInt(10) < 3) {
                word = theme.get(random.nextInt(theme.size()));
            } else {
                int rank = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), random.nextDouble())) - 1);
                word = vocabulary.get(rank);
            }
            out.append(word).append(w % 12 == 11 ? ". " : " ");
        }
        return out.toString().strip();
    }
}
