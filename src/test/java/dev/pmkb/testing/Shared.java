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
    private static BakeResult publishedExampleSite;
    private static Path exampleWithFixtures;
    private static BakeResult corpusSite;

    private Shared() {
    }

    public static Path repository() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * The example library as published: a copy of the repository's {@code content/} and settings, so that a
     * fork or checkout with other content keeps pmkb's own tests green. Templates and assets are pmkb's.
     */
    public static Path publishedExampleLibrary() {
        return repository().resolve("src/test/resources/example-library");
    }

    /**
     * The library the tests bake: the example with the test fixtures of {@code src/test/resources/fixtures} added
     * to its content (a postmortem full of hostile input, which the published example does not show its readers).
     */
    public static synchronized Path exampleLibrary() {
        if (exampleWithFixtures == null) {
            try {
                Path copy = Files.createTempDirectory("pmkb-example-library");
                copyTree(publishedExampleLibrary(), copy);
                copyTree(repository().resolve("src/test/resources/fixtures"), copy);
                exampleWithFixtures = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return exampleWithFixtures;
    }

    public static synchronized BakeResult exampleSite() {
        if (exampleSite == null) exampleSite = bakeExample(exampleLibrary());
        return exampleSite;
    }

    /** The example as its readers see it, without the test fixtures: for the screenshots of the documentation. */
    public static synchronized BakeResult publishedExampleSite() {
        if (publishedExampleSite == null) publishedExampleSite = bakeExample(publishedExampleLibrary());
        return publishedExampleSite;
    }

    private static BakeResult bakeExample(Path library) {
        try {
            Path out = Files.createTempDirectory("pmkb-example-site").resolve("site");
            SiteConfig config = SiteConfig.load(library,
                    new SiteConfig.Overrides(null, out, "https://example.github.io/repo/", false));
            return new BakeResult(Bake.run(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BakeFailure e) {
            throw new AssertionError("the example library does not bake: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
