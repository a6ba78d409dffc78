package dev.pmkb.render;

/**
 * Site-wide facts every template may show.
 *
 * @param baseUrl absolute URL of the published site ending in {@code /}, or null when unknown; used only
 *                where a URL must be absolute (feed, sitemap), never for links between pages
 */
public record SiteInfo(String title, String description, String baseUrl, String version) {

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
}
