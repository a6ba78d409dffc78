package dev.pmkb.site;

import dev.pmkb.testing.Shared;
import dev.pmkb.testing.SiteServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serves the baked example site under {@code /repo/}, as GitHub Pages serves a project site, and follows every
 * link, stylesheet and image from the home page: each must stay under {@code /repo/} and answer 200.
 */
class LinkCheckTest {

    private static SiteServer server;
    private static String base;

    @BeforeAll
    static void serve() {
        server = SiteServer.serve(Shared.exampleSite().output(), "/repo/");
        base = server.url("");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyInternalLinkResolvesUnderASubpath() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Deque<URI> pages = new ArrayDeque<>(List.of(URI.create(base + "index.html")));
        Set<URI> seen = new HashSet<>(pages);
        List<String> broken = new ArrayList<>();
        int htmlPages = 0;
        while (!pages.isEmpty()) {
            URI page = pages.poll();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                broken.add(page + " -> " + response.statusCode());
                continue;
            }
            if (!page.getPath().endsWith(".html")) continue;
            htmlPages++;
            Document doc = Jsoup.parse(response.body(), page.toString());
            for (Element el : doc.select("a[href], link[href], img[src], script[src]")) {
                String raw = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (raw.startsWith("/")) broken.add(page + ": root-relative link breaks under a subpath: " + raw);
                URI target = page.resolve(raw.replace(" ", "%20"));
                if (!"127.0.0.1".equals(target.getHost())) continue;
                target = URI.create(target.getScheme() + "://" + target.getAuthority() + target.getPath());
                if (!target.getPath().startsWith("/repo/")) {
                    broken.add(page + ": leaves the site: " + raw);
                } else if (seen.add(target)) {
                    pages.add(target);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(htmlPages > Shared.exampleSite().report().incidents(), "crawled " + htmlPages + " pages");
    }
}
