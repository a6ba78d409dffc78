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

    /**
     * {@code path} made absolute when the base URL is known, else left relative. Pages named in any script
     * ({@code incidents/事故.html}) are percent-encoded, as sitemaps and feed readers expect URLs to be.
     */
    public String absolute(String path) {
        return baseUrl == null ? path : baseUrl + asciiOnly(path);
    }

    private static String asciiOnly(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                for (byte octet : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", octet & 0xff));
                }
            }
        }
        return b.toString();
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
