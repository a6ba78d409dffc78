package dev.pmkb.testing;

import dev.pmkb.site.Bake;
import dev.pmkb.site.BakeFailure;
import dev.pmkb.site.SiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs the tests share: the example library, baked once per test run (jbake-core allows one
 * bake per JVM at a time, and every test that reads the example site reads the same one), and the public
 * postmortems in {@code ../shared}, which are read where they are and never copied into the repository.
 */
public final class Shared {

    private static BakeResult exampleSite;
    private static BakeResult corpusSite;

    private Shared() {
    }

    public static Path repository() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * The example library the tests read: a copy of the repository's {@code content/} and settings, so that a
     * fork or checkout with other content keeps pmkb's own tests green. Templates and assets are pmkb's.
     */
    public static Path exampleLibrary() {
        return repository().resolve("src/test/resources/example-library");
    }

    public static synchronized BakeResult exampleSite() {
        if (exampleSite == null) {
            try {
                Path out = Files.createTempDirectory("pmkb-example-site").resolve("site");
                SiteConfig config = SiteConfig.load(exampleLibrary(),
                        new SiteConfig.Overrides(null, out, "https://example.github.io/repo/", false));
                exampleSite = new BakeResult(Bake.run(config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BakeFailure e) {
                throw new AssertionError("the example library does not bake: " + e.getMessage(), e);
            }
        }
        return exampleSite;
    }

    /**
     * The public postmortems of {@code ../shared/corpus/alx} baked with the bundled templates, once per test run,
     * for the tests that only read the result; skipped when {@code ../shared} is not there.
     */
    public static synchronized BakeResult corpusSite() {
        Path corpus = sharedFolder("corpus/alx");
        if (corpusSite == null) {
            try {
                Path project = Files.createTempDirectory("pmkb-corpus-site");
                SiteConfig config = SiteConfig.load(project,
                        new SiteConfig.Overrides(corpus, project.resolve("site"), null, false));
                corpusSite = new BakeResult(Bake.run(config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BakeFailure e) {
                throw new AssertionError("the corpus does not bake: " + e.getMessage(), e);
            }
        }
        return corpusSite;
    }

    /**
     * {@code shared/<name>} beside the repository or beside one of its ancestors (worktrees may sit deeper than the
     * main checkout), else under {@code -Dpmkb.shared=DIR}; the test is skipped when it is not there.
     */
    public static Path sharedFolder(String name) {
        for (Path dir = repository().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(name);
            if (Files.isDirectory(candidate)) return candidate;
        }
        String elsewhere = System.getProperty("pmkb.shared");
        Path dir = elsewhere == null ? null : Path.of(elsewhere).resolve(name);
        assumeTrue(dir != null && Files.isDirectory(dir), "../shared/" + name + " not found next to the repository");
        return dir;
    }
}
