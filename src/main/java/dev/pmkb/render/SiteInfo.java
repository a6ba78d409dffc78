package dev.pmkb.render;

/**
 * Site-wide facts every template may show.
 *
 * @param baseUrl absolute URL of the published site ending in {@code /}, or null when unknown; used only
 *                where a URL must be absolute (feed, sitemap), never for links between pages
 * @param remoteImages whether postmortems may show images from other sites ({@code pmkb.images.remote}); off by
 *                     default, since a remote image tells its host who read the postmortem and when
 */
public record SiteInfo(String title, String description, String baseUrl, String version, boolean remoteImages) {

    public SiteInfo(String title, String description, String baseUrl, String version) {
        this(title, description, baseUrl, version, false);
    }

    public SiteInfo {
        if (baseUrl != null) {
            baseUrl = baseUrl.strip();
            if (baseUrl.isEmpty()) baseUrl = null;
            else if (!baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        }
    }

    /** The path of the base URL ({@code /repo/}), or null when the base URL is unknown. */
    public String basePath() {
        if (baseUrl == null) return null;
        String path = java.net.URI.create(baseUrl).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code path} made absolute when the base URL is known, else left relative. */
    public String absolute(String path) {
        return baseUrl == null ? path : baseUrl + path;
    }

    /**
     * The Content-Security-Policy of every page: as a meta tag in the page (GitHub Pages sends no headers) and as a
     * header from {@code pmkb serve}. Scripts, styles and images come from the site itself only (images also from
     * other sites when {@link #remoteImages} allows them).
     */
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                + (remoteImages ? "https: " : "") + "data:; object-src 'none'; base-uri 'self'; form-action 'self'";
    }
}
