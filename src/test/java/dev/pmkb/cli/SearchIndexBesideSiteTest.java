package dev.pmkb.cli;

import dev.pmkb.index.SearchIndex;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lucene index `pmkb search` reads is kept beside the baked site: publishing the site never publishes it. */
class SearchIndexBesideSiteTest {

    private static final String LIBRARY = """
            -- content/2024/pool.md --
            # Checkout pool exhausted

            ## Root Cause and Resolution
            The database connection pool ran out.
            """;

    @Test
    void bakeKeepsTheIndexOutOfTheSiteAndSearchFindsIt(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp.resolve("project"), LIBRARY);
        Path site = tmp.resolve("published/site");
        CliTest.Run bake = CliTest.run("bake", "--site", tmp.resolve("project").toString(), "--output", site.toString());
        assertEquals(0, bake.exit(), bake.err());
        try (Stream<Path> files = Files.walk(site)) {
            assertFalse(files.anyMatch(file -> file.getFileName().toString().startsWith("segments_")
                    || file.getFileName().toString().equals(".pmkb")), "no Lucene file in the site");
        }
        assertTrue(Files.isDirectory(tmp.resolve("published/.site.search-index")), "the index is beside the site");

        CliTest.Run search = CliTest.run("search", "connection pool", "--output", site.toString());
        assertEquals(0, search.exit(), search.err());
        assertTrue(search.out().contains("Checkout pool exhausted"), search.out());

        CliTest.Run again = CliTest.run("bake", "--site", tmp.resolve("project").toString(), "--output", site.toString());
        assertEquals(0, again.exit(), "a rebake replaces the index of the last one: " + again.err());
    }

    @Test
    void aFolderOfSomeoneElsesWhereTheIndexGoesIsNotDeleted(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp.resolve("project"), LIBRARY);
        Path site = tmp.resolve("site");
        Path notAnIndex = SearchIndex.besideSite(site);
        Files.createDirectories(notAnIndex);
        Files.writeString(notAnIndex.resolve("notes.txt"), "mine\n");

        CliTest.Run bake = CliTest.run("bake", "--site", tmp.resolve("project").toString(), "--output", site.toString());
        assertEquals(1, bake.exit());
        assertTrue(bake.err().contains("is not a search index pmkb wrote"), bake.err());
        assertFalse(Files.exists(site), "refused before any work");
        assertEquals("mine\n", Files.readString(notAnIndex.resolve("notes.txt")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().contains(".baking-")), "no staging folder left");
        }
    }
}
