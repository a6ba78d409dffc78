package dev.pmkb.understand;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the team's shared test inputs (real postmortems that must not be copied into the repository):
 * {@code ../shared} next to the project, else the folder named by the {@code pmkb.shared} system property,
 * else {@code /work/shared}. Tests that need them are skipped, not failed, where they are absent.
 */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path folder(String sub) {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        for (Path candidate : new Path[] {Path.of(base).resolve("..").resolve("shared"),
                Path.of(System.getProperty("pmkb.shared", "/work/shared"))}) {
            Path dir = candidate.resolve(sub).normalize();
            if (Files.isDirectory(dir)) return dir;
        }
        Assumptions.abort("shared test inputs not found (../shared/" + sub + "); skipping");
        return null;
    }
}
