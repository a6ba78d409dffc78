package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.read.SourceReader;
import dev.pmkb.testing.Shared;
import dev.pmkb.understand.Understander;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Related lists computed with each incident's terms taken from a store (as the build cache keeps them, encoded) are
 * the lists a fresh compute gives, whatever the store holds of earlier versions of the library: terms are numbered
 * anew in every compute, from their words.
 */
class RelatedKeptTermsTest {

    /** Encoded terms by the whole content of the incident they were read from, as a cache keyed by content keeps them. */
    private static final class KeptTerms implements IncidentTerms.Store {
        final Map<String, byte[]> entries = new ConcurrentHashMap<>();
        final AtomicInteger kept = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();

        @Override
        public IncidentTerms terms(Postmortem incident, Function<Postmortem, IncidentTerms> reader) {
            byte[] entry = entries.get(incident.toString());
            if (entry != null) {
                kept.incrementAndGet();
                try {
                    return IncidentTerms.decode(entry);
                } catch (IncidentTerms.DamagedException e) {
                    throw new AssertionError(e);
                }
            }
            read.incrementAndGet();
            IncidentTerms fresh = reader.apply(incident);
            entries.put(incident.toString(), fresh.encode());
            return fresh;
        }

        void reset() {
            kept.set(0);
            read.set(0);
        }
    }

    private final Understander understander = Understander.defaults();
    private final Map<String, Postmortem> understood = new ConcurrentHashMap<>();

    /** The corpus's write-ups by file name, as text. */
    private static Map<String, String> corpus() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(Shared.sharedFolder("corpus/alx"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private List<Postmortem> understand(Map<String, String> files) {
        return files.entrySet().parallelStream().map(e -> understood.computeIfAbsent(e.getKey() + "\n" + e.getValue(),
                k -> understander.understand(SourceReader.parse(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))))
                .filter(p -> !p.draft()).toList();
    }

    private static String titleOf(String text) {
        return text.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst()
                .orElse("the outage");
    }

    /**
     * Edits like an author's: a sentence appended, a title changed, a link to another write-up, "see separate
     * post-mortem" after another's title, a write-up copied under a new name, one deleted. Returns how many files
     * are new or changed.
     */
    private static int edit(Map<String, String> files, Random random, int round) {
        List<String> names = new ArrayList<>(files.keySet());
        int changed = 0;
        for (int i = 0; i < 6; i++) {
            String name = names.get(random.nextInt(names.size()));
            String other = names.get(random.nextInt(names.size()));
            String text = files.get(name);
            String edited = switch (random.nextInt(5)) {
                case 0 -> text + "\nThe connection pool of the checkout service ran dry again (round " + round + ").\n";
                case 1 -> text.replaceFirst("(?m)^# .*$", "# Zanzibar checkout fell over in round " + round);
                case 2 -> text + "\nSee [the earlier one](" + other + ") for the first time this happened.\n";
                case 3 -> text + "\n" + titleOf(files.get(other)) + " (see separate post-mortem).\n";
                default -> text + "\nAs in " + titleOf(files.get(other)) + ", the fix was a rollback.\n";
            };
            if (!edited.equals(text)) {
                files.put(name, edited);
                changed++;
            }
        }
        String copied = names.get(random.nextInt(names.size()));
        files.put("copy-" + round + "-" + copied, files.get(copied));
        files.remove(names.get(random.nextInt(names.size())));
        return changed + 1;
    }

    @Test
    void listsWithTermsKeptFromEarlierVersionsOfTheLibraryEqualAFreshCompute() throws IOException {
        Map<String, String> files = corpus();
        KeptTerms store = new KeptTerms();
        List<Postmortem> incidents = understand(files);
        assertEquals(RelatedIncidents.compute(incidents, 5, null), RelatedIncidents.compute(incidents, 5, null, store));
        assertEquals(incidents.size(), store.read.get(), "a store with nothing kept reads every incident");

        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 1; round <= 3; round++) {
            int changed = edit(files, random, round);
            incidents = understand(files);
            store.reset();
            Map<String, List<Related>> kept = RelatedIncidents.compute(incidents, 5, null, store);
            assertEquals(RelatedIncidents.compute(incidents, 5, null), kept, "round " + round + ", seed " + seed);
            assertTrue(store.read.get() <= changed, "only changed incidents are read: " + store.read + " of "
                    + changed + " changed");
            assertEquals(incidents.size(), store.kept.get() + store.read.get());
            assertTrue(store.kept.get() > incidents.size() - 10, "the others come from the store: " + store.kept);
        }
    }

    @Test
    void termsKeptAndTakenBackAreTheTermsRead() throws IOException {
        for (Postmortem incident : understand(corpus())) {
            IncidentTerms read = IncidentTerms.read(incident, new TermScanner(new PmkbAnalyzer(),
                    new Numbers()::number)).terms();
            IncidentTerms back;
            try {
                back = IncidentTerms.decode(read.encode());
            } catch (IncidentTerms.DamagedException e) {
                throw new AssertionError(incident.id(), e);
            }
            assertArrayEquals(read.encode(), back.encode(), incident.id());
            assertArrayEquals(read.words, back.words, incident.id());
            assertArrayEquals(read.tokens, back.tokens, incident.id());
            assertArrayEquals(read.body, back.body, incident.id());
            assertArrayEquals(read.ends, back.ends, incident.id());
            assertEquals(read.text, back.text, incident.id());
            assertEquals(read.components, back.components, incident.id());
        }
    }

    /** Numbers terms in the order they come. */
    private static final class Numbers {
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

        synchronized int number(String term) {
            return numbers.computeIfAbsent(term, t -> numbers.size());
        }
    }
}
