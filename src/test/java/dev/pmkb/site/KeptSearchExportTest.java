package dev.pmkb.site;

import static dev.pmkb.testing.FileTrees.inode;

import dev.pmkb.model.Facts;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import dev.pmkb.testing.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search export's entries per incident in the build cache. */
class KeptSearchExportTest {

    private static Postmortem incident(String text) {
        return incident("2024/db", "Database down", text);
    }

    private static Postmortem incident(String id, String title, String text) {
        return new Postmortem(id, id + ".md", title, null, Postmortem.DateOrigin.NONE, false, null,
                text, new ParsedBody("", text, false), List.of());
    }

    /** Exports {@code incidents} with the cache in {@code cache} and {@code site} as the previous site into a staging folder. */
    private static KeptSearchExport exportInto(Path tmp, Path cache, Path site, List<Postmortem> incidents, String name)
            throws Exception {
        Path index = tmp.resolve(name + "-index");
        dev.pmkb.index.SearchIndex.write(incidents, index);
        KeptSearchExport kept = new KeptSearchExport(cache);
        kept.export(incidents, null, index, site, tmp.resolve(name));
        return kept;
    }


    @Test
    void theTextsOfIncidentsThatKeptTheirTextAndNumberAreTheFilesOfThePreviousExport(@TempDir Path tmp)
            throws Exception {
        Path cache = tmp.resolve("cache");
        Path site = tmp.resolve("site");
        List<Postmortem> before = List.of(
                incident("a", "Database down", "The primary database ran out of connections during the nightly batch."),
                incident("b", "Queue stuck", "A consumer deadlocked after a configuration change and the queue grew."),
                incident("c", "DNS outage", "The resolver cache expired while the upstream name servers were down."));
        KeptSearchExport first = exportInto(tmp, cache, site, before, "first");
        Files.move(tmp.resolve("first"), site); // the swap
        first.save(site);
        first.prune(); // puts what the bake kept in place for the next

        List<Postmortem> after = List.of(before.get(0), incident("b", "Queue stuck",
                "A consumer deadlocked after a configuration change and the queue grew for an hour."), before.get(2));
        exportInto(tmp, cache, site, after, "second");
        Path second = tmp.resolve("second");
        Path cold = tmp.resolve("cold");
        dev.pmkb.export.SearchExport.write(tmp.resolve("second-index"), after, null, cold);
        assertEquals(FileTrees.files(cold), FileTrees.files(second.resolve("search")), "the cold export's bytes");
        for (int doc : new int[]{0, 2}) {
            assertEquals(inode(site.resolve("search/x/" + doc + ".json")), inode(second.resolve("search/x/" + doc + ".json")),
                    "an unchanged incident's text is the previous file");
        }
        assertTrue(!inode(site.resolve("search/x/1.json")).equals(inode(second.resolve("search/x/1.json"))),
                "the edited incident's text is written");
    }

    @Test
    void anEntryIsFoundByTheIncidentsContentAndAnEditMissesIt(@TempDir Path tmp) {
        byte[] prepared = {1, 2, 3};
        Postmortem before = incident("The primary database ran out of connections.");
        KeptSearchExport first = new KeptSearchExport(tmp);
        first.keep(before, prepared);
        first.prune(); // puts what the bake kept in place for the next

        KeptSearchExport next = new KeptSearchExport(tmp);
        assertArrayEquals(prepared, next.kept(incident("The primary database ran out of connections.")));
        assertNull(next.kept(incident("The primary database ran out of disk.")), "another text, another key");
        assertNull(next.kept(before.withTitle("Database down again")), "another title, another key");
        Postmortem withCause = new Postmortem(before.id(), before.source(), before.title(), null,
                Postmortem.DateOrigin.NONE, false, new Facts(null, null, null, null, null, dev.pmkb.model.Impact.NONE, List.of(), List.of(),
                dev.pmkb.model.Detection.NONE, List.of(), "A leaking job.", null, List.of(), List.of(), null), before.markdown(),
                before.body(), List.of());
        assertNull(next.kept(withCause), "another root cause, another key");
        assertEquals(List.of(), next.problems());
    }

    @Test
    void aDamagedEntryIsMissingAndNoted(@TempDir Path tmp) throws Exception {
        Postmortem p = incident("The primary database ran out of connections.");
        KeptSearchExport first = new KeptSearchExport(tmp);
        first.keep(p, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        first.prune();
        Path entry;
        try (Stream<Path> files = Files.walk(tmp)) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(entry, bytes);
        KeptSearchExport next = new KeptSearchExport(tmp);
        assertNull(next.kept(p));
        assertTrue(next.problems().stream().anyMatch(m -> m.contains("damaged")), next.problems().toString());
    }

    /** The generated library of {@code n} incidents, understood, with {@code edit} applied to the Markdown of the 8th. */
    private static List<Postmortem> generated(Path tmp, int n, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        Path content = tmp.resolve("content-" + System.nanoTime());
        dev.pmkb.bench.LibraryGenerator.generate(n, 5, content);
        List<Path> files = FileTrees.markdown(content);
        Files.writeString(files.get(7), edit.apply(Files.readString(files.get(7))));
        dev.pmkb.understand.Understander understander = dev.pmkb.understand.Understander.defaults();
        return files.stream().map(f -> understander.understand(dev.pmkb.read.SourceReader.read(content, f)))
                .filter(p -> !p.draft()).toList();
    }

    @Test
    void termChunksWhoseBytesAreTheSameAreTheFilesOfThePreviousExportAndTheRestIsWrittenAsColdExportsDo(
            @TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path site = tmp.resolve("site");
        KeptSearchExport first = exportInto(tmp, cache, site, generated(tmp, 150, md -> md), "first");
        Files.move(tmp.resolve("first"), site);
        first.save(site);
        first.prune(); // puts what the bake kept in place for the next

        List<Postmortem> edited = generated(tmp, 150, md -> md + "\nThe zanzibar quokka replica lagged behind.\n");
        exportInto(tmp, cache, site, edited, "second");
        Path second = tmp.resolve("second/search");
        Path cold = tmp.resolve("cold");
        dev.pmkb.export.SearchExport.write(tmp.resolve("second-index"), edited, null, cold);
        assertEquals(FileTrees.files(cold), FileTrees.files(second), "the cold export's bytes");
        for (String folder : List.of("t", "p")) {
            long linked = 0;
            long all = 0;
            try (Stream<Path> chunks = Files.list(second.resolve(folder))) {
                for (Path chunk : chunks.toList()) {
                    all++;
                    Path before = site.resolve("search").resolve(folder).resolve(chunk.getFileName());
                    if (Files.exists(before) && inode(before).equals(inode(chunk))) linked++;
                }
            }
            assertTrue(all > 3, folder + ": " + all + " chunks");
            assertTrue(linked > 0 && linked < all, folder + ": " + linked + " of " + all + " chunks linked");
        }
    }
}
