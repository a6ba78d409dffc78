package dev.pmkb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ./pmkb (and the distribution's bin/pmkb, which shares src/dist/lib/find-java.sh) does before Java starts. */
class LauncherTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("bash", Path.of("pmkb").toAbsolutePath().toString())));
        pb.command().addAll(List.of(args));
        pb.environment().putAll(env);
        Process p = pb.start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A java that says it is Java 17, and counts how often it was asked. */
    private static Path fakeJava(Path home, Path probes) throws Exception {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.deleteIfExists(java);
        Files.writeString(java, "#!/bin/sh\necho probed >>'" + probes + "'\n"
                + "echo '    java.specification.version = 17' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    @Test
    void asksEachJavaItsVersionOnceUntilTheJavaIsReplaced(@TempDir Path tmp) throws Exception {
        Path probes = tmp.resolve("probes");
        Path home = tmp.resolve("jdk17");
        fakeJava(home, probes);
        Map<String, String> env = Map.of("PMKB_JAVA_HOME", home.toString(), "PMKB_CACHE_DIR", tmp.resolve("cache").toString());
        for (int i = 0; i < 2; i++) {
            Run refused = launch(env, "--version");
            assertEquals(2, refused.exit(), refused.err());
            assertTrue(refused.err().contains("is Java 17; pmkb needs 21 or newer"), refused.err());
        }
        assertEquals(1, Files.readAllLines(probes).size(), "the second command took the version from the cache");

        fakeJava(home, probes); // a new file in its place, as an update installs one
        assertEquals(2, launch(env, "--version").exit());
        assertEquals(2, Files.readAllLines(probes).size(), "a replaced java is asked again");
    }

    @Test
    void bakesFromAClassDataArchiveMadeByABake(@TempDir Path tmp) throws Exception {
        dev.pmkb.testing.SiteFixture.write(tmp, """
                -- content/2024/a.md --
                # Checkout pool exhausted

                ## Root Cause
                The database connection pool of the checkout service was exhausted.
                """);
        // -Xshare:on makes the JVM fail rather than run without the archive; the log says where each class came from
        Run run = launch(Map.of("PMKB_CACHE_DIR", tmp.resolve("cache").toString(),
                "PMKB_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), "bake", "--site", tmp.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("dev.pmkb.cli.Main source: shared objects file (top)"), run.out());
        assertTrue(run.out().contains("dev.pmkb.render.SitePlanner source: shared objects file (top)"),
                "the archive holds what a bake loads");
        assertTrue(Files.exists(tmp.resolve("output/index.html")));
    }

    @Test
    void theDistributionRunsWithoutAnArchiveWhereItCannotWriteOne(@TempDir Path tmp) throws Exception {
        // the distribution's shape: bin/pmkb, lib/find-java.sh, lib/example, lib/*.jar
        Path dist = tmp.resolve("pmkb-dist");
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib/example"));
        Files.copy(Path.of("src/dist/bin/pmkb"), dist.resolve("bin/pmkb"));
        Files.copy(Path.of("src/dist/lib/find-java.sh"), dist.resolve("lib/find-java.sh"));
        Files.writeString(dist.resolve("lib/example/a.md"), "# Checkout pool exhausted\n");
        Path classes = Path.of("target/classes").toAbsolutePath();
        List<String> jars = new java.util.ArrayList<>(List.of(Files.readString(Path.of("target/runtime-classpath.txt"))
                .strip().split(java.io.File.pathSeparator)));
        for (String jar : jars) {
            Path link = dist.resolve("lib").resolve(Path.of(jar).getFileName());
            if (!Files.exists(link)) Files.createSymbolicLink(link, Path.of(jar));
        }
        // pmkb's own classes as the jar the distribution has
        Path ownJar = dist.resolve("lib/pmkb.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(ownJar));
             var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        Path blocked = tmp.resolve("a-file");
        Files.writeString(blocked, "");

        ProcessBuilder pb = new ProcessBuilder("bash", dist.resolve("bin/pmkb").toString(), "--version");
        pb.environment().put("PMKB_CACHE_DIR", blocked.resolve("cache").toString()); // cannot be made: a file is in the way
        pb.environment().put("PMKB_JAVA_HOME", ProcessHandle.current().info().command().map(Path::of)
                .map(java -> java.getParent().getParent().toString()).orElseThrow());
        for (int i = 0; i < 2; i++) {
            Process p = pb.start();
            var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out + err.join());
            assertTrue(out.startsWith("pmkb "), out);
            assertTrue(!err.join().contains("preparing"), "no archive is attempted where none can be written: " + err.join());
        }
    }
}
