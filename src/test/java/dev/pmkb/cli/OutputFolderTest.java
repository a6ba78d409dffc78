package dev.pmkb.cli;

import dev.pmkb.site.OutputFolder;
import dev.pmkb.site.SiteConfig;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pmkb.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bake replaces its output folder whole, so it refuses any folder that is not a site pmkb made. */
class OutputFolderTest {

    private static final String PROJECT = """
            -- content/a.md --
            # Checkout outage

            The checkout service ran out of database connections.
            -- jbake.properties --
            pmkb.title=Test
            -- unrelated/notes.txt --
            keep me
            -- file.txt --
            keep me too
            """;

    @Test
    @Timeout(120)
    void bakeAndServeRefuseEveryFolderTheyWouldDestroy(@TempDir Path parent) throws Exception {
        Path tmp = parent.resolve("project");
        SiteFixture.write(tmp, PROJECT);
        Files.createSymbolicLink(parent.resolve("alias"), tmp.resolve("content"));
        for (String output : new String[]{tmp.resolve("content").toString(), tmp.toString(), parent.toString(),
                parent.resolve("alias").toString(),
                tmp.resolve("unrelated").toString(), tmp.resolve("file.txt").toString(),
                tmp.resolve("content/2024/site").toString(), tmp.resolve("content/../unrelated").toString()}) {
            for (String command : new String[]{"bake", "serve"}) {
                CliTest.Run run = command.equals("bake") ? run("bake", "--site", tmp.toString(), "--output", output)
                        : run("serve", "--site", tmp.toString(), "--output", output, "--port", "0");
                assertEquals(2, run.exit(), command + " --output " + output + ": " + run.out() + run.err());
                assertTrue(run.err().startsWith("pmkb: will not replace "), run.err());
                assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
                assertEquals("", run.out(), "nothing baked");
            }
        }
        assertTrue(Files.exists(tmp.resolve("content/a.md")));
        assertTrue(Files.exists(tmp.resolve("jbake.properties")));
        assertTrue(Files.exists(tmp.resolve("unrelated/notes.txt")));
        assertTrue(Files.exists(tmp.resolve("file.txt")));
        assertFalse(Files.exists(tmp.resolve("content/2024")));
    }

    @Test
    void destinationFolderFromTheConfigurationIsCheckedToo(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- site/content/a.md --
                # Checkout outage
                -- site/jbake.properties --
                destination.folder=../proj
                -- proj/.git/config --
                [core]
                """);
        CliTest.Run run = run("bake", "--site", tmp.resolve("site").toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("is not a site pmkb baked"), run.err());
        assertTrue(Files.exists(tmp.resolve("proj/.git/config")));

        Files.writeString(tmp.resolve("site/jbake.properties"), "destination.folder=\n");
        CliTest.Run empty = run("bake", "--site", tmp.resolve("site").toString());
        assertEquals(2, empty.exit(), empty.out() + empty.err());
        assertTrue(empty.err().contains("it is the site folder"), empty.err());
        assertTrue(Files.exists(tmp.resolve("site/content/a.md")));
    }

    @Test
    void theCurrentFolderIsNeverAnOutput(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, PROJECT);
        // checked without baking: a bake that got past the check would delete the working copy the test runs in
        for (Path output : new Path[]{Path.of(""), Path.of("."), Path.of("").toAbsolutePath().getParent()}) {
            String refused = OutputFolder.problem(SiteConfig.load(tmp, new SiteConfig.Overrides(null, output, null, false)))
                    .orElseThrow(() -> new AssertionError("--output '" + output + "' is not refused"));
            assertTrue(refused.contains("current folder"), refused);
        }
    }

    @Test
    void aSitePmkbBakedIsReplacedAndSoIsAnEmptyOrNewFolder(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, PROJECT);
        Files.createDirectories(tmp.resolve("empty"));
        for (String output : new String[]{"empty", "new/site"}) {
            CliTest.Run first = run("bake", "--site", tmp.toString(), "--output", tmp.resolve(output).toString());
            assertEquals(0, first.exit(), first.err());
            assertTrue(Files.exists(tmp.resolve(output).resolve(OutputFolder.MARKER)), "every site is marked");
            CliTest.Run again = run("bake", "--site", tmp.toString(), "--output", tmp.resolve(output).toString());
            assertEquals(0, again.exit(), again.err());
            assertTrue(Files.exists(tmp.resolve(output).resolve("incidents/a.html")));
        }
    }
}
