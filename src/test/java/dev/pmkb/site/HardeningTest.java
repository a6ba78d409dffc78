package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Nothing outside the content folder, and nothing a reader's browser would run, gets into the site. */
class HardeningTest {

    private static final String GOOD = """
            -- content/good.md --
            # Checkout outage

            The checkout service ran out of database connections.

            ![leak](leak.png) ![inside](inside.png)
            -- content/real/inside.png --
            PNG
            """;

    @Test
    @Timeout(60)
    void linksOutOfTheContentFolderAreNeitherReadNorPublishedAndLoopsDoNotHang(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/etc/passwd")), "needs /etc/passwd");
        SiteFixture fixture = SiteFixture.write(tmp, GOOD);
        Path content = tmp.resolve("content");
        Files.createSymbolicLink(content.resolve("passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(content.resolve("environ.md"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(content.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(content.resolve("leak.png"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(content.resolve("inside.png"), Path.of("real/inside.png"));
        Files.createSymbolicLink(content.resolve("a"), Path.of("."));
        Files.createSymbolicLink(content.resolve("b"), Path.of("."));

        BakeResult site = fixture.bake();
        List<String> problems = site.diagnosticLines();
        assertContains(problems, "passwd.md: error: links outside the content folder");
        assertContains(problems, "environ.md: error: links outside the content folder");
        assertContains(problems, "etc: error: links outside the content folder");
        assertContains(problems, "leak.png: error: links outside the content folder");
        assertContains(problems, "a: warning: not read: a link to a folder");
        assertContains(problems, "b: warning: not read: a link to a folder");
        assertEquals(1, site.report().incidents(), problems.toString());
        site.assertFile("incidents/good.html", "The checkout service ran out of database connections.");
        site.assertExists("inside.png");
        site.assertMissing("leak.png").assertMissing("etc").assertMissing("a").assertMissing("incidents/passwd.html");
        String passwd = Files.readString(Path.of("/etc/passwd")).lines().findFirst().orElseThrow();
        for (Path file : files(site.output())) {
            assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(passwd),
                    site.output().relativize(file) + " holds a line of /etc/passwd");
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    static void assertContains(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(expected)), "no '" + expected + "' in " + lines);
    }
}
