package dev.pmkb.site;

import dev.pmkb.render.SiteInfo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a bake reads from and writes to, and the library's settings from {@code jbake.properties}.
 *
 * @param siteRoot   the site project folder (holds {@code jbake.properties}, {@code taxonomy.yml})
 * @param content    the postmortems
 * @param templates  FreeMarker templates: the project's own, or the bundled ones when it has none
 * @param assets     static files copied to the output root: the project's own, or the bundled ones
 * @param output     the site folder to (re)place
 * @param properties every key of {@code jbake.properties} (with command-line overrides applied)
 * @param drafts     publish drafts too, marked as such: {@code pmkb serve --drafts} only, never {@code pmkb bake}
 * @param cache      the build cache folder ({@code .pmkb/cache} in the site folder, {@code pmkb.cache.folder},
 *                   {@code --cache-dir}); null bakes cold, as {@code --no-cache} does
 */
public record SiteConfig(Path siteRoot, Path content, Path templates, Path assets, Path output, SiteInfo info,
                         int relatedLimit, boolean strict, Properties properties, boolean drafts, Path cache) {

    public static final String PROPERTIES_FILE = "jbake.properties";
    public static final String DEFAULT_OUTPUT = "output";
    /** The title and description of a site whose content is not its project's own content folder. */
    public static final String DEFAULT_TITLE = "Postmortem library";
    public static final String DEFAULT_DESCRIPTION = "What went wrong, why, and what we changed.";
    /** Settings of the build cache; they choose where it is, never what a bake makes, so no key of the cache holds them. */
    static final String CACHE_PROPERTY_PREFIX = "pmkb.cache.";
    public static final String CACHE_FOLDER_PROPERTY = CACHE_PROPERTY_PREFIX + "folder";
    public static final String DEFAULT_CACHE = ".pmkb/cache";

    /**
     * What the command line may override; null means "as configured". {@code useCache} false bakes cold, without the
     * build cache (the default of this API, so that a program or a test bakes as it always did); true uses
     * {@code cacheFolder}, or the configured one when it is null.
     */
    public record Overrides(Path content, Path output, String baseUrl, boolean strict, boolean useCache,
                            Path cacheFolder) {
        public static final Overrides NONE = new Overrides(null, null, null, false);

        public Overrides(Path content, Path output, String baseUrl, boolean strict) {
            this(content, output, baseUrl, strict, false, null);
        }
    }

    /**
     * The site project's settings with {@code overrides} applied.
     *
     * @throws IllegalArgumentException wrong usage, before any work: the site folder is missing or a setting is
     *                                  invalid. Whether the output may be replaced is {@link OutputFolder}'s question,
     *                                  asked by what writes it (pmkb check writes nothing).
     */
    public static SiteConfig load(Path siteRoot, Overrides overrides) throws IOException {
        Path root = siteRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("site folder not found: " + root);
        Properties props = new Properties();
        Path file = root.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            }
        }
        if (overrides.baseUrl() != null) props.setProperty("site.host", overrides.baseUrl());
        checkBaseUrl(props.getProperty("site.host"), overrides.baseUrl() != null ? "--base-url" : "site.host");
        Path content = overrides.content() != null ? overrides.content().toAbsolutePath().normalize()
                : root.resolve(props.getProperty("content.folder", "content"));
        Path output = overrides.output() != null ? overrides.output().toAbsolutePath().normalize()
                : root.resolve(props.getProperty("destination.folder", DEFAULT_OUTPUT));
        Path templates = existingOrBundled(root.resolve(props.getProperty("template.folder", "templates")), "templates");
        Path assets = existingOrBundled(root.resolve(props.getProperty("asset.folder", "assets")), "assets");
        // A project's title and description describe its own postmortems. Baked from inside a project (pmkb's own
        // checkout, whose example library is "Example postmortem library") with --content another folder, the site
        // would otherwise wear that project's name: it gets the neutral defaults instead.
        Path ownContent = root.resolve(props.getProperty("content.folder", "content")).normalize();
        boolean ownContentBaked = sameFolder(content, ownContent);
        SiteInfo info = new SiteInfo(
                ownContentBaked ? props.getProperty("pmkb.title", DEFAULT_TITLE) : DEFAULT_TITLE,
                ownContentBaked ? props.getProperty("pmkb.description", DEFAULT_DESCRIPTION) : DEFAULT_DESCRIPTION,
                props.getProperty("site.host"),
                Version.current(),
                Boolean.parseBoolean(props.getProperty("pmkb.images.remote", "false").strip()),
                sourceBase(props.getProperty("pmkb.source.base")));
        int related = parseInt(props.getProperty("pmkb.related.limit", "5"), "pmkb.related.limit");
        Path cache = null;
        if (overrides.useCache()) {
            cache = overrides.cacheFolder() != null ? overrides.cacheFolder().toAbsolutePath().normalize()
                    : root.resolve(props.getProperty(CACHE_FOLDER_PROPERTY, DEFAULT_CACHE).strip()).normalize();
        }
        return new SiteConfig(root, content, templates, assets, output, info, related, overrides.strict(),
                props, false, cache);
    }

    /** These settings, publishing drafts too ({@code pmkb serve --drafts}) or not. */
    public SiteConfig withDrafts(boolean publishDrafts) {
        return new SiteConfig(siteRoot, content, templates, assets, output, info, relatedLimit, strict, properties,
                publishDrafts, cache);
    }


    /**
     * The base URL only makes feed and sitemap URLs absolute, so it must be an absolute http(s) URL: a relative one
     * gives relative sitemap URLs (which search engines ignore), another scheme ({@code javascript:}) would be put
     * into every feed reader.
     */
    static void checkBaseUrl(String value, String from) {
        if (value == null || value.isBlank()) return;
        if (!isWebUrl(value)) {
            throw new IllegalArgumentException(from + " must be the absolute http(s) URL the site is published at, "
                    + "e.g. https://org.github.io/repo/ (it makes feed and sitemap URLs absolute; links between "
                    + "pages are relative anyway), not '" + value + "'");
        }
    }

    /** An absolute http(s) URL with a host and neither query nor fragment: a base other URLs are appended to. */
    private static boolean isWebUrl(String value) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        return uri.getScheme() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
    }

    private static boolean sameFolder(Path a, Path b) {
        if (a.equals(b)) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * Each incident page links its file under {@code pmkb.source.base}, so it must be an absolute http(s) URL: any
     * other scheme would be a link on every page.
     */
    static String sourceBase(String value) {
        if (value == null || value.isBlank()) return null;
        if (!isWebUrl(value)) {
            throw new IllegalArgumentException(PROPERTIES_FILE + ": pmkb.source.base must be the absolute http(s) URL"
                    + " of the content folder in its repository, e.g. https://github.com/org/repo/blob/main/content/,"
                    + " not '" + value + "'");
        }
        return value.strip();
    }

    private static Path existingOrBundled(Path folder, String name) throws IOException {
        return Files.isDirectory(folder) ? folder : BundledSite.folder(name);
    }

    private static int parseInt(String value, String key) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTIES_FILE + ": " + key + " must be a whole number >= 0, not '"
                    + value + "'");
        }
    }
}
