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

    @Test
    @Timeout(60)
    void theAssetsFolderFollowsNoLinkOutOfItselfNorAroundALoop(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/etc/passwd")), "needs /etc/passwd");
        SiteFixture fixture = SiteFixture.write(tmp, """
                -- content/a.md --
                # Checkout outage
                -- assets/css/site.css --
                body { color: black; }
                -- assets/.secret --
                token
                """);
        Path assets = tmp.resolve("assets");
        Files.createSymbolicLink(assets.resolve("loop"), Path.of("."));
        Files.createSymbolicLink(assets.resolve("same.css"), Path.of("css/site.css"));
        BakeResult site = fixture.bake();
        site.assertExists("css/site.css").assertExists("same.css").assertMissing(".secret").assertMissing("loop");

        Files.createSymbolicLink(assets.resolve("passwd.css"), Path.of("/etc/passwd"));
        BakeFailure failure = org.junit.jupiter.api.Assertions.assertThrows(BakeFailure.class, fixture::bake);
        assertTrue(failure.getMessage().contains("passwd.css links outside the assets folder"), failure.getMessage());
        site.assertMissing("passwd.css");
    }

    @Test
    void aContentFolderThatIsALinkIsBakedAsTheFolderItNames(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- library/2024/a.md --
                # Checkout outage

                ![chart](chart.png)
                -- library/2024/chart.png --
                PNG
                -- site/jbake.properties --
                pmkb.title=Test
                """);
        Files.createSymbolicLink(tmp.resolve("site/content"), Path.of("../library"));
        BakeResult site = SiteFixture.write(tmp.resolve("site"), "").bake();
        assertEquals(List.of(), site.diagnosticLines().stream().filter(l -> !l.contains(": warning: no ")).toList(),
                "nothing but the lint rules' missing facts");
        site.assertExists("incidents/2024-a.html").assertExists("2024/chart.png");
    }

    @Test
    void onlyPassiveAttachmentsThatAPublishedPostmortemLinksToArePublishedAndTheRestIsNamed(@TempDir Path tmp)
            throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/2024/good.md --
                # Checkout outage

                The checkout service ran out of database connections: [report](report.htm), ![d](d.svg),
                [x](x.xhtml), [s](s.shtml), [js](s.js), [notes](notes.txt), ![chart](chart.png), [data](data.csv),
                [doc](files/doc.PDF), [git](../.git/config), [hidden](.hidden.png).
                -- content/2024/draft.md --
                ---
                title: Not yet
                status: draft
                ---
                ![only the draft shows this](draft-only.png)
                -- content/2024/report.htm --
                <script>alert(1)</script>
                -- content/2024/d.svg --
                <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>
                -- content/2024/x.xhtml --
                <html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>
                -- content/2024/s.shtml --
                <script>alert(1)</script>
                -- content/2024/s.js --
                alert(1)
                -- content/2024/notes.txt --
                notes
                -- content/2024/chart.png --
                PNG
                -- content/2024/data.csv --
                a,b
                -- content/2024/files/doc.PDF --
                %PDF
                -- content/2024/.hidden.png --
                PNG
                -- content/.git/config --
                [remote "origin"]
                -- content/2024/draft-only.png --
                PNG
                -- content/2024/orphan.png --
                PNG
                """).bake();
        site.assertExists("2024/chart.png").assertExists("2024/data.csv").assertExists("2024/files/doc.PDF");
        for (String missing : new String[]{"report.htm", "d.svg", "x.xhtml", "s.shtml", "s.js", "notes.txt",
                ".hidden.png", "draft-only.png", "orphan.png"}) {
            site.assertMissing("2024/" + missing);
        }
        site.assertMissing(".git");
        List<String> problems = site.diagnosticLines();
        for (String unsafe : new String[]{"d.svg", "x.xhtml", "s.shtml", "s.js"}) {
            assertContains(problems, "2024/" + unsafe + ": warning: not published: pmkb publishes only images (not SVG)");
        }
        assertContains(problems, "2024/report.htm: warning: not baked");
        assertContains(problems, "2024/notes.txt: warning: not baked");
        assertContains(problems, "2024/draft-only.png: warning: not published: no published postmortem links to it");
        assertContains(problems, "2024/orphan.png: warning: not published: no published postmortem links to it");
        assertContains(problems, "2024/good.md: warning: link to 'd.svg' points at nothing pmkb publishes");
        site.assertFile("incidents/2024-good.html", """
                src="../2024/chart.png"
                ! d.svg"
                ! report.htm"
                """);
    }

    @Test
    @Timeout(60)
    void noPostmortemIsLostToItsFileName(@TempDir Path tmp) throws Exception {
        SiteFixture fixture = SiteFixture.write(tmp, """
                -- content/事故.md --
                # Database failover

                Body of the Chinese file name.
                -- content/Сбой.md --
                # Queue backlog

                Body of the Russian file name.
                -- content/حادث.md --
                # DNS outage

                Body of the Arabic file name.
                -- content/🔥.md --
                # Fire one

                Body of the first emoji.
                -- content/🌊.md --
                # Flood two

                Body of the second emoji.
                -- content/UPPER.MD --
                # Upper case extension

                Body of the upper-case file.
                -- content/long.Markdown --
                # Mixed case extension

                Body of the mixed-case file.
                -- content/.hidden.md --
                # Hidden
                -- content/original.md --
                # The original

                Body of the original.
                """);
        Path content = tmp.resolve("content");
        Files.createSymbolicLink(content.resolve("duplicate.md"), Path.of("original.md"));
        Files.createSymbolicLink(content.resolve("gone.md"), Path.of("nowhere.md"));
        boolean fifo = new ProcessBuilder("mkfifo", content.resolve("pipe.md").toString()).start().waitFor() == 0;

        BakeResult site = fixture.bake();
        List<String> problems = site.diagnosticLines();
        for (String body : new String[]{"Chinese", "Russian", "Arabic", "first emoji", "second emoji", "upper-case",
                "mixed-case", "original"}) {
            try (Stream<Path> pages = Files.list(site.output().resolve("incidents"))) {
                assertEquals(1, pages.filter(p -> read(p).contains("Body of the " + body)).count(),
                        "one page with the body of the " + body + " file; " + problems);
            }
        }
        site.assertExists("incidents/事故.html").assertExists("incidents/сбой.html").assertExists("incidents/upper.html");
        assertEquals(8, site.report().incidents(), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("crawler skipped")), problems.toString());
        assertContains(problems, ".hidden.md: warning: not baked: a hidden file");
        assertContains(problems, "gone.md: warning: not read: a broken link");
        assertContains(problems, "duplicate.md: warning: not baked twice: a link to original.md");
        if (fifo) assertContains(problems, "pipe.md: warning: not read: not a regular file");

        BakeResult published = fixture.bake(new SiteConfig.Overrides(null, null, "https://example.org/pm/", false));
        published.assertFile("sitemap.xml", "<loc>https://example.org/pm/incidents/%E4%BA%8B%E6%95%85.html</loc>");
    }

    @Test
    void aBakeRemovesWhatKilledBakesLeftAndNothingElse(@TempDir Path tmp) throws Exception {
        SiteFixture fixture = SiteFixture.write(tmp, """
                -- content/a.md --
                # Checkout outage
                """);
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path dead = Files.createDirectories(tmp.resolve(".output.baking-999999999-1f"));
            Files.writeString(dead.resolve("index.html"), "half a site");
            Path deadOld = Files.createDirectories(tmp.resolve(".output.old-999999999-5"));
            Path running = Files.createDirectories(tmp.resolve(".output.baking-" + alive.pid() + "-2e"));
            Path ours = Files.createDirectories(tmp.resolve(".output.baking-" + ProcessHandle.current().pid() + "-3d"));
            Path legacyOld = Files.createDirectories(tmp.resolve(".output.baking-4815162342"));
            Files.setLastModifiedTime(legacyOld, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
            Path legacyNew = Files.createDirectories(tmp.resolve(".output.baking-1234567890"));
            Path otherOutput = Files.createDirectories(tmp.resolve(".site.baking-999999999-1f"));

            fixture.bake();
            for (Path gone : new Path[]{dead, deadOld, legacyOld}) assertFalse(Files.exists(gone), gone.toString());
            for (Path kept : new Path[]{running, ours, legacyNew, otherOutput}) {
                assertTrue(Files.exists(kept), kept + " may belong to a bake still running, or to another output");
            }
        } finally {
            alive.destroy();
        }
    }

    @Test
    void theSiteIsReadableAsTheUmaskAllowsNotPrivate(@TempDir Path tmp) throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        BakeResult site = SiteFixture.write(tmp, """
                -- content/a.md --
                # Checkout outage
                """).bake();
        Path probe = Files.createDirectory(tmp.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(site.output()),
                "the output folder gets the permissions of any new folder");
    }

    @Test
    void gitIgnoresTheOutputAndStagingFolders() throws Exception {
        for (String path : new String[]{"output/index.html", ".output.baking-123-4f/index.html",
                ".output.old-123-456/index.html", ".pmkb/cache/understood-1/ab/abcdef"}) {
            Process git;
            try {
                git = new ProcessBuilder("git", "check-ignore", "-q", "--no-index", path).start();
            } catch (IOException noGit) {
                assumeTrue(false, "needs git");
                return;
            }
            assertEquals(0, git.waitFor(), ".gitignore does not cover " + path);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
