package dev.pmkb.site;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebake keeps the previous index, updates it with the changed incidents, or writes it afresh, and says which. */
class KeptSearchIndexTest {

    @Test
    void theIndexIsKeptUpdatedOrWrittenAfreshAsItsInputsChanged(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        LibraryGenerator.generate(30, 3, content);
        Understander understander = Understander.defaults();
        Taxonomy taxonomy = understander.taxonomy();
        List<Postmortem> library = understandAll(content, understander);

        Path first = tmp.resolve("first");
        assertEquals(KeptSearchIndex.Outcome.WRITTEN, KeptSearchIndex.write(library, taxonomy, first, tmp.resolve("none")));
        Path second = tmp.resolve("second");
        assertEquals(KeptSearchIndex.Outcome.KEPT, KeptSearchIndex.write(library, taxonomy, second, first));
        assertEquals(fileKeys(first), fileKeys(second), "the same files, linked");

        // one edit, one deletion, one addition with an id of a line feed: updated, and it answers as a fresh index
        List<Postmortem> edited = new ArrayList<>(library);
        Postmortem p = edited.get(4);
        edited.set(4, new Postmortem(p.id(), p.source(), "Zanzibar checkout fell over", p.date(), p.dateOrigin(),
                p.draft(), p.facts(), p.markdown(), p.body(), p.diagnostics(), p.keywords(), p.titleComposed(),
                p.authorTitle(), p.credits()));
        edited.remove(9);
        Postmortem q = library.get(9);
        edited.add(new Postmortem("odd\nname\\n", q.source(), q.title(), q.date(), q.dateOrigin(), q.draft(), q.facts(),
                q.markdown(), q.body(), q.diagnostics(), q.keywords(), q.titleComposed(), q.authorTitle(), q.credits()));
        Path third = tmp.resolve("third");
        assertEquals(KeptSearchIndex.Outcome.UPDATED, KeptSearchIndex.write(edited, taxonomy, third, second));
        assertEquals(fileKeys(first), fileKeys(second), "the previous index is untouched");
        Path fresh = tmp.resolve("fresh");
        SearchIndex.write(edited, taxonomy, fresh);
        assertSameAnswers(fresh, third);
        assertEquals(1, search(third, "zanzibar").size());
        // the odd id was noted and read back: nothing changed since, so the index is kept
        assertEquals(KeptSearchIndex.Outcome.KEPT, KeptSearchIndex.write(edited, taxonomy, tmp.resolve("fourth"), third));

        // most of the library changed: written afresh
        List<Postmortem> half = edited.subList(0, edited.size() / 3);
        assertEquals(KeptSearchIndex.Outcome.WRITTEN, KeptSearchIndex.write(half, taxonomy, tmp.resolve("fifth"), third));

        // another taxonomy: every document's tags may change, so written afresh
        Taxonomy other = new Taxonomy(taxonomy.causes().subList(1, taxonomy.causes().size()),
                taxonomy.impactCategories(), taxonomy.components(), taxonomy.synonyms());
        assertEquals(KeptSearchIndex.Outcome.WRITTEN, KeptSearchIndex.write(edited, other, tmp.resolve("sixth"), third));

        // a file of the previous index damaged: written afresh, never half taken
        try (Stream<Path> files = Files.list(third)) {
            Path segmentFile = files.filter(f -> f.getFileName().toString().endsWith(".si")).findFirst().orElseThrow();
            Files.writeString(segmentFile, "damaged");
        }
        Path seventh = tmp.resolve("seventh");
        assertEquals(KeptSearchIndex.Outcome.WRITTEN, KeptSearchIndex.write(edited, taxonomy, seventh, third));
        assertSameAnswers(fresh, seventh);
    }

    private static void assertSameAnswers(Path fresh, Path index) throws Exception {
        for (String query : List.of("database", "deploy outage", "\"connection pool\"", "certif", "zanzibar")) {
            assertEquals(search(fresh, query), search(index, query), query);
        }
    }

    private static List<dev.pmkb.index.Hit> search(Path index, String query) throws Exception {
        try (Searcher searcher = Searcher.open(index)) {
            return searcher.search(new SearchRequest(query, List.of(), 20, false));
        }
    }

    private static List<Object> fileKeys(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            List<Object> keys = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                keys.add(f.getFileName() + " " + Files.readAttributes(f,
                        java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
            return keys;
        }
    }

    private static List<Postmortem> understandAll(Path content, Understander understander) throws IOException {
        try (Stream<Path> walk = Files.walk(content)) {
            List<Postmortem> all = new ArrayList<>();
            for (Path file : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Postmortem p = understander.understand(SourceReader.read(content, file));
                if (!p.draft()) all.add(p);
            }
            assertTrue(all.size() > 20);
            return all;
        }
    }
}
