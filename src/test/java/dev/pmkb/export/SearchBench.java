package dev.pmkb.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.pmkb.site.Bake;
import dev.pmkb.site.SiteConfig;
import dev.pmkb.testing.Browser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        if (!Files.isDirectory(content)) LibraryText.write(content, n, 42);
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
                else indexGz += size;
            }
        }
        try (Stream<Path> walk = Files.walk(site.resolve("js/search"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                gzip.put(site.relativize(f).toString().replace('\\', '/'), (long) SearchExport.gzip(Files.readAllBytes(f)).length);
            }
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lib/", SimpleFileServer.createFileHandler(site));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/lib/";
        List<ObjectNode> runs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Browser browser = Browser.open(1280, 900)) {
            for (String q : QUERIES) {
                ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.enable", Map.of());
                ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.get(base + "search.html");
                Map<?, ?> first = query(browser, q);
                List<String> firstUrls = resources(browser, base, 0);
                Map<?, ?> second = query(browser, FOLLOW_UP);
                List<String> secondUrls = resources(browser, base, firstUrls.size());
                ObjectNode r = json.createObjectNode();
                r.put("query", q);
                r.put("firstQueryBytes", bytes(gzip, firstUrls, "search/"));
                r.put("firstQueryRequests", firstUrls.stream().filter(u -> u.startsWith("search/")).count());
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
        } finally {
            server.stop(0);
        }
        ObjectNode out = json.createObjectNode();
        out.put("postmortems", n);
        out.put("firstQueryBytes", median(runs, "firstQueryBytes"));
        out.put("firstQueryBytesMax", max(runs, "firstQueryBytes"));
        out.put("firstQueryRequests", median(runs, "firstQueryRequests"));
        out.put("firstQueryRequestsMax", max(runs, "firstQueryRequests"));
        out.put("clientBytes", median(runs, "clientBytes"));
        out.put("followUpBytes", median(runs, "followUpBytes"));
        out.put("followUpRequests", median(runs, "followUpRequests"));
        out.put("indexBytes", raw);
        out.put("indexBytesGzip", indexGz);
        out.put("positionsBytesGzip", positionsGz);
        out.put("resultShardsBytesGzip", shardsGz);
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

    /**
     * Generated postmortems with a realistic shape: the sections pmkb reads, a cause drawn from 14 kinds with their
     * usual words, components, and a long tail of words (pseudo-words drawn with a Zipf distribution, plus host
     * names, versions and ticket numbers) so that the dictionary grows with the library as a real one does.
     */
    static final class LibraryText {
        static final String[][] CAUSES = {
                {"connection pool exhaustion", "connection pool", "max connections", "pool size", "connections held"},
                {"certificate expiry", "certificate expired", "TLS handshake", "renewal job", "expiry alert"},
                {"DNS", "DNS resolution", "resolver timeout", "ndots", "stale records"},
                {"disk full", "disk full", "WAL files", "log rotation", "volume capacity"},
                {"memory leak", "memory leak", "heap growth", "OOM killer", "garbage collection"},
                {"bad deploy", "rollback", "release", "feature flag", "canary"},
                {"config change", "configuration change", "typo in config", "load balancer config", "rate limit"},
                {"dependency", "third-party API", "payment provider", "upstream outage", "vendor status page"},
                {"network", "packet loss", "BGP route", "latency spike", "cross-zone traffic"},
                {"capacity", "traffic spike", "autoscaling", "CPU saturation", "queue backlog"},
                {"inefficient query", "missing index", "full table scan", "slow query", "query plan"},
                {"time", "clock skew", "NTP", "leap second", "timezone"},
                {"human error", "wrong path", "manual step", "runbook", "deleted data"},
                {"security", "leaked key", "credential rotation", "access token", "audit log"},
        };
        static final String[] COMPONENTS = {"checkout", "payments", "search", "auth", "sso", "api gateway", "postgres",
                "mysql", "redis", "kafka", "kubernetes", "coredns", "haproxy", "nginx", "cdn", "s3", "billing", "email",
                "notifications", "mobile app", "web app", "ledger", "inventory", "orders", "reporting", "scheduler"};
        static final String[] GLUE = ("the a of to and in was were for on with by at from after before during while "
                + "we our team service users requests errors engineers alert dashboard on-call incident traffic "
                + "database cluster node pod timeout latency retry queue deploy release customers minutes hours "
                + "increased failed returned started noticed investigated restored mitigated confirmed caused").split(" ");

        static void write(Path content, int n, long seed) throws IOException {
            Random random = new Random(seed);
            String[] syllables = "ka lo mi ne tu ra si po de va zo ri fe gu ba te no li ma su".split(" ");
            List<String> tail = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                StringBuilder w = new StringBuilder();
                for (int s = 0, len = 2 + random.nextInt(3); s < len; s++) w.append(syllables[random.nextInt(syllables.length)]);
                tail.add(w.toString());
            }
            Files.createDirectories(content);
            for (int i = 0; i < n; i++) {
                String[] cause = CAUSES[random.nextInt(CAUSES.length)];
                String component = COMPONENTS[random.nextInt(COMPONENTS.length)];
                int year = 2015 + random.nextInt(11);
                String date = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                StringBuilder md = new StringBuilder();
                md.append("# ").append(capitalize(component)).append(' ').append(cause[1 + random.nextInt(4)])
                        .append(" incident ").append(i).append("\n\n");
                md.append("## Summary\n\n**Date:** ").append(date).append("\n\n")
                        .append(paragraph(random, cause, component, tail, 60)).append("\n\n");
                md.append("## Impact\n\n").append(random.nextInt(90) + 1).append("% of users saw errors for ")
                        .append(5 + random.nextInt(200)).append(" minutes. ").append(paragraph(random, cause, component, tail, 30)).append("\n\n");
                md.append("## Root cause\n\n").append(paragraph(random, cause, component, tail, 90)).append("\n\n");
                md.append("## Resolution\n\n").append(paragraph(random, cause, component, tail, 50)).append("\n\n");
                md.append("## Timeline\n\n");
                for (int t = 0, h = 8 + random.nextInt(10); t < 5; t++) {
                    md.append("- ").append(String.format("%02d:%02d", h + t, random.nextInt(60))).append(" UTC — ")
                            .append(paragraph(random, cause, component, tail, 12)).append('\n');
                }
                md.append("\n## Action items\n\n");
                for (int a = 0; a < 3; a++) md.append("- ").append(paragraph(random, cause, component, tail, 10)).append('\n');
                Files.writeString(content.resolve(String.format("%05d-%s.md", i, component.replace(' ', '-'))),
                        md.toString(), StandardCharsets.UTF_8);
            }
        }

        static String paragraph(Random random, String[] cause, String component, List<String> tail, int words) {
            StringBuilder out = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) out.append(' ');
                int kind = random.nextInt(20);
                if (kind < 11) out.append(GLUE[random.nextInt(GLUE.length)]);
                else if (kind < 14) out.append(cause[1 + random.nextInt(4)]);
                else if (kind < 15) out.append(component);
                else if (kind < 16) out.append(switch (random.nextInt(3)) {
                    case 0 -> component.replace(' ', '-') + "-" + random.nextInt(400);
                    case 1 -> "v" + random.nextInt(9) + "." + random.nextInt(40) + "." + random.nextInt(20);
                    default -> "INC-" + (1000 + random.nextInt(90000));
                });
                else out.append(tail.get(zipf(random, tail.size())));
            }
            return capitalize(out.toString()) + ".";
        }

        /** A rank in [0, size) with probability about 1 / (rank + 1). */
        static int zipf(Random random, int size) {
            return (int) Math.min(size - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(size + 1)) - 1));
        }

        static String capitalize(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
