package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.testing.Axe;
import dev.pmkb.testing.Browser;
import dev.pmkb.testing.Shared;
import dev.pmkb.testing.SiteServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The search page in headless Chromium over HTTP: typing, facets, following a result and coming back, typo
 * fallback, keyboard, hostile input, accessibility; and nothing in the console on the way.
 */
class SearchInBrowserTest {

    private static SiteServer server;
    private static String base;
    private Browser browser;
    private final List<String> console = new ArrayList<>();

    @BeforeAll
    static void serve() {
        server = SiteServer.serve(Shared.exampleSite().output(), "/repo/");
        base = server.url("");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        browser = Browser.open(1280, 900);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            console.addAll(browser.consoleProblems());
            browser.close();
        }
        assertEquals(List.of(), console, "console problems");
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private static <T> T await(String what, Supplier<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = condition.get();
                if (value != null && !Boolean.FALSE.equals(value)) return value;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }

    private List<String> resultHrefs() {
        return driver().findElements(By.cssSelector("#search-results li a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
    }

    /** Searcher's top 10 URLs for a query. */
    private static List<String> searcher(String query, boolean prefix) {
        try (dev.pmkb.index.Searcher searcher = dev.pmkb.index.Searcher.open(
                dev.pmkb.index.SearchIndex.besideSite(Shared.exampleSite().output()))) {
            return searcher.search(new dev.pmkb.index.SearchRequest(query, List.of(), 10, prefix)).stream()
                    .map(dev.pmkb.index.Hit::url).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String status() {
        return driver().findElement(By.id("search-status")).getText();
    }

    private void waitForStatus(String contains) {
        await("status containing " + contains, () -> status().contains(contains));
    }

    @Test
    void typeFilterFollowAndComeBack() {
        browser.get(base + "index.html");
        new org.openqa.selenium.interactions.Actions(driver()).sendKeys("/").perform();
        WebElement headerBox = driver().switchTo().activeElement();
        assertEquals("site-search-input", headerBox.getDomAttribute("id"), "'/' focuses the header search box");
        headerBox.sendKeys("pool", Keys.ENTER);
        await("search page", () -> driver().getCurrentUrl().contains("search.html?q=pool"));
        await("results for pool", () -> !resultHrefs().isEmpty());

        WebElement input = driver().findElement(By.id("search-input"));
        assertEquals("pool", input.getDomProperty("value"));
        input.clear();
        input.sendKeys("connection po"); // as you type: the last word is a prefix
        waitForStatus("“connection po”");
        assertEquals(searcher("connection po", true), resultHrefs(), "the same ranking as Searcher (prefixLastTerm)");
        assertTrue(driver().getCurrentUrl().contains("q=connection+po"), driver().getCurrentUrl());
        assertFalse(driver().findElements(By.cssSelector("#search-results mark")).isEmpty(), "highlighted words");

        WebElement facet = await("cause facet", () -> driver().findElement(
                By.cssSelector("#search-facets input[name=cause][value=connection-pool-exhaustion]")));
        String facetLabel = driver().findElement(By.cssSelector("label[for=" + facet.getDomAttribute("id") + "]")).getText();
        assertTrue(facetLabel.startsWith("Connection pool exhaustion ("), "the taxonomy's name, not the slug: " + facetLabel);
        facet.click();
        await("filtered URL", () -> driver().getCurrentUrl().contains("cause=connection-pool-exhaustion"));
        waitForStatus("with Connection pool exhaustion");
        List<String> filtered = resultHrefs();
        assertEquals(facetLabel.replaceAll(".*\\((\\d+)\\)", "$1"), String.valueOf(filtered.size()),
                "the facet's count is the number of results it leaves");
        for (WebElement item : driver().findElements(By.cssSelector("#search-results > li"))) {
            assertTrue(item.getText().contains("Connection pool exhaustion"), item.getText());
        }

        driver().findElements(By.cssSelector("#search-results li a")).getFirst().click();
        await("incident page", () -> driver().getCurrentUrl().contains("incidents/"));
        driver().navigate().back();
        await("back on the search page", () -> driver().getCurrentUrl().contains("search.html"));
        await("results restored", () -> resultHrefs().equals(filtered));
        assertEquals("connection po", driver().findElement(By.id("search-input")).getDomProperty("value"));
        assertTrue(driver().findElement(By.cssSelector("input[value=connection-pool-exhaustion]")).isSelected());

        driver().navigate().back(); // before the facet
        await("unfiltered", () -> !driver().getCurrentUrl().contains("cause="));
        await("unfiltered results", () -> resultHrefs().size() > filtered.size());
    }

    @Test
    void keyboardTyposAndNoResults() throws IOException {
        browser.get(base + "search.html");
        WebElement input = driver().findElement(By.id("search-input"));
        input.sendKeys("conection pool ");
        await("typo notice", () -> driver().findElement(By.id("search-notice")).getText()
                .contains("Showing results for connection pool"));
        assertEquals(searcher("connection pool ", true), resultHrefs());
        assertEquals("incidents/2024-checkout-pool-exhaustion.html", resultHrefs().getFirst());

        input.sendKeys(Keys.ARROW_DOWN);
        List<String> hrefs = resultHrefs();
        assertEquals(hrefs.get(0), driver().switchTo().activeElement().getDomAttribute("href"));
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals(hrefs.get(1), driver().switchTo().activeElement().getDomAttribute("href"));
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertEquals("search-input", driver().switchTo().activeElement().getDomAttribute("id"));
        input.sendKeys(Keys.ARROW_DOWN);
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        await("followed with Enter", () -> driver().getCurrentUrl().endsWith(hrefs.get(0)));

        // the words as typed, on request
        browser.get(base + "search.html?q=conection+pool");
        await("typo notice", () -> driver().findElement(By.id("search-notice")).getText()
                .contains("Search instead for conection pool"));
        driver().findElement(By.cssSelector("#search-notice a")).click();
        await("as typed", () -> driver().getCurrentUrl().contains("typed=1"));
        waitForStatus("No incidents match “conection pool”");
        assertTrue(driver().findElement(By.id("search-notice")).getText().isEmpty());
        driver().navigate().back();
        await("corrected again", () -> !resultHrefs().isEmpty());

        browser.get(base + "search.html?q=zzzqqqxxx&cause=dns");
        waitForStatus("No incidents match");
        String empty = driver().findElement(By.className("search-empty")).getText();
        assertTrue(empty.contains("Remove all filters") && empty.contains("spelling"), empty);
        String page = driver().findElement(By.id("search-app")).getText();
        assertEquals(page.indexOf("No incidents match"), page.lastIndexOf("No incidents match"), "said once: " + page);
        assertEquals(1L, browser.script("return document.querySelectorAll('#search-main .search-empty').length;"),
                "where the results go, not in the filter column");
        assertEquals(List.of(), Axe.seriousViolations(browser));
        driver().findElement(By.cssSelector(".search-empty button")).click();
        await("filters removed", () -> !driver().getCurrentUrl().contains("cause="));
    }

    @Test
    void snippetsShowThePassageThatMatchesWithTheWordsMarked() {
        browser.get(base + "search.html?q=connection+pool");
        await("results", () -> !resultHrefs().isEmpty());
        // every snippet shows the query's words: from the result shard, or from the whole text loaded after
        await("every snippet marked", () -> driver().findElements(By.cssSelector("#search-results .search-snippet"))
                .stream().allMatch(p -> !p.findElements(By.tagName("mark")).isEmpty()));
        List<WebElement> snippets = driver().findElements(By.cssSelector("#search-results .search-snippet"));
        assertEquals(resultHrefs().size(), snippets.size());
        for (WebElement snippet : snippets) {
            assertFalse(snippet.getText().matches("(?is)^(…\\s*)?(duration|start time|impact)\\s*:.*"),
                    "a facts header as a snippet: " + snippet.getText());
            for (WebElement mark : snippet.findElements(By.tagName("mark"))) {
                assertTrue(mark.getText().toLowerCase().matches("connection.*|pool.*"), "marked: " + mark.getText());
            }
        }
        // the cause the query names is set apart on every result that has it, and no other cause is
        for (WebElement chip : driver().findElements(By.cssSelector("#search-results .chip-cause"))) {
            assertEquals(chip.getText().equals("Connection pool exhaustion"),
                    chip.getDomAttribute("class").contains("chip-matched"), chip.getText());
        }
        // stems: "connections" is marked for "connection"
        assertTrue(driver().findElements(By.cssSelector("#search-results mark")).stream()
                .anyMatch(m -> m.getText().equalsIgnoreCase("connections")), "a stem of a query word is marked");
    }

    @Test
    void aFilterWithoutWordsListsItsIncidentsNewestFirst() throws IOException {
        browser.get(base + "search.html?cause=certificate-expiry");
        await("browsed results", () -> !resultHrefs().isEmpty());
        waitForStatus("with Certificate expiry");
        assertEquals(List.of("incidents/2024-kafka-mtls-cert-expiry.html", "incidents/2022-api-cert-expiry.html"),
                resultHrefs(), "the incidents of the cause, newest first");
        List<String> dates = driver().findElements(By.cssSelector("#search-results time")).stream()
                .map(t -> t.getDomAttribute("datetime")).toList();
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
        assertEquals(0, driver().findElements(By.cssSelector("#search-results mark")).size(), "nothing to mark");
        assertTrue(driver().findElement(By.cssSelector("#search-facets input[value=certificate-expiry]")).isSelected());

        // a second filter narrows the list; removing the cause lists every incident of the year
        driver().findElement(By.cssSelector("#search-facets input[name=year][value='2024']")).click();
        await("narrowed", () -> resultHrefs().equals(List.of("incidents/2024-kafka-mtls-cert-expiry.html")));
        driver().findElement(By.cssSelector("#search-facets input[value=certificate-expiry]")).click();
        await("the year's incidents", () -> resultHrefs().size() > 1 && !driver().getCurrentUrl().contains("cause="));
        for (WebElement time : driver().findElements(By.cssSelector("#search-results time"))) {
            assertTrue(time.getDomAttribute("datetime").startsWith("2024"), time.getDomAttribute("datetime"));
        }
        assertEquals("", driver().findElement(By.id("search-input")).getDomProperty("value"));
        assertEquals(List.of(), Axe.seriousViolations(browser));

        // the impact facet is "impact" in URLs, as the manifest names it (the index calls it impactCategory)
        browser.get(base + "search.html?impact=full-outage");
        await("browsed by impact", () -> !resultHrefs().isEmpty());
        assertTrue(driver().findElement(By.cssSelector("#search-facets input[value=full-outage]")).isSelected());
        WebElement year = driver().findElement(By.cssSelector("#search-facets input[name=year]"));
        String yearValue = year.getDomAttribute("value");
        year.click();
        await("the year added to the URL", () -> driver().getCurrentUrl().contains("impact=full-outage")
                && driver().getCurrentUrl().contains("year=" + yearValue));
    }

    @Test
    void partialMatchesFollowUnderTheirHeadingWithTheMissingWordsAsTyped() {
        // the page shows partial matches when the core's site search (search.js find) gives them
        org.junit.jupiter.api.Assumptions.assumeTrue(Shared.exampleSite().read("js/search/core/search.js")
                .contains("export async function find("), "the core has no partial matches yet");
        browser.get(base + "search.html?q=kafka+certificate+expired+renewal");
        await("partial matches", () -> driver().findElement(By.id("search-partial")).isDisplayed());
        assertEquals(List.of("incidents/2024-kafka-mtls-cert-expiry.html"), driver()
                .findElements(By.cssSelector("#search-results > li a.search-result-title")).stream()
                .map(a -> a.getDomAttribute("href")).toList(), "every word: above the heading");
        assertEquals("Matching some of your words", driver().findElement(By.id("search-partial-heading")).getText());
        List<String> missing = driver().findElements(By.cssSelector("#search-partial .search-missing")).stream()
                .map(WebElement::getText).toList();
        assertFalse(missing.isEmpty());
        assertTrue(missing.contains("Missing: kafka"), missing.toString());
        assertTrue(missing.stream().anyMatch(m -> m.contains("certificate"))
                && missing.stream().noneMatch(m -> m.matches(".*\\b(certif|renew)\\b.*")),
                "the words as typed, not their stems: " + missing);
        assertTrue(status().contains("1 incident matches"), status());
    }

    @Test
    void hostileInputIsText() {
        for (String hostile : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>")) {
            browser.get(base + "search.html?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            await("status for " + hostile, () -> !status().isEmpty());
            assertEquals(hostile, driver().findElement(By.id("search-input")).getDomProperty("value"));
            assertTrue(status().contains(hostile.strip()) || driver().findElement(By.id("search-notice")).getText()
                    .contains(hostile), status());
            assertEquals(0L, browser.script("return document.querySelectorAll('#search-app img, #search-app script').length;"));
            assertAlertFree();
        }
        browser.get(base + "search.html?q=stored+xss+status+page");
        await("hostile incident found", () -> resultHrefs().contains("incidents/2025-hostile-input-test.html"));
        WebElement title = driver().findElement(By.cssSelector("#search-results a[href$='hostile-input-test.html']"));
        // The header's title is taken as written: its markup is text, never HTML.
        assertEquals("Stored XSS in the <b>status page</b> incident notes", title.getText());
        assertEquals(0L, browser.script("return document.querySelectorAll('#search-results b, #search-results img, #search-results script').length;"));
        assertAlertFree();
    }

    private void assertAlertFree() {
        try {
            driver().switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // inert
        }
    }

    @Test
    void accessibleWithResultsShown() throws IOException {
        for (int width : new int[]{390, 1280}) {
            browser.size(width, 900);
            browser.get(base + "search.html?q=database");
            await("results", () -> !resultHrefs().isEmpty());
            // the manifest came inline with the page: only term chunks and result shards were fetched
            assertEquals(0L, browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.endsWith('/search/manifest.json')).length;"));
            assertTrue((Long) browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/search/t/')).length;") > 0);
            assertEquals("polite", driver().findElement(By.id("search-status")).getDomAttribute("aria-live"));
            assertEquals(List.of(), Axe.seriousViolations(browser));
            assertFalse(browser.scrollsHorizontally(), "scrolls at " + width);
        }
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksToBrowsing() {
        String html = Shared.exampleSite().read("search.html");
        assertTrue(html.contains("Search needs JavaScript"), html);
        assertTrue(html.contains("href=\"causes/index.html\"") && html.contains("href=\"archive.html\""));
        assertFalse(html.contains("<script>") || html.matches("(?s).*\\son[a-z]+=.*"), "no inline scripts or handlers");
        String policy = org.jsoup.Jsoup.parse(html).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(policy.contains("script-src 'self';"), policy);
    }
}
