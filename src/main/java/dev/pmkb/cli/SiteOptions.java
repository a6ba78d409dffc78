package dev.pmkb.cli;

import dev.pmkb.site.SiteConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
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
            + "e.g. https://org.github.io/repo/; only used for the feed and sitemap. Default: site.host.")
    String baseUrl;

    SiteConfig load(boolean strict) throws IOException {
        return SiteConfig.load(site, new SiteConfig.Overrides(content, output, baseUrl, strict));
    }
}
