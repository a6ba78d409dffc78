package dev.pmkb.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a bake spends its CPU, from the execution samples of a JFR recording: the hottest methods (the frame
 * on top of the stack), the methods most often anywhere on the stack (what a call costs with everything it
 * calls), and the library whose code was running (the top-most frame outside the JDK).
 *
 * <p>Usage: {@code ProfileSummary RECORDING.jfr [ROWS]}. See {@code bench/profile}.
 */
public final class ProfileSummary {

    /** Package prefixes named in the per-library table, most specific first. */
    private static final List<String> LIBRARIES = List.of("dev.pmkb.", "org.jbake.", "freemarker.",
            "com.vladsch.flexmark.", "com.orientechnologies.", "org.jsoup.", "org.yaml.", "org.apache.lucene.",
            "org.apache.commons.", "ch.qos.logback.", "picocli.");

    /**
     * The parts of a bake worth telling apart, as a frame that is on the stack while that part runs. Parts nest
     * (rendering includes Markdown, which includes flexmark), so their shares do not add up to 100%.
     */
    private static final List<String[]> PARTS = List.<String[]>of(
            new String[]{"open jbake-core (OrientDB start, schema)", "dev.pmkb.jbake.JBakeSite.open"},
            new String[]{"  OrientDB hashing its default users' passwords", "com.orientechnologies.orient.core.security.OSecurityManager.createHash"},
            new String[]{"read and understand", "dev.pmkb.site.Bake.readAndUnderstand"},
            new String[]{"crawl", "dev.pmkb.jbake.JBakeSite.crawl"},
            new String[]{"  OrientDB inserts", "org.jbake.app.ContentStore.addDocument"},
            new String[]{"render pages", "dev.pmkb.jbake.JBakeSite.render"},
            new String[]{"  Markdown to safe HTML", "dev.pmkb.render.MarkdownRenderer.toHtml"},
            new String[]{"    flexmark parse", "com.vladsch.flexmark.parser.Parser.parse"},
            new String[]{"    flexmark HTML", "com.vladsch.flexmark.html.HtmlRenderer.render"},
            new String[]{"    jsoup parse", "org.jsoup.Jsoup.parseBodyFragment"},
            new String[]{"    jsoup clean", "org.jsoup.safety.Cleaner.clean"},
            new String[]{"  FreeMarker templates", "freemarker.template.Template.process"},
            new String[]{"incidents.json", "dev.pmkb.render.IncidentsJson.write"},
            new String[]{"copy assets", "dev.pmkb.jbake.JBakeSite.copyAssets"});

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ProfileSummary RECORDING.jfr [ROWS]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        Map<String, Integer> parts = new HashMap<>();
        int samples = 0;
        long liveAfterGc = 0;       // the largest heap still in use after a collection: what the bake really needs
        long heapCommitted = 0;
        java.time.Duration pauses = java.time.Duration.ZERO;
        int collections = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.GCHeapSummary" -> {
                    if ("After GC".equals(event.getString("when"))) liveAfterGc = Math.max(liveAfterGc, event.getLong("heapUsed"));
                    heapCommitted = Math.max(heapCommitted, event.<jdk.jfr.consumer.RecordedObject>getValue("heapSpace")
                            .getLong("committedSize"));
                }
                case "jdk.GarbageCollection" -> {
                    collections++;
                    pauses = pauses.plus(event.getDuration("sumOfPauses"));
                }
                default -> { }
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) continue;
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();   // a recursive method counts once per sample
            for (RecordedFrame f : frames) seen.add(name(f));
            for (String method : seen) {
                if (!isPlumbing(method)) total.merge(method, 1, Integer::sum);
            }
            for (String[] part : PARTS) {
                if (seen.contains(part[1])) parts.merge(part[0], 1, Integer::sum);
            }
            library.merge(libraryOf(frames), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "Heap: at most %d MB in use after a GC, %d MB committed; %d collections, %.1f s of pauses%n",
                liveAfterGc >> 20, heapCommitted >> 20, collections, pauses.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%d execution samples (stacks are truncated at 64 frames by default)%n", samples);
        System.out.printf(Locale.ROOT, "%nParts of the bake (samples with the part on the stack)%n");
        for (String[] part : PARTS) {
            System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * parts.getOrDefault(part[0], 0) / samples, part[0]);
        }
        print("By library (top-most frame outside the JDK)", library, samples, rows);
        print("Hottest methods (self)", self, samples, rows);
        print("Methods on the stack (total; JDK, streams and CLI frames left out)", total, samples, rows);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Frames on nearly every stack, which say nothing about where the time goes. */
    private static boolean isPlumbing(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.")
                || method.startsWith("picocli.") || method.startsWith("dev.pmkb.cli.")
                || method.startsWith("dev.pmkb.site.Bake.") || method.startsWith("dev.pmkb.site.Bake$");
    }

    private static String libraryOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) continue;
            return LIBRARIES.stream().filter(type::startsWith).findFirst()
                    .map(p -> p.substring(0, p.length() - 1)).orElse("other: " + type);
        }
        return "JDK only";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(rows)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
