package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.index.Hit;
import dev.pmkb.index.QueryException;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.index.SearchRequest;
import dev.pmkb.index.Searcher;
import dev.pmkb.testing.Node;
import dev.pmkb.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser client (run in Node over the exported files) ranks exactly like {@link Searcher}: for each of ≥ 200
 * queries per library (single words, word pairs, quoted phrases, unfinished words, cause filters, hand-written
 * ones), the same top 10 in the same order with bit-identical float32 scores, or the same error message.
 */
class SearchParityTest {

    static final Path RUNNER = Path.of("src/test/js/search-runner.mjs");
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void nodeIsThere() {
        boolean ok;
        try {
            ok = new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "node is not on PATH");
    }

    record Request(String q, boolean prefix, List<String> causes) {
        String json() {
            try {
                return JSON.writeValueAsString(Map.of("q", q, "prefix", prefix, "causes", causes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void exampleLibrary() throws Exception {
        Path site = Shared.exampleSite().output();
        assertParity(site, texts(Shared.exampleLibrary().resolve("content")), 11);
    }

    /** Typo fallback: a word missing from the dictionary becomes the closest body term, written as a word. */
    @Test
    void typosAreCorrectedToDictionaryWords() throws Exception {
        Path site = Shared.exampleSite().output();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("conection pool", "connection pool");
        cases.put("Conection pool", "Connection pool");
        cases.put("certifcate expiry", "certificate expiry");
        cases.put("memroy leak", "memory leak");
        cases.put("kafak", "kafka");
        cases.put("\"conection pool\"", "\"connection pool\"");
        cases.put("connection pool", null); // nothing to correct
        cases.put("zzzqqqxxx", null); // nothing close enough
        // a typo that sorts into the chunk before the word's own: the first term of the second chunk, its last
        // letter made one smaller
        JsonNode manifest = JSON.readTree(site.resolve("search/manifest.json").toFile());
        assertTrue(manifest.get("termChunks").size() > 1, "the example library has more than one term chunk");
        // (when a chunk starts with a body word: a tags-only term such as "ntpd" has no typo to correct to it)
        String boundary = null;
        for (int c = 1; c < manifest.get("termChunks").size() && boundary == null; c++) {
            String first = manifest.get("termChunks").get(c).asText();
            try (Searcher s = Searcher.open(SearchIndex.besideSite(site))) {
                if (first.matches("[a-z]{6,}") && s.search(SearchRequest.of(first)).size() > 0) boundary = first;
            }
        }
        String typo = boundary == null ? "zzzqqqxxy"
                : boundary.substring(0, boundary.length() - 1) + (char) (boundary.charAt(boundary.length() - 1) - 1);
        cases.put(typo, null); // checked below: corrected to a word whose term is the boundary term
        List<String> requests = new ArrayList<>();
        for (String q : cases.keySet()) requests.add(JSON.writeValueAsString(Map.of("q", q, "correct", true)));
        List<String> lines = runNode(site, requests);
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            JsonNode corrected = JSON.readTree(lines.get(i++)).get("corrected");
            if (c.getKey().equals(typo) && boundary != null) {
                assertTrue(!corrected.isNull(), typo + " is corrected");
                assertEquals(List.of(boundary), dev.pmkb.index.Analysis.terms(new dev.pmkb.index.PmkbAnalyzer(),
                        corrected.asText()), typo + " → " + corrected.asText());
                continue;
            }
            assertEquals(c.getValue(), corrected.isNull() ? null : corrected.asText(), c.getKey());
        }
        try (Searcher searcher = Searcher.open(SearchIndex.besideSite(site))) {
            assertEquals(List.of(), searcher.search(SearchRequest.of("conection pool")));
            assertEquals("2024/checkout-pool-exhaustion", searcher.search(SearchRequest.of("connection pool")).getFirst().id());
        }
    }

    /**
     * The site's search (typo fallback, synonyms, partial matches, every filter) gives the same top 10 in Java's
     * {@code Searcher.find} and in the browser's {@code find}: same documents, order, scores, partial flags and
     * missing words, same correction.
     */
    @Test
    void siteSearchIsTheSameOnBothSides() throws Exception {
        Path site = Shared.corpusSite().output();
        List<String> queries = List.of("bad deployment", "a release broke the site", "human error",
                "database ran out of connections", "postgres", "postgresql", "k8s", "db", "coredns", "disk full",
                "no space left on the disk", "conection pol", "certifcate expird", "third party provider outage",
                "no alert fired", "cascading failure", "security breach", "zzzqqqxxx connection", "connection pool",
                "deploy", "release", "\"connection pool\" exhausted", "ran out of connections", "human eror");
        List<String> lines = new ArrayList<>();
        List<SearchRequest> requests = new ArrayList<>();
        List<String> causes = causes(site);
        for (String q : queries) {
            for (boolean prefix : List.of(false, true)) {
                requests.add(new SearchRequest(q, List.of(), 10, prefix));
                lines.add(JSON.writeValueAsString(Map.of("q", q, "prefix", prefix, "site", true)));
            }
        }
        requests.add(new SearchRequest("outage", List.of(), List.of("full-outage"), List.of(), List.of("2023"), 10, false));
        lines.add(JSON.writeValueAsString(Map.of("q", "outage", "site", true, "impact", List.of("full-outage"),
                "year", List.of("2023"))));
        requests.add(new SearchRequest("server", List.of(causes.getFirst()), List.of(), List.of("Database"), List.of(), 10, true));
        lines.add(JSON.writeValueAsString(Map.of("q", "server", "prefix", true, "site", true,
                "causes", List.of(causes.getFirst()), "component", List.of("Database"))));
        int[] counts = assertSiteParity(site, requests, lines);
        assertTrue(counts[0] >= 5 && counts[1] >= 3, "the queries exercise partial matches and corrections");
    }

    /** Runs each request through Searcher.find and the browser's find; returns {with partial hits, corrected}. */
    static int[] assertSiteParity(Path site, List<SearchRequest> requests, List<String> lines) throws Exception {
        List<String> out = runNode(site, lines);
        List<String> chunks = SearchExport.termChunks(site);
        List<String> failures = new ArrayList<>();
        int partial = 0;
        int corrected = 0;
        try (Searcher searcher = Searcher.open(SearchIndex.besideSite(site))) {
            for (int i = 0; i < requests.size(); i++) {
                JsonNode js = JSON.readTree(out.get(i));
                String actual;
                String expected;
                try {
                    dev.pmkb.index.SearchResult r = searcher.find(requests.get(i), chunks);
                    expected = r.corrected() + " " + r.total() + " " + r.partialTotal() + " " + r.hits().stream()
                            .map(h -> h.url() + " " + Float.floatToIntBits(h.score()) + (h.partial() ? " partial" + h.missing() : ""))
                            .toList();
                    if (r.partialTotal() > 0) partial++;
                    if (r.corrected() != null) corrected++;
                } catch (QueryException e) {
                    expected = "error: " + e.getMessage();
                }
                if (js.has("error")) {
                    actual = "error: " + js.get("error").asText();
                } else {
                    List<String> hits = new ArrayList<>();
                    for (JsonNode h : js.get("hits")) {
                        List<String> missing = new ArrayList<>();
                        h.get("missing").forEach(m -> missing.add(m.asText()));
                        hits.add(h.get("url").asText() + " " + Float.floatToIntBits((float) h.get("score").asDouble())
                                + (h.get("partial").asBoolean() ? " partial" + missing : ""));
                    }
                    actual = (js.get("corrected").isNull() ? null : js.get("corrected").asText()) + " "
                            + js.get("total").asInt() + " " + js.get("partialTotal").asInt() + " " + hits;
                }
                if (!expected.equals(actual)) failures.add(requests.get(i) + "\n  java: " + expected + "\n  js:   " + actual);
            }
        }
        System.out.printf("site search parity %s: %d requests, %d with partial matches, %d corrected, %d differ%n",
                site, requests.size(), partial, corrected, failures.size());
        assertEquals(List.of(), failures);
        return new int[]{partial, corrected};
    }

    @Test
    void sharedCorpus() throws Exception {
        Path site = Shared.corpusSite().output();
        SearchExportTest.assertRoundTrip(SearchIndex.besideSite(site), site.resolve(SearchExport.DIRECTORY));
        assertParity(site, texts(Shared.sharedFolder("corpus/alx")), 23);
    }

    static void assertParity(Path site, List<String> texts, long seed) throws Exception {
        List<Request> requests = queries(site, texts, seed);
        assertTrue(requests.size() >= 200, "only " + requests.size() + " queries");
        List<String> lines = runNode(site, requests.stream().map(Request::json).toList());
        assertEquals(requests.size(), lines.size());
        List<String> failures = new ArrayList<>();
        int withHits = 0;
        try (Searcher searcher = Searcher.open(SearchIndex.besideSite(site))) {
            for (int i = 0; i < requests.size(); i++) {
                Request r = requests.get(i);
                JsonNode js = JSON.readTree(lines.get(i));
                SearchRequest request = new SearchRequest(r.q(), r.causes(), 10, r.prefix());
                String expected;
                try {
                    List<Hit> hits = searcher.search(request);
                    if (!hits.isEmpty()) withHits++;
                    expected = hits.stream().map(h -> h.url() + " " + Float.floatToIntBits(h.score())).toList().toString();
                } catch (QueryException e) {
                    expected = "error: " + e.getMessage();
                }
                String actual;
                if (js.has("error")) {
                    actual = "error: " + js.get("error").asText();
                } else {
                    List<String> hits = new ArrayList<>();
                    for (JsonNode h : js.get("hits")) {
                        hits.add(h.get("url").asText() + " " + Float.floatToIntBits((float) h.get("score").asDouble()));
                    }
                    actual = hits.toString();
                }
                if (!expected.equals(actual)) failures.add(r + "\n  java: " + expected + "\n  js:   " + actual);
            }
        }
        System.out.printf("search parity %s: %d queries (%d with hits), %d differ%n", site, requests.size(), withHits,
                failures.size());
        assertTrue(withHits >= requests.size() / 2, "too few queries have hits: " + withHits);
        assertEquals(List.of(), failures);
        // the same requests through the site's search: correction, synonyms and partial matches on both sides
        List<SearchRequest> site2 = new ArrayList<>();
        List<String> siteLines = new ArrayList<>();
        for (Request r : requests) {
            site2.add(new SearchRequest(r.q(), r.causes(), 10, r.prefix()));
            siteLines.add(JSON.writeValueAsString(Map.of("q", r.q(), "prefix", r.prefix(), "causes", r.causes(), "site", true)));
        }
        assertSiteParity(site, site2, siteLines);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

    static List<String> texts(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            List<Path> md = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            List<String> out = new ArrayList<>();
            for (Path f : md) out.add(Files.readString(f));
            return out;
        }
    }

    /** Deterministic queries from the library's own words, plus hand-written ones. */
    static List<Request> queries(Path site, List<String> texts, long seed) throws IOException {
        Random random = new Random(seed);
        List<List<String>> lines = new ArrayList<>();
        TreeSet<String> vocabulary = new TreeSet<>();
        for (String text : texts) {
            for (String line : text.split("\n")) {
                List<String> words = new ArrayList<>();
                Matcher m = WORD.matcher(line);
                while (m.find()) words.add(m.group());
                if (words.size() >= 3) lines.add(words);
                for (String w : words) if (w.length() >= 3) vocabulary.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<String> words = new ArrayList<>(vocabulary);
        Set<Request> out = new LinkedHashSet<>();
        List<String> causes = causes(site);
        for (String q : List.of("connection pool", "\"connection pool\"", "certificate expired", "dns", "disk full",
                "database", "timeout", "deploy rollback", "\"root cause\"", "memory leak", "retry storm", "kafka",
                "\"pool of 20\"", "the outage", "outage of the database", "5xx", "IPv6", "e-mail", "pool pool",
                "\"max connections\" database", "café", "!!!", "the of and", "", "conection pool")) {
            out.add(new Request(q, false, List.of()));
        }
        for (String q : List.of("connectio", "certi", "c", "co", "dn", "data", "connection po", "memory l", "the",
                "\"connection pool\" ti", "expir", "deploy ")) {
            out.add(new Request(q, true, List.of()));
        }
        while (out.size() < 70) out.add(new Request(words.get(random.nextInt(words.size())), false, List.of()));
        while (out.size() < 110) {
            List<String> line = lines.get(random.nextInt(lines.size()));
            int at = random.nextInt(line.size() - 1);
            out.add(new Request(line.get(at) + " " + line.get(at + 1), false, List.of()));
        }
        while (out.size() < 150) {
            List<String> line = lines.get(random.nextInt(lines.size()));
            int n = 2 + random.nextInt(2);
            int at = random.nextInt(line.size() - n + 1);
            out.add(new Request("\"" + String.join(" ", line.subList(at, at + n)) + "\"", false, List.of()));
        }
        while (out.size() < 200) {
            String w = words.get(random.nextInt(words.size()));
            String cut = w.substring(0, 1 + random.nextInt(w.length()));
            String before = random.nextBoolean() ? words.get(random.nextInt(words.size())) + " " : "";
            out.add(new Request(before + cut, true, List.of()));
        }
        while (out.size() < 230 && !causes.isEmpty()) {
            List<String> filter = new ArrayList<>(List.of(causes.get(random.nextInt(causes.size()))));
            if (random.nextInt(3) == 0) filter.add(causes.get(random.nextInt(causes.size())));
            String q = random.nextBoolean() ? words.get(random.nextInt(words.size())) : "incident";
            out.add(new Request(q, random.nextBoolean(), filter.stream().distinct().toList()));
        }
        return new ArrayList<>(out);
    }

    static List<String> causes(Path site) throws IOException {
        JsonNode manifest = JSON.readTree(site.resolve("search/manifest.json").toFile());
        for (JsonNode facet : manifest.get("facets")) {
            if (facet.get("name").asText().equals("cause")) {
                List<String> out = new ArrayList<>();
                facet.get("values").forEach(v -> out.add(v.asText()));
                return out;
            }
        }
        return List.of();
    }

    static List<String> runNode(Path site, List<String> stdinLines) throws IOException {
        return Node.run(List.of(RUNNER.toString(), site.toString()), stdinLines);
    }
}
