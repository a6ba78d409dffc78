package dev.pmkb.site;

import dev.pmkb.testing.Axe;
import dev.pmkb.testing.Browser;
import dev.pmkb.testing.SiteFixture;
import dev.pmkb.testing.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive's table in headless Chromium: sorting by column, filters without a query, state in the URL. */
class ArchiveInBrowserTest {

    @TempDir
    static Path tmp;
    private static SiteServer server;

    @BeforeAll
    static void bake() throws Exception {
        Path output = SiteFixture.write(tmp, ListsThatInformTest.LIBRARY).bake().output();
        server = SiteServer.serve(output, "/repo/");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void columnsSortBothWaysWithUnknownValuesLastAndTheUrlKeepsTheOrder() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(server.url("archive.html"));
            assertEquals(List.of("Cache cluster out of memory", "DNS records deleted", "Something happened"), titles(browser));
            WebElement duration = browser.driver().findElement(By.cssSelector("th[data-sort=duration] button"));
            duration.click();
            assertEquals(List.of("Cache cluster out of memory", "DNS records deleted", "Something happened"), titles(browser),
                    "longest first");
            assertEquals("descending", browser.driver().findElement(By.cssSelector("th[data-sort=duration]")).getAttribute("aria-sort"));
            duration.click();
            assertEquals(List.of("DNS records deleted", "Cache cluster out of memory", "Something happened"), titles(browser),
                    "shortest first, the unknown duration still last");
            assertTrue(browser.driver().getCurrentUrl().endsWith("archive.html?sort=duration&dir=asc"),
                    browser.driver().getCurrentUrl());
            assertFalse(browser.driver().findElement(By.cssSelector("th[data-sort=date]")).getDomAttribute("aria-sort") != null);

            browser.driver().navigate().refresh();
            assertEquals(List.of("DNS records deleted", "Cache cluster out of memory", "Something happened"), titles(browser),
                    "the order survives a reload");
            browser.driver().findElement(By.cssSelector("th[data-sort=date] button")).click();
            assertEquals(List.of("Cache cluster out of memory", "DNS records deleted", "Something happened"), titles(browser));
            assertTrue(browser.driver().getCurrentUrl().endsWith("archive.html"), "the default order needs no query");
            assertEquals(List.of(), browser.consoleProblems());
        }
    }

    @Test
    void filtersNarrowTheRowsAndKeepTheirStateInTheUrl() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(server.url("archive.html"));
            choose(browser, "cause", "config-change");
            assertEquals(List.of("DNS records deleted"), titles(browser));
            assertEquals("Showing 1 of 3 incidents.", browser.driver().findElement(By.id("archive-status")).getText());
            assertTrue(browser.driver().getCurrentUrl().endsWith("archive.html?cause=config-change"),
                    browser.driver().getCurrentUrl());
            assertFalse(browser.driver().findElement(By.cssSelector("tbody[data-year='2023']")).isDisplayed(),
                    "a year with nothing left goes too");

            browser.get(server.url("archive.html?year=2023"));
            assertEquals(List.of("Something happened"), titles(browser));
            assertEquals("2023", browser.script("return document.querySelector('select[name=year]').value;"));

            browser.get(server.url("archive.html?organisation=globex&cause=resource-leak"));
            assertEquals(List.of(), titles(browser));
            assertEquals("No incident matches these filters.", browser.driver().findElement(By.id("archive-status")).getText());
            browser.driver().findElement(By.cssSelector("button[type=reset]")).click();
            assertEquals(3, titles(browser).size(), "cleared");
            assertTrue(browser.driver().getCurrentUrl().endsWith("archive.html"), browser.driver().getCurrentUrl());

            browser.get(server.url("archive.html?cause=no-such-cause"));
            assertEquals(3, titles(browser).size(), "an unknown value filters nothing out");
            assertEquals(List.of(), browser.consoleProblems());
        }
    }

    @Test
    void aSortedViewOfALargeLibraryShowsItsRowsAPageAtATime() throws Exception {
        StringBuilder library = new StringBuilder();
        for (int i = 1; i <= 260; i++) {
            library.append("-- content/i").append(i).append(".md --\n---\ntitle: Incident ").append(i)
                    .append("\ndate: 2024-01-01\n---\nThe service was down for ").append(i).append(" minutes.\n");
        }
        Path root = java.nio.file.Files.createTempDirectory(tmp, "large");
        Path output = SiteFixture.write(root, library.toString()).bake().output();
        try (SiteServer large = SiteServer.serve(output, "/"); Browser browser = Browser.open(1280, 900)) {
            browser.get(large.url("archive.html?sort=duration&dir=desc"));
            List<String> shown = titles(browser);
            assertEquals(250, shown.size());
            assertEquals("i260.html", firstAndLastLinks(browser).getFirst(), "longest first");
            assertEquals("Showing the first 250 of 260 incidents.",
                    browser.driver().findElement(By.id("archive-status")).getText());
            WebElement more = browser.driver().findElement(By.cssSelector(".archive-more"));
            assertEquals("Show 10 more", more.getText());
            more.click();
            assertEquals(260, titles(browser).size());
            assertEquals("i1.html", firstAndLastLinks(browser).getLast());
            assertFalse(more.isDisplayed(), "nothing more to show");
            browser.driver().findElement(By.cssSelector("th[data-sort=date] button")).click();
            assertEquals(260, titles(browser).size(), "the page's own order shows every row again");
            assertEquals(List.of(), browser.consoleProblems());
        }
    }

    @Test
    void readsOnAPhoneAndAWideScreenInBothThemesWithoutAxeViolations() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(1280, 900)) {
            for (int width : new int[]{390, 1280}) {
                for (String scheme : new String[]{"light", "dark"}) {
                    browser.size(width, 900).colorScheme(scheme);
                    for (String page : List.of("archive.html", "archive.html?sort=title&dir=asc&cause=config-change",
                            "organisations/index.html", "incidents/2024-cache.html")) {
                        String where = page + " @" + width + "px " + scheme + ": ";
                        browser.get(server.url(page));
                        if (browser.scrollsHorizontally()) problems.add(where + "scrolls horizontally");
                        browser.consoleProblems().forEach(p -> problems.add(where + "console: " + p));
                        Axe.seriousViolations(browser).forEach(v -> problems.add(where + v));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Picks an option as a reader does: the select's value changes and it says so. */
    private static void choose(Browser browser, String filter, String value) {
        browser.script("const select = document.querySelector('select[name=' + arguments[0] + ']');"
                + " select.value = arguments[1]; select.dispatchEvent(new Event('change'));", filter, value);
    }

    /** The pages the first and the last shown row link to, by file name. */
    private static List<String> firstAndLastLinks(Browser browser) {
        List<String> files = new ArrayList<>();
        for (WebElement link : browser.driver().findElements(By.cssSelector("#incident-table .cell-title > a"))) {
            if (link.isDisplayed()) files.add(link.getDomAttribute("href").replaceAll(".*/", ""));
        }
        return List.of(files.getFirst(), files.getLast());
    }

    private static List<String> titles(Browser browser) {
        List<String> titles = new ArrayList<>();
        for (WebElement link : browser.driver().findElements(By.cssSelector("#incident-table .cell-title > a"))) {
            if (link.isDisplayed()) titles.add(link.getText());
        }
        return titles;
    }
}
