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

    /** {@code path} made absolute when the base URL is known, else left relative. */
    public String absolute(String path) {
        return baseUrl == null ? path : baseUrl + path;
    }
}
