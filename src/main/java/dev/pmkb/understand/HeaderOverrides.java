package dev.pmkb.understand;

import dev.pmkb.model.Credits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** What the author's header states outright and so wins over what the text is read to say. */
final class HeaderOverrides implements Extractor<HeaderOverrides.Values> {

    /**
     * The header's title (cleaned; null when absent or empty), whether it marks the postmortem a draft, and whom
     * it credits.
     */
    record Values(String title, boolean draft, Credits credits) {
    }

    /** The names people give each credit in Jekyll, Hugo, JBake and status-page headers, most specific first. */
    private static final List<String> SOURCE_URL_KEYS = List.of("source_url", "source-url", "sourceurl", "url");
    private static final List<String> AUTHOR_KEYS = List.of("authors", "author");
    private static final List<String> ORGANISATION_KEYS = List.of("company", "organization", "organisation");

    @Override
    public Values extract(Reading r) {
        String title = r.header.text("title").map(Naming::verbatim).filter(t -> !t.isEmpty()).orElse(null);
        boolean draft = r.header.text("status").map(s -> s.equalsIgnoreCase("draft")).orElse(false)
                || r.header.text("draft").map(s -> s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")).orElse(false);
        return new Values(title, draft, credits(r));
    }

    private static Credits credits(Reading r) {
        String url = null;
        String urlKey = first(r, SOURCE_URL_KEYS);
        if (urlKey != null) {
            String written = r.header.text(urlKey).orElseThrow();
            url = webUrl(written);
            // Hugo's "url: /posts/x/" is the page's own path, not a source: only a source_url that fails is news.
            if (url == null && !(urlKey.equals("url") && written.strip().startsWith("/"))) {
                r.findings.warnAtFile(r.header.line(urlKey), "header " + urlKey + " \"" + written + "\" is not an"
                        + " absolute http(s) URL, so the page does not link it");
            }
        }
        String authorKey = first(r, AUTHOR_KEYS);
        List<String> authors = authorKey == null ? List.of() : r.header.list(authorKey).stream()
                .map(Naming::verbatim).filter(a -> !a.isEmpty()).distinct().toList();
        String organisationKey = first(r, ORGANISATION_KEYS);
        String organisation = organisationKey == null ? null : Naming.verbatim(r.header.text(organisationKey).get());
        String severity = r.header.text("severity").map(Naming::verbatim).orElse(null);
        return new Credits(url, authors, blankToNull(organisation), blankToNull(severity));
    }

    private static String first(Reading r, List<String> keys) {
        for (String key : keys) {
            if (r.header.text(key).isPresent()) return key;
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** {@code written} when it is an absolute http(s) URL with a host; null otherwise ({@code javascript:}, a path). */
    static String webUrl(String written) {
        String url = written.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The header's values for {@code key} when it has any, else {@code inferred}; {@code allowed} (when not null)
     * limits them to known slugs and warns about the others.
     */
    static List<String> list(Reading r, String key, List<String> allowed, Supplier<List<String>> inferred) {
        List<String> values = r.header.list(key);
        if (values.isEmpty()) return inferred.get();
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String value = allowed == null ? v.strip() : Naming.slug(v);
            if (allowed != null && !allowed.contains(value)) {
                r.findings.warnAtFile(r.header.line(key), "unknown impact category \"" + v + "\" in header " + key
                        + ": expected one of " + String.join(", ", allowed));
            } else if (!value.isEmpty() && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }
}
