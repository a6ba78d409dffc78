package dev.pmkb.export;

import static dev.pmkb.testing.FileTrees.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.bench.LibraryGenerator;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.index.SearchRequest;
import dev.pmkb.index.Searcher;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;
import dev.pmkb.read.SourceReader;
import dev.pmkb.understand.Understander;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index updated document by document ({@link SearchIndex#update}, what a rebake does with the previous bake's
 * index) exports the very files a fresh write of the same library exports, and {@code pmkb search} answers the same:
 * through rounds of random edits, additions, deletions and changes of primary cause.
 */
class UpdatedIndexExportTest {

    private static final Pattern ROOT_CAUSES = Pattern.compile("(?m)^root_causes: \\[([^\\]]*)\\]$");
    private static final List<String> QUERIES = List.of("database", "deploy outage", "\"connection pool\"", "certif",
            "latency", "zebra", "disk", "dns");

    @Test
    void anIndexUpdatedThroughRandomChangesExportsTheFilesOfAFreshOne(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Path reserve = tmp.resolve("reserve");
        LibraryGenerator.generate(70, 23, content);
        LibraryGenerator.generate(30, 24, reserve);
        List<Path> additions = new ArrayList<>(markdown(reserve));
        Understander understander = Understander.defaults();
        Taxonomy taxonomy = understander.taxonomy();
        Map<String, Postmortem> library = understandAll(content, understander);
        Path updated = tmp.resolve("updated");
        SearchIndex.write(List.copyOf(library.values()), taxonomy, updated);

        Random random = new Random(42);
        int primaryChanges = 0;
        for (int round = 0; round < 8; round++) {
            List<Path> files = markdown(content);
            for (int op = 0; op < 1 + random.nextInt(5); op++) {
                Path file = files.get(random.nextInt(files.size()));
                if (!Files.exists(file)) continue;
                switch (random.nextInt(4)) {
                    case 0 -> Files.writeString(file, Files.readString(file)
                            + "\nA zebra crossed the data centre in round " + round + " and unplugged the disk.\n");
                    case 1 -> Files.writeString(file, withRotatedCauses(Files.readString(file), random));
                    case 2 -> {
                        if (!additions.isEmpty()) {
                            Path added = additions.removeFirst();
                            Path target = content.resolve(reserve.relativize(added).toString().replace(".md", "-new.md"));
                            Files.createDirectories(target.getParent());
                            Files.copy(added, target);
                        }
                    }
                    default -> Files.delete(file);
                }
            }
            Map<String, Postmortem> next = understandAll(content, understander);
            Set<String> deleted = new HashSet<>(library.keySet());
            deleted.removeAll(next.keySet());
            List<Postmortem> written = new ArrayList<>();
            for (Postmortem p : next.values()) {
                Postmortem before = library.get(p.id());
                if (p.equals(before)) continue;
                written.add(p);
                if (before != null && !Objects.equals(primary(before), primary(p))) primaryChanges++;
            }
            assertTrue(SearchIndex.update(updated, deleted, written, taxonomy), "round " + round + ": exact");
            library = next;

            Path fresh = tmp.resolve("fresh-" + round);
            SearchIndex.write(List.copyOf(library.values()), taxonomy, fresh);
            List<String> order = documentIds(updated);
            assertEquals(documentIds(fresh), order, "round " + round + ": document numbers");
            assertEquals(export(fresh, library, taxonomy, tmp.resolve("fresh-export-" + round)),
                    export(updated, library, taxonomy, tmp.resolve("updated-export-" + round)), "round " + round);
            try (Searcher a = Searcher.open(fresh); Searcher b = Searcher.open(updated)) {
                for (String q : QUERIES) {
                    for (boolean prefix : List.of(false, true)) {
                        SearchRequest request = new SearchRequest(q, List.of(), 20, prefix);
                        assertEquals(a.search(request), b.search(request), "round " + round + ": " + q);
                    }
                }
            }
        }
        assertTrue(primaryChanges > 0, "a primary cause changed");
    }

    /**
     * The front matter's root causes with another first: the first moved to the end, or replaced, or named where
     * the front matter named none (then pmkb had read them from the text).
     */
    private static String withRotatedCauses(String markdown, Random random) {
        String other = List.of("bad-deploy", "certificate-expiry", "dns", "capacity", "hardware")
                .get(random.nextInt(5));
        Matcher m = ROOT_CAUSES.matcher(markdown);
        if (!m.find()) {
            return markdown.startsWith("---\n") ? "---\nroot_causes: [" + other + "]\n" + markdown.substring(4)
                    : "---\nroot_causes: [" + other + "]\n---\n" + markdown;
        }
        List<String> causes = new ArrayList<>(List.of(m.group(1).split(",\\s*")));
        if (causes.size() > 1) causes.add(causes.removeFirst());
        else causes.set(0, other);
        return m.replaceFirst(Matcher.quoteReplacement("root_causes: [" + String.join(", ", causes) + "]"));
    }

    private static String primary(Postmortem p) {
        return p.facts() == null || p.facts().causes() == null ? null : p.facts().causes().primary();
    }

    private static Map<String, Postmortem> understandAll(Path content, Understander understander) throws IOException {
        Map<String, Postmortem> byId = new HashMap<>();
        for (Path file : markdown(content)) {
            Postmortem p = understander.understand(SourceReader.read(content, file));
            if (!p.draft()) byId.put(p.id(), p);
        }
        return byId;
    }


    private static List<String> documentIds(Path index) throws IOException {
        try (var directory = org.apache.lucene.store.FSDirectory.open(index);
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            List<String> ids = new ArrayList<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) ids.add(reader.storedFields().document(doc).get(SearchIndex.ID));
            return ids;
        }
    }

    /** Every file of the export by path, with its bytes as a string. */
    private static Map<String, String> export(Path index, Map<String, Postmortem> library, Taxonomy taxonomy, Path out)
            throws IOException {
        SearchExport.write(index, List.copyOf(library.values()), taxonomy, out);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(f).toString(), Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(files.size() > 10, "an export");
        return files;
    }
}
