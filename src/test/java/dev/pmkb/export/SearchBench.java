package dev.pmkb.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pmkb.bench.LibraryGenerator;
import dev.pmkb.site.Bake;
import dev.pmkb.site.SiteConfig;
import dev.pmkb.testing.Browser;
import dev.pmkb.testing.SiteServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The search benchmark (docs/benchmarks.md, "Search"): bakes generated libraries of N postmortems and measures,
 * in headless Chromium, the bytes (gzip-compressed, as GitHub Pages serves them) and requests of a cold first
 * query and of a follow-up query, the export's size, and the time from submitting to results shown. Writes
 * {@code target/bench/search-N.json}. Run with {@code bench/search 1000 10000}; not part of the test suite.
 */
@EnabledIfSystemProperty(named = "pmkb.bench.search", matches = ".+")
class SearchBench {

    /** The fixed queries: each is a cold first query in a fresh page, then {@link #FOLLOW_UP}. */
    static final List<String> QUERIES = List.of("connection pool", "certificate expired", "dns resolution",
            "disk full", "memory leak", "\"rollback\" deploy");
    static final String FOLLOW_UP = "database timeout";

    @Test
    void run() throws Exception {
        for (String n : System.getProperty("pmkb.bench.search").split(",")) measure(Integer.parseInt(n.strip()));
    }

