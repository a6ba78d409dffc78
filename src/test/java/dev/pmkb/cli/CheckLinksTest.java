package dev.pmkb.cli;

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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CheckLinksTest {

    @Test
    @Timeout(60)
    void checkReadsTheFilesABakeReadsAndNoLinkOutOfTheContentFolder(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/etc/passwd")), "needs /etc/passwd");
        SiteFixture.write(tmp, """
                -- content/a.md --
                # Checkout outage
                """);
        Files.createSymbolicLink(tmp.resolve("content/passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(tmp.resolve("content/loop"), Path.of("."));
        CliTest.Run check = run("check", "--content", tmp.resolve("content").toString());
        assertTrue(check.out().contains("1 postmortem checked"), check.out());
        assertTrue(check.out().contains("passwd.md: error: links outside the content folder"), check.out());
        assertFalse(check.out().contains("root:"), "nothing of the linked file is read: " + check.out());
        assertEquals(1, check.exit(), "a link out of the folder is an error, as in a bake: " + check.err());
    }
}
