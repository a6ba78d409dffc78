package dev.pmkb.site;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.pmkb.testing.Axe;
import dev.pmkb.testing.Browser;
import dev.pmkb.testing.Shared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page type of the example site, on a phone and a wide screen, in light and dark: no horizontal
 * scrolling, nothing in the console (a CSP violation would show there), and no serious or critical
 * accessibility violation found by axe-core.
 */
class PagesInBrowserTest {

    static final List<String> PAGE_TYPES = List.of(
            "index.html",
            "incidents/2024-checkout-pool-exhaustion.html",
            "incidents/2023-payment-provider-outage.html",
            "incidents/2025-hostile-input-test.html",
            "causes/index.html",
            "causes/connection-pool-exhaustion.html",
            "archive.html",
            "insights.html",
            "actions.html",
            "404.html");

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo/", SimpleFileServer.createFileHandler(Shared.exampleSite().output()));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void everyPageTypeReadsWellOnPhoneAndDesktopInBothThemes() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(1280, 900)) {
            for (int width : new int[]{390, 1280}) {
                for (String scheme : new String[]{"light", "dark"}) {
                    browser.size(width, 900).colorScheme(scheme);
                    for (String page : PAGE_TYPES) {
                        String where = page + " @" + width + "px " + scheme + ": ";
                        browser.get(base + page);
                        if (browser.scrollsHorizontally()) problems.add(where + "scrolls horizontally");
                        browser.consoleProblems().forEach(p -> problems.add(where + "console: " + p));
                        Axe.seriousViolations(browser).forEach(v -> problems.add(where + v));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theThemeToggleSwitchesAndIsRemembered() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.colorScheme("light").get(base + "index.html");
            String lightBackground = (String) browser.script("return getComputedStyle(document.documentElement).backgroundColor;");
            browser.driver().findElement(org.openqa.selenium.By.id("theme-toggle")).click();
            assertEquals("dark", browser.script("return document.documentElement.dataset.theme;"));
            String darkBackground = (String) browser.script("return getComputedStyle(document.documentElement).backgroundColor;");
            org.junit.jupiter.api.Assertions.assertNotEquals(lightBackground, darkBackground);
            browser.get(base + "archive.html");
            assertEquals("dark", browser.script("return document.documentElement.dataset.theme;"),
                    "the choice holds on the next page");
            assertEquals(darkBackground, browser.script("return getComputedStyle(document.documentElement).backgroundColor;"));
        }
    }
}
