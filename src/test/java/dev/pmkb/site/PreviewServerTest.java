package dev.pmkb.site;

import dev.pmkb.testing.Browser;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code pmkb serve} answers, and that one client that stops reading blocks nobody else. Loopback only. */
class PreviewServerTest {

    private static final String SITE = """
            -- content/2024/a.md --
            # Checkout pool exhausted

            On March 3, 2024 the database connection pool of the checkout service was exhausted.

            ![Connections in use](big.png)
            """;

    private record Served(ServedSite site, PreviewServer server, SiteConfig config) implements AutoCloseable {
        static Served start(Path root) throws IOException {
            return start(root, "/");
        }

        static Served start(Path root, String context) throws IOException {
            SiteConfig config = SiteConfig.load(root, SiteConfig.Overrides.NONE);
            ServedSite site = new ServedSite(config, new ServedSite.Events() {
                @Override
                public void baked(BakeReport report, Duration took) {
                }

                @Override
                public void bakeFailed(String message) {
                    throw new AssertionError(message);
                }

                @Override
                public void updated(ServedSite.Update update) {
                }
            });
            assertTrue(site.bake());
            PreviewServer server = PreviewServer.bind(0);
            server.start(config.output(), context, site.servingLock(), config.info().contentSecurityPolicy(),
                    site::version);
            return new Served(site, server, config);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.port() + "/" + path;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build() // follows no redirect
                    .send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.close();
            site.close();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aClientThatStopsReadingBlocksNeitherOtherRequestsNorTheRebake(@TempDir Path tmp) throws Exception {
        SiteFixture fixture = SiteFixture.write(tmp, SITE);
        // Far more than the socket buffers of both ends hold, so the server's write to the slow client blocks.
        byte[] big = new byte[24 << 20];
        Arrays.fill(big, (byte) 'x');
        fixture.withBytes("content/2024/big.png", big);
        try (Served served = Served.start(tmp); Socket slow = new Socket()) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), served.server().port()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET /2024/big.png HTTP/1.1\r\nHost: 127.0.0.1:" + served.server().port() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = slow.getInputStream();
            assertTrue(new String(response.readNBytes(12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            Thread.sleep(500); // the server is now stuck writing to a client that reads nothing more
            // (until the response timeout of PreviewServer.RESPONSE_SECONDS, longer than what follows may take)

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(served.url("index.html")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "another reader is served meanwhile");

            Files.writeString(tmp.resolve("content/2024/a.md"), "# Checkout pool drained\n\nOn March 3, 2024.\n");
            CompletableFuture<Boolean> rebake = CompletableFuture.supplyAsync(served.site()::bake);
            assertTrue(rebake.get(20, TimeUnit.SECONDS), "the rebake's swap does not wait for the slow client");
            String after = http.send(HttpRequest.newBuilder(URI.create(served.url("archive.html")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(after.contains("Checkout pool drained"), "the rebaked site is served");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answersOnlyLoopbackNamesWithTheSecurityHeaders(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, SITE);
        try (Served served = Served.start(tmp)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(served.url("incidents/2024-a.html"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(served.config().info().contentSecurityPolicy(),
                    page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));

            int port = served.server().port();
            for (String host : new String[]{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
                assertTrue(rawStatus(port, "/index.html", host).startsWith("HTTP/1.1 200"), host);
            }
            for (String host : new String[]{"attacker.example:" + port, "127.0.0.1.nip.io:" + port, "localhost"}) {
                assertTrue(rawStatus(port, "/index.html", host).startsWith("HTTP/1.1 403"), "DNS rebinding: " + host);
            }
            assertTrue(rawStatus(port, "/.pmkb/lucene/", "127.0.0.1:" + port).startsWith("HTTP/1.1 404"),
                    "hidden folders are not served");
            assertTrue(rawStatus(port, "/../jbake.properties", "127.0.0.1:" + port).matches("HTTP/1.1 (400|404).*"),
                    "nothing outside the site");
            assertTrue(rawStatus(port, "/incidents", "127.0.0.1:" + port).startsWith("HTTP/1.1 301"),
                    "a folder without its slash is redirected, as GitHub Pages does");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answersMissingPagesFoldersAndOtherPathsAsGitHubPagesDoes(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, SITE);
        try (Served served = Served.start(tmp, "/repo/")) {
            String notFound = Files.readString(served.config().output().resolve("404.html"));
            assertTrue(notFound.contains("Page not found"), "the site has a 404 page of its own");
            assertTrue(Files.isDirectory(served.config().output().resolve("css")), "a folder without index.html");
            for (String missing : new String[]{"repo/nothing.html", "repo/a/b/c/deep", "repo/css/"}) {
                HttpResponse<String> r = served.get(missing);
                assertEquals(404, r.statusCode(), missing);
                // Answered at any depth, the page's links resolve from the site's root: it is styled and they work.
                assertFalse(notFound.contains("<base"), "the file on disk has no base");
                assertEquals(notFound.replaceFirst("(<head[^>]*>)", "$1<base href=\"/repo/\">"),
                        withoutLiveReload(r.body()), missing + ": the site's 404.html, as Pages serves it (no listing)");
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), missing);
            }

            HttpResponse<String> repo = served.get("repo");
            assertEquals(301, repo.statusCode());
            assertEquals("/repo/", repo.headers().firstValue("Location").orElse(""));
            HttpResponse<String> folder = served.get("repo/css");
            assertEquals(301, folder.statusCode());
            assertEquals("/repo/css/", folder.headers().firstValue("Location").orElse(""));
            assertEquals(200, served.get("repo/").statusCode());

            for (String outside : new String[]{"", "index.html", "other/repo/"}) {
                HttpResponse<String> r = served.get(outside);
                assertEquals(404, r.statusCode(), "/" + outside + ": outside the project site's path");
                assertTrue(r.body().contains("href=\"/repo/\""), "/" + outside + " links to the site");
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void pagesAsServedReloadThemselvesWhenAChangeLandsAndTheFilesOnDiskHaveNoTraceOfIt(@TempDir Path tmp)
            throws Exception {
        SiteFixture.write(tmp, SITE);
        try (Served served = Served.start(tmp, "/repo/")) {
            Path onDisk = served.config().output().resolve("incidents/2024-a.html");
            HttpResponse<String> page = served.get("repo/incidents/2024-a.html");
            Matcher script = LIVE_RELOAD.matcher(page.body());
            assertTrue(script.find(), "serve adds the live reload script to the HTML it serves");
            assertTrue(page.body().substring(script.end()).strip().startsWith("</body>"), "just before </body>");
            assertEquals(Files.readString(onDisk), withoutLiveReload(page.body()), "and changes nothing else");
            String css = Files.readString(served.config().output().resolve("css/pmkb.css"));
            assertEquals(css, served.get("repo/css/pmkb.css").body(), "only HTML gets it");

            HttpResponse<String> reload = served.get("repo/__pmkb/reload.js");
            assertEquals(200, reload.statusCode());
            assertTrue(reload.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertEquals(served.config().info().contentSecurityPolicy(),
                    reload.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(reload.body().contains("location.reload()"));
            assertEquals(script.group(1), served.get("repo/__pmkb/version").body(),
                    "the page was served at the site's current version");

            Files.writeString(tmp.resolve("content/2024/a.md"), "# Checkout pool drained\n\nOn March 3, 2024.\n");
            assertTrue(served.site().bake());
            String after = served.get("repo/__pmkb/version").body();
            assertNotEquals(script.group(1), after, "a rebake that lands changes the version");
            Matcher again = LIVE_RELOAD.matcher(served.get("repo/incidents/2024-a.html").body());
            assertTrue(again.find());
            assertEquals(after, again.group(1), "the page served now is at the new version");

            Files.writeString(tmp.resolve("content/2024/a.md"), "# Checkout pool refilled\n\nOn March 3, 2024.\n");
            assertFalse(served.site().changed(List.of(tmp.resolve("content/2024/a.md"))).pages().isEmpty());
            assertNotEquals(after, served.get("repo/__pmkb/version").body(), "so does a page updated at once");

            try (var files = Files.walk(served.config().output())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains("__pmkb"),
                            file + " as written by serve's bakes: live reload is only in what serve sends");
                }
            }
        }
        Path baked = tmp.resolve("baked");
        SiteFixture.write(baked, SITE).bake();
        try (var files = Files.walk(baked.resolve("output"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.size() > 10);
            for (Path file : all) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("__pmkb") || text.contains("reload.js"), file + ": pmkb bake has no trace of it");
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBrowserReloadsThePageWhenARebakeLandsWithinThePagesContentSecurityPolicy(@TempDir Path tmp)
            throws Exception {
        SiteFixture.write(tmp, SITE);
        try (Served served = Served.start(tmp, "/repo/"); Browser browser = Browser.open(1000, 800)) {
            browser.get(served.url("repo/incidents/2024-a.html"));
            browser.script("window.beforeTheRebake = true;");
            Files.writeString(tmp.resolve("content/2024/a.md"), "# Checkout pool drained\n\nOn March 3, 2024.\n");
            assertTrue(served.site().bake());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Boolean.TRUE.equals(browser.script("return window.beforeTheRebake === true;"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(Boolean.FALSE, browser.script("return window.beforeTheRebake === true;"),
                    "the page reloaded itself");
            assertTrue(browser.driver().getTitle().contains("Checkout pool drained"), browser.driver().getTitle());
            assertEquals(List.of(), browser.consoleProblems(), "no Content-Security-Policy violation, no error");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void boundToTheNetworkItAnswersAnyHostNameAndOnTheLoopbackOnlyItsNames(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("index.html"), "<p>hello</p>");
        Lock none = new ReentrantLock();
        try (PreviewServer network = PreviewServer.bind(InetAddress.getByName("0.0.0.0"), 0);
             PreviewServer loopback = PreviewServer.bind(InetAddress.getLoopbackAddress(), 0)) {
            network.start(tmp, "/", none, "default-src 'self'", null);
            loopback.start(tmp, "/", none, "default-src 'self'", null);
            assertTrue(network.servesTheNetwork());
            assertEquals("0.0.0.0", network.host());
            assertFalse(loopback.servesTheNetwork());
            assertEquals("127.0.0.1", loopback.host());
            for (String host : new String[]{"pmkb.internal.example:8080", "192.0.2.7:" + network.port()}) {
                assertTrue(rawStatus(network.port(), "/index.html", host).startsWith("HTTP/1.1 200"),
                        "another machine's name for this one: " + host);
                assertTrue(rawStatus(loopback.port(), "/index.html", host).startsWith("HTTP/1.1 403"),
                        "DNS rebinding, on the loopback: " + host);
            }
        }
    }

    private static final Pattern LIVE_RELOAD =
            Pattern.compile("<script type=\"module\" src=\"/repo/__pmkb/reload\\.js\\?v=([^\"]+)\"></script>");

    private static String withoutLiveReload(String page) {
        return LIVE_RELOAD.matcher(page).replaceFirst("");
    }

    private static String rawStatus(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
