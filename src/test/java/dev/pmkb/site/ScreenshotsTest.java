package dev.pmkb.site;

import dev.pmkb.testing.Browser;
import dev.pmkb.testing.Shared;
import dev.pmkb.testing.SiteServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes docs/screenshots/: every page type of the example site, desktop and phone. Not part
 * of the test run; the documented command is {@code mvn -B -q test -Pscreenshots}.
 */
@Tag("screenshots")
class ScreenshotsTest {

    static final Map<String, String> PAGES = Map.of(
            "home", "index.html",
            "incident", "incidents/2024-checkout-pool-exhaustion.html",
            "incident-sparse", "incidents/2023-payment-provider-outage.html",
            "causes", "causes/index.html",
            "cause", "causes/connection-pool-exhaustion.html",
            "archive", "archive.html",
            "insights", "insights.html",
            "actions", "actions.html",
            "search", "search.html?q=connection%20pool");

    /** The search page fetches its index after loading: wait until its results are on the page. */
    private static void awaitSearchResults(Browser browser) throws InterruptedException {
        for (int i = 0; i < 100 && Boolean.TRUE.equals(browser.script(
                "return location.pathname.endsWith('search.html') && !document.querySelector('#search-results li');")); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void writeScreenshots() throws Exception {
        Path out = Path.of("docs/screenshots");
        Files.createDirectories(out);
        try (SiteServer server = SiteServer.serve(Shared.publishedExampleSite().output(), "/");
             Browser browser = Browser.open(1280, 900)) {
            String base = server.url("");
            for (var page : PAGES.entrySet()) {
                // Every page type in light; the two pages the README shows in dark as well.
                boolean showcase = page.getKey().equals("home") || page.getKey().equals("incident");
                for (String scheme : showcase ? new String[]{"light", "dark"} : new String[]{"light"}) {
                    browser.size(1280, 900).colorScheme(scheme).get(base + page.getValue());
                    awaitSearchResults(browser);
                    browser.screenshot(out.resolve(page.getKey() + "-desktop-" + scheme + ".png"), true);
                    browser.size(390, 844).colorScheme(scheme).get(base + page.getValue());
                    awaitSearchResults(browser);
                    browser.screenshot(out.resolve(page.getKey() + "-phone-" + scheme + ".png"), true);
                }
            }
        }
        assertTrue(Files.size(out.resolve("home-desktop-light.png")) > 10_000);
    }
}
