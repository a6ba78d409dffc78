package dev.pmkb.cli;

import dev.pmkb.site.OutputFolder;
import dev.pmkb.site.SiteConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The options every command that bakes shares. */
final class SiteOptions {

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (holds jbake.properties, "
            + "content/, templates/, assets/). Default: the current folder.")
    Path site = Path.of("");

    @Option(names = "--content", paramLabel = "DIR", description = "Folder of postmortems to bake instead of "
            + "the site's content/; the site's (or the bundled) templates are used.")
    Path content;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the site is written. Default: output/ "
            + "in the site folder (or destination.folder in jbake.properties).")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at, "
            + "e.g. https://org.github.io/repo/; used for the feed, the sitemap and the 404 page's links. Default: site.host.")
    String baseUrl;

    @Option(names = "--no-cache", description = "Bake cold: neither read nor write the build cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where the build cache is kept (what earlier "
            + "bakes understood and rendered, so that a rebake redoes only what changed). Default: .pmkb/cache in the "
            + "site folder (or pmkb.cache.folder in jbake.properties); never inside the output.")
    Path cacheDir;

    SiteConfig load(boolean strict) throws IOException {
        if (noCache && cacheDir != null) throw new IllegalArgumentException("--no-cache and --cache-dir contradict each other");
        return SiteConfig.load(site, new SiteConfig.Overrides(content, output, baseUrl, strict, !noCache, cacheDir));
    }

    /**
     * The configuration, or null after saying in one line why there is none (a wrong option, a missing content
     * folder, an unreadable jbake.properties): wrong usage is found before any work.
     */
    SiteConfig loadOrExplain(boolean strict, PrintWriter err) {
        try {
            SiteConfig config = load(strict);
            if (!Files.isDirectory(config.content())) {
                err.println("pmkb: content folder not found: " + Terminal.folder(content, config.content(), site, config.siteRoot()));
                return null;
            }
            java.util.Optional<String> unsafeOutput = OutputFolder.problem(config);
            if (unsafeOutput.isPresent()) {
                err.println("pmkb: " + Terminal.printable(unsafeOutput.get()));
                err.flush();
                return null;
            }
            return config;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("pmkb: " + Terminal.printable(e.getMessage()));
        } catch (IOException e) {
            err.println("pmkb: cannot read the site settings in " + Terminal.folder(site, site) + ": "
                    + Terminal.reason(e));
        }
        err.flush();
        return null;
    }

    /** The check command that reports on what these options bake. */
    String checkCommand() {
        StringBuilder command = new StringBuilder("pmkb check");
        if (!site.toString().isEmpty()) command.append(" --site ").append(quoted(site));
        if (content != null) command.append(" --content ").append(quoted(content));
        return command.toString();
    }

    private static String quoted(Path path) {
        String s = path.toString();
        return s.matches("[A-Za-z0-9_./:@%+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
