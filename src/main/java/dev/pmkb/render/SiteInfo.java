package dev.pmkb.render;

/**
 * Site-wide facts every template may show.
 *
 * @param baseUrl absolute URL of the published site ending in {@code /}, or null when unknown; used only
 *                where a URL must be absolute (feed, sitemap), never for links between pages
 * @param remoteImages whether postmortems may show images from other sites ({@code pmkb.images.remote}); off by
 *                     default, since a remote image tells its host who read the postmortem and when
 * @param sourceBase   absolute URL of the content folder in its repository ({@code pmkb.source.base}, e.g.
 *                     {@code https://github.com/org/repo/blob/main/content/}) ending in {@code /}, or null: each
 *                     incident page then links its Markdown file there
 */
public record SiteInfo(String title, String description, String baseUrl, String version, boolean remoteImages,
                       String sourceBase) {

    public SiteInfo(String title, String description, String baseUrl, String version) {
        this(title, description, baseUrl, version, false);
    }

    public SiteInfo(String title, String description, String baseUrl, String version, boolean remoteImages) {
        this(title, description, baseUrl, version, remoteImages, null);
    }

    public SiteInfo {
        if (baseUrl != null) {
            baseUrl = baseUrl.strip();
            if (baseUrl.isEmpty()) baseUrl = null;
            else if (!baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        }
        if (sourceBase != null) {
            sourceBase = sourceBase.strip();
            if (sourceBase.isEmpty()) sourceBase = null;
            else if (!sourceBase.endsWith("/")) sourceBase = sourceBase + "/";
        }
    }

    /** Where {@code source} (a path in the content folder) can be read in its repository; null without a source base. */
    public String sourceUrl(String source) {
        return sourceBase == null ? null : sourceBase + pathEncoded(source);
    }

    private static final java.util.regex.Pattern BLOB = java.util.regex.Pattern.compile(
            "^(https://(?:github\\.com|gitlab\\.com)/[^/]+/[^/]+(?:/[^/]+)*?(?:/-)?)/blob/(.+)$");

    /**
     * The form that edits {@code source} in the browser, when the source base is a GitHub or GitLab blob URL
     * ({@code …/blob/main/content/}: the same URL with {@code /edit/}); null otherwise.
     */
    public String editUrl(String source) {
        if (sourceBase == null) return null;
        java.util.regex.Matcher blob = BLOB.matcher(sourceBase);
        return blob.matches() ? blob.group(1) + "/edit/" + blob.group(2) + pathEncoded(source) : null;
    }

    /** Each segment of {@code path} percent-encoded as a URL path needs it; the slashes stay. */
    private static String pathEncoded(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte octet : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = octet & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
            if (plain) b.append((char) c);
            else b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
        }
        return b.toString();
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
