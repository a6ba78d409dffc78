package dev.pmkb.site;

import dev.pmkb.model.Library;
import dev.pmkb.testing.SiteFixture;
import dev.pmkb.understand.Understander;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a bake orders the pages around the search export: the index and its export run beside the pages, and the search
 * page, which waits for the export, is rendered after every other page and file, so no thread waits while work is left.
 */
class RenderOrderTest {

    private static final String LIBRARY = """
            -- content/2024/a.md --
            ---
            title: Checkout pool exhausted
            date: 2024-03-03
            ---
            # Checkout pool exhausted

            ## Root Cause
            The connection pool was too small for the sale.
            -- content/2023/b.md --
            ---
            title: DNS records expired
            date: 2023-05-01
            ---
            # DNS records expired

            ## Root Cause
            A DNS record expired.
            """;

    @Test
    void theSearchPageIsRenderedAfterEveryOtherPageAndFile(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        Map<String, Thread> threads = new ConcurrentHashMap<>();
        List<String> stagedBeforeTheSearchPage = new ArrayList<>();
        Bake.Reuse reuse = new Bake.Reuse() {
            @Override
            public Understander understander(SiteConfig config) {
                return Bake.NOTHING.understander(config);
            }

            @Override
            public Bake.Understood understand(Path content, Path file, Understander understander) {
                return Bake.NOTHING.understand(content, file, understander);
            }

            @Override
            public void swap(Path staging, Path output, Library library) throws IOException {
                Bake.NOTHING.swap(staging, output, library);
            }

            @Override
            public void stageStarted(String stage) {
                threads.put(stage, Thread.currentThread());
                if (stage.equals("search page (waits for export)")) stagedBeforeTheSearchPage.addAll(staged(root));
            }
        };

        Bake.run(SiteConfig.load(root, SiteConfig.Overrides.NONE), reuse);

        assertTrue(stagedBeforeTheSearchPage.containsAll(List.of("index.html", "archive.html",
                "incidents/2024-a.html", "incidents/2023-b.html", "incidents.json")), stagedBeforeTheSearchPage.toString());
        assertFalse(stagedBeforeTheSearchPage.contains("search.html"), stagedBeforeTheSearchPage.toString());
        assertTrue(Files.isRegularFile(root.resolve("output/search.html")));
        assertEquals(threads.get("index (in the background)"), threads.get("search export (in the background)"));
        assertFalse(threads.get("index (in the background)") == threads.get("render"), "the index is written beside the pages");
    }

    /** The pages and JSON files in the bake's staging folder (beside the output) so far. */
    private static List<String> staged(Path root) {
        try (Stream<Path> siblings = Files.list(root)) {
            Path staging = siblings.filter(f -> f.getFileName().toString().startsWith(".output.baking-")
                    && !f.getFileName().toString().endsWith("-search-index")).findFirst().orElseThrow();
            try (Stream<Path> files = Files.walk(staging)) {
                return files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".json"))
                        .map(f -> staging.relativize(f).toString().replace('\\', '/')).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
