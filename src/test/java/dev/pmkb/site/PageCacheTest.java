package dev.pmkb.site;

import static dev.pmkb.testing.FileTrees.inode;

import dev.pmkb.bench.LibraryGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** How "keep unchanged files" tells a file of the new site from the previous site's. */
class PageCacheTest {

    private static SiteConfig config(Path root) throws Exception {
        return SiteConfig.load(root, new SiteConfig.Overrides(null, root.resolve("site"), null, false, true, null));
    }

    /** A staging folder with a copy (new files, same bytes) of each file of the site. */
    private static Path copyOfSite(Path root) throws Exception {
        Path site = root.resolve("site"), staging = root.resolve("staging");
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = staging.resolve(site.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return staging;
    }


    @Test
    void aFileTheCacheNotedIsComparedByItsNotedHashAndAChangedOneByteForByte(@TempDir Path root) throws Exception {
        LibraryGenerator.generate(12, 3, root.resolve("content"));
        Bake.run(config(root)); // notes the hash of every file but the pages
        Path site = root.resolve("site");
        Path noted = site.resolve("incidents.json");
        Path touched = site.resolve("robots.txt");

        // Same size, time and file key as noted: the note stands for the bytes, the file is not read again. Its
        // bytes are changed behind the cache's back here only to show that: a bake never does that.
        FileTime time = Files.getLastModifiedTime(noted);
        String json = Files.readString(noted, StandardCharsets.ISO_8859_1);
        Files.writeString(noted, json.replace('{', '['), StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(noted, time);
        // Another time: compared byte for byte, and its changed bytes are not kept.
        Files.writeString(touched, Files.readString(touched).replace('U', 'u'));

        Path staging = copyOfSite(root);
        Files.writeString(staging.resolve("incidents.json"), json, StandardCharsets.ISO_8859_1);
        Files.writeString(staging.resolve("robots.txt"), Files.readString(touched).replace('u', 'U'));
        PageCache cache = PageCache.open(config(root), root.resolve(".pmkb/cache"));
        cache.keepUnchanged(staging);

        assertEquals(inode(noted), inode(staging.resolve("incidents.json")), "kept by its noted hash");
        assertNotEquals(inode(touched), inode(staging.resolve("robots.txt")), "read, found different, not kept");
        assertEquals(inode(site.resolve("search/manifest.json")), inode(staging.resolve("search/manifest.json")));
        List<String> unkept = List.of("index.html"); // a page: noted by its model, compared byte for byte
        assertEquals(inode(site.resolve(unkept.getFirst())), inode(staging.resolve(unkept.getFirst())));
    }
}