    static void measure(int n) throws Exception {
        Path work = Path.of("target/bench/search-library-" + n).toAbsolutePath();
        Path site = work.resolve("site");
        Path content = work.resolve("content");
        if (!Files.isRegularFile(LibraryGenerator.factsFile(content))) {
            if (Files.exists(content)) {
                try (Stream<Path> old = Files.walk(content)) {
                    for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
                }
            }
            LibraryGenerator.generate(n, 42, content); // the team's generator and seed, as bench/run uses
        }
        {
            long start = System.nanoTime();
            Bake.run(SiteConfig.load(work, new SiteConfig.Overrides(content, site, null, false)));
            System.out.printf("baked %d postmortems in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        }
        Map<String, Long> gzip = new HashMap<>();
        long raw = 0;
        long gz = 0;
        long indexGz = 0;
        long positionsGz = 0;
        long shardsGz = 0;
        long textsGz = 0; // whole texts for snippets and the newest-first order: loaded after results, or to browse
        int files = 0;
        try (Stream<Path> walk = Files.walk(site.resolve("search"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                long size = SearchExport.gzip(bytes).length;
                String rel = site.relativize(f).toString().replace('\\', '/');
                gzip.put(rel, size);
                raw += bytes.length;
                gz += size;
                files++;
                if (rel.startsWith("search/p/")) positionsGz += size;
                else if (rel.startsWith("search/r/")) shardsGz += size;
                else if (rel.startsWith("search/" + SearchExport.TEXTS + "/") || rel.equals("search/" + SearchExport.RECENT)) {
                    textsGz += size;
                }
                else indexGz += size;
            }
        }
        try (Stream<Path> walk = Files.walk(site.resolve("js/search"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                gzip.put(site.relativize(f).toString().replace('\\', '/'), (long) SearchExport.gzip(Files.readAllBytes(f)).length);
            }
        }

        List<ObjectNode> runs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (SiteServer server = SiteServer.serve(site, "/lib/"); Browser browser = Browser.open(1280, 900)) {
            String base = server.url("");
            for (String q : QUERIES) {
                ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.enable", Map.of());
                ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.get(base + "search.html");
                Map<?, ?> first = query(browser, q);
                List<String> firstUrls = resources(browser, base, 0);
                // snippets from whole texts load after the results show: counted apart, once they are in
                sleep(1500);
                List<String> lateUrls = resources(browser, base, firstUrls.size());
                firstUrls = new ArrayList<>(firstUrls);
                firstUrls.addAll(lateUrls.stream().filter(u -> !u.startsWith("search/" + SearchExport.TEXTS + "/")).toList());
                List<String> snippetUrls = lateUrls.stream().filter(u -> u.startsWith("search/" + SearchExport.TEXTS + "/")).toList();
                List<String> earlyTexts = firstUrls.stream().filter(u -> u.startsWith("search/" + SearchExport.TEXTS + "/")).toList();
                firstUrls.removeAll(earlyTexts);
                snippetUrls = new ArrayList<>(snippetUrls);
                snippetUrls.addAll(earlyTexts);
                int seen = firstUrls.size() + snippetUrls.size();
                Map<?, ?> second = query(browser, FOLLOW_UP);
                List<String> secondUrls = resources(browser, base, seen);
                ObjectNode r = json.createObjectNode();
                r.put("query", q);
                // the manifest that search.html carries inline is part of the first query's bytes, not a request
                long inline = browser.script("return document.getElementById('search-manifest') !== null;") == Boolean.TRUE
                        ? gzip.get("search/manifest.json") : 0;
                r.put("firstQueryBytes", bytes(gzip, firstUrls, "search/") + inline);
                r.put("inlineManifestBytes", inline);
                r.put("firstQueryRequests", firstUrls.stream().filter(u -> u.startsWith("search/")).count());
                r.put("snippetTextBytes", bytes(gzip, snippetUrls, "search/"));
                r.put("snippetTextRequests", snippetUrls.size());
                r.put("clientBytes", bytes(gzip, firstUrls, "js/search/"));
                r.put("clientRequests", firstUrls.stream().filter(u -> u.startsWith("js/search/")).count());
                r.put("followUpBytes", bytes(gzip, secondUrls, "search/"));
                r.put("followUpRequests", secondUrls.stream().filter(u -> u.startsWith("search/")).count());
                r.put("timeToResultsMs", ((Number) first.get("ms")).doubleValue());
                r.put("followUpMs", ((Number) second.get("ms")).doubleValue());
                r.put("results", ((Number) first.get("results")).intValue());
                r.putPOJO("files", firstUrls);
                runs.add(r);
                System.out.println(n + " " + r);
            }
        }
        ObjectNode out = json.createObjectNode();
        out.put("postmortems", n);
        out.put("firstQueryBytes", median(runs, "firstQueryBytes"));
        out.put("firstQueryBytesMax", max(runs, "firstQueryBytes"));
        out.put("firstQueryRequests", median(runs, "firstQueryRequests"));
        out.put("firstQueryRequestsMax", max(runs, "firstQueryRequests"));
        out.put("snippetTextBytes", median(runs, "snippetTextBytes"));
        out.put("snippetTextRequests", median(runs, "snippetTextRequests"));
        out.put("clientBytes", median(runs, "clientBytes"));
        out.put("followUpBytes", median(runs, "followUpBytes"));
        out.put("followUpRequests", median(runs, "followUpRequests"));
        out.put("indexBytes", raw);
        out.put("indexBytesGzip", indexGz);
        out.put("positionsBytesGzip", positionsGz);
        out.put("resultShardsBytesGzip", shardsGz);
        out.put("wholeTextsBytesGzip", textsGz);
        out.put("allBytesGzip", gz);
        out.put("files", files);
        out.put("timeToResultsMs", median(runs, "timeToResultsMs"));
        out.put("followUpMs", median(runs, "followUpMs"));
        out.putPOJO("queries", runs);
        Files.createDirectories(Path.of("target/bench"));
        Path file = Path.of("target/bench/search-" + n + ".json");
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.out.println("wrote " + file + ": " + json.writeValueAsString(out.deepCopy().without("queries")));
    }

    /** Submits a query and waits for its results; {ms: submit → results in the DOM, results: count}. */
    static Map<?, ?> query(Browser browser, String q) {
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [q, done] = arguments;
                const wait = () => document.getElementById('search-app')?.dataset.state === 'ready' ? go() : setTimeout(wait, 20);
                function go() {
                  const input = document.getElementById('search-input');
                  const status = document.getElementById('search-status');
                  const t0 = performance.now();
                  const check = () => {
                    if (status.textContent.includes('“' + q.replace(/"/g, '') ) || status.textContent.includes(q)) {
                      done({ms: performance.now() - t0, results: document.querySelectorAll('#search-results > li').length});
                    } else requestAnimationFrame(check);
                  };
                  input.value = q;
                  document.getElementById('search-form').requestSubmit();
                  check();
                }
                wait();
                """, q);
        return (Map<?, ?>) result;
    }

    /** Site-relative URLs of the resources loaded since entry {@code from} (Resource Timing API). */
    @SuppressWarnings("unchecked")
    static List<String> resources(Browser browser, String base, int from) {
        List<Object> urls = (List<Object>) browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        List<String> out = new ArrayList<>();
        for (Object u : urls.subList(from, urls.size())) {
            String url = URI.create(u.toString()).getPath();
            String prefix = URI.create(base).getPath();
            out.add(url.startsWith(prefix) ? url.substring(prefix.length()) : url);
        }
        return out;
    }

    static long bytes(Map<String, Long> gzip, List<String> urls, String prefix) {
        return urls.stream().filter(u -> u.startsWith(prefix)).mapToLong(u -> gzip.getOrDefault(u, 0L)).sum();
    }

    static double median(List<ObjectNode> runs, String field) {
        double[] v = runs.stream().mapToDouble(r -> r.get(field).asDouble()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double max(List<ObjectNode> runs, String field) {
        return runs.stream().mapToDouble(r -> r.get(field).asDouble()).max().orElse(0);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
