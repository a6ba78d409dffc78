package dev.pmkb.cli;

import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.pmkb.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong usage: exit 2 and one line on stderr, before any work, never a stack trace. */
class UsageTest {

    private static final String SITE = """
            -- content/2024/a.md --
            ---
            title: Checkout pool exhausted
            date: 2024-03-03
            root_causes: [capacity]
            ---
            # Checkout pool exhausted

            ## Root Cause
            The database connection pool of the checkout service was exhausted.
            """;

    /** Exit 2, exactly one line on stderr that says {@code expected}, and nothing baked. */
    private static void wrongUsage(Path site, String expected, String... args) {
        CliTest.Run r = run(args);
        assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        if (site != null) assertFalse(Files.exists(site.resolve("output")), "nothing was baked: " + r.out());
    }

    @Test
    void anImpossiblePortIsRefusedBeforeBaking(@TempDir Path tmp) {
        SiteFixture.write(tmp, SITE);
        wrongUsage(tmp, "--port must be", "serve", "--site", tmp.toString(), "--port", "99999");
        wrongUsage(tmp, "--port must be", "serve", "--site", tmp.toString(), "--port", "-1");
    }

    @Test
    void aBindAddressMustBeAnIpAddressAndIsNeverLookedUp(@TempDir Path tmp) {
        SiteFixture.write(tmp, SITE);
        for (String address : new String[]{"example.com", "256.0.0.1", "0.0.0", "not an address", "::1 ; rm"}) {
            wrongUsage(tmp, "--bind must be an IP address", "serve", "--site", tmp.toString(), "--bind", address);
        }
        for (String address : new String[]{"127.0.0.1", "0.0.0.0", "::1", "[::]", "localhost", "10.0.0.5"}) {
            assertTrue(ServeCommand.ipAddress(address).isPresent(), address);
        }
        assertTrue(ServeCommand.ipAddress("localhost").get().isLoopbackAddress());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBusyPortIsFoundBeforeBaking(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, SITE);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            wrongUsage(tmp, "the port is in use", "serve", "--site", tmp.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void theBaseUrlMustBeAnAbsoluteWebUrl(@TempDir Path tmp) {
        SiteFixture.write(tmp, SITE);
        for (String url : new String[]{"not a url", "javascript:alert(1)//", "/repo/", "ftp://example.org/"}) {
            wrongUsage(tmp, "--base-url must be the absolute http(s) URL", "bake", "--site", tmp.toString(),
                    "--base-url", url);
        }
        SiteFixture.write(tmp, "-- jbake.properties --\nsite.host=javascript:alert(1)\n");
        wrongUsage(tmp, "site.host must be", "bake", "--site", tmp.toString());
    }

    @Test
    void anImpossibleDateIsOneLine(@TempDir Path tmp) {
        wrongUsage(null, "'2024-13-45' is not a date of the form YYYY-MM-DD", "new", "x", "--content",
                tmp.resolve("content").toString(), "--date", "2024-13-45");
        assertFalse(Files.exists(tmp.resolve("content")));
    }

    @Test
    void aMissingContentFolderIsWrongUsageForBakeAndCheckAlike(@TempDir Path tmp) {
        String missing = tmp.resolve("nonexistent").toString();
        wrongUsage(null, "content folder not found: " + missing, "bake", "--site", tmp.toString(), "--content", missing);
        wrongUsage(null, "content folder not found: " + missing, "check", "--site", tmp.toString(), "--content", missing);
        assertFalse(Files.exists(tmp.resolve("output")));
    }

    @Test
    void anUnknownCauseSaysTheValidOnesAndCaseDoesNotMatter(@TempDir Path tmp) {
        SiteFixture.write(tmp, SITE);
        assertEquals(0, run("bake", "--site", tmp.toString()).exit());
        String output = tmp.resolve("output").toString();
        CliTest.Run unknown = run("search", "pool", "--output", output, "--cause", "nope");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.err().contains("'nope'") && unknown.err().contains("capacity"), unknown.err());
        CliTest.Run upper = run("search", "pool", "--output", output, "--cause", "CAPACITY");
        assertEquals(0, upper.exit(), upper.err());
        assertTrue(upper.out().contains("Checkout pool exhausted"), upper.out());
    }

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        CliTest.Run r = run();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Usage: pmkb"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionsAreOneLineNamingTheHelp() {
        wrongUsage(null, "see 'pmkb bake --help'", "bake", "--no-such-option");
    }

    @Test
    void theLauncherRefusesAJavaHomeItCannotUse(@TempDir Path tmp) throws Exception {
        Path launcher = Path.of("pmkb").toAbsolutePath();
        assertLauncherRefuses(launcher, tmp.resolve("no-jdk").toString(), "has no bin/java");
        Path fakeJdk = tmp.resolve("jdk17/bin");
        Files.createDirectories(fakeJdk);
        // a java that reports itself as 17, as JDK 17 does
        Path java = fakeJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        assertLauncherRefuses(launcher, tmp.resolve("jdk17").toString(), "is Java 17; pmkb needs 21 or newer");
    }

    private static void assertLauncherRefuses(Path launcher, String javaHome, String expected) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version");
        pb.environment().put("PMKB_JAVA_HOME", javaHome);
        pb.environment().put("PMKB_CACHE_DIR", Path.of(javaHome).resolveSibling("cache").toString());
        pb.redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains(expected), err);
    }
}
