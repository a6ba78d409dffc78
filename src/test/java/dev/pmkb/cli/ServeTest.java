package dev.pmkb.cli;

import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pmkb serve}: bakes, serves under the given path, shows an edited postmortem, then rebakes the rest. */
class ServeTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void servesTheSiteAndShowsAnEditedPostmortem(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- content/a.md --
                # First title

                Some text.
                """);
        PipedWriter pipe = new PipedWriter();
        BufferedReader output = new BufferedReader(new PipedReader(pipe, 1 << 16));
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(pipe, true));
        cli.setErr(new PrintWriter(System.err, true));
        Thread server = new Thread(() -> cli.execute("serve", "--site", tmp.toString(), "--port", "0", "--path", "/repo/"));
        server.setDaemon(true);
        server.start();
        try {
            String base = null;
            for (String line; base == null && (line = output.readLine()) != null; ) {
                Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/repo/)").matcher(line);
                if (m.find()) base = m.group(1);
            }
            assertTrue(base != null, "serve prints its URL");
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create(base + "incidents/a.html");
            assertTrue(get(http, page).contains("First title"));
            HttpResponse<Void> headers = http.send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals("nosniff", headers.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(headers.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    "the page's CSP as a header too");

            Files.writeString(tmp.resolve("content/a.md"), "# Second title\n\nSome text.\n");
            String body = "";
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!body.contains("Second title") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                body = get(http, page);
            }
            assertTrue(body.contains("Second title"), "the edit shows up on its page");
            String archive = "";
            while (!archive.contains("Second title") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                archive = get(http, URI.create(base + "archive.html"));
            }
            assertTrue(archive.contains("Second title"), "then in the lists, once the rebake is done");
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "css/pmkb.css")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } finally {
            server.interrupt();
            server.join(10_000);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void showsDraftsOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- content/a.md --
                # Published title

                Some text.
                -- content/b.md --
                ---
                status: draft
                ---
                # Draft title

                Some text.
                """);
        HttpClient http = HttpClient.newHttpClient();
        try (Serving serving = Serving.start("serve", "--site", tmp.toString(), "--port", "0", "--drafts")) {
            assertTrue(serving.firstLines().contains("1 draft among them"), serving.firstLines());
            HttpResponse<String> draft = http.send(HttpRequest.newBuilder(URI.create(serving.base()
                    + "incidents/b.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, draft.statusCode());
            assertTrue(draft.body().contains("Draft title") && draft.body().contains("draft-badge"));
        }
        try (Serving serving = Serving.start("serve", "--site", tmp.toString(), "--port", "0")) {
            assertTrue(serving.firstLines().contains("1 draft not published"), serving.firstLines());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(serving.base() + "incidents/b.html")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "drafts are not served unless asked");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void boundToTheNetworkSaysSoAndAnswersAnyHostName(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- content/a.md --
                # First title

                Some text.
                """);
        try (Serving serving = Serving.start("serve", "--site", tmp.toString(), "--port", "0", "--bind", "0.0.0.0")) {
            Matcher line = Pattern.compile("to the network on 0\\.0\\.0\\.0:(\\d+) \\(http://localhost:\\1/ ")
                    .matcher(serving.firstLines());
            assertTrue(line.find(), serving.firstLines());
            int port = Integer.parseInt(line.group(1));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /incidents/a.html HTTP/1.1\r\nHost: pmkb.container.example:"
                        + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 200") && response.contains("First title"), response);
            }
        }
    }

    /** {@code pmkb serve} on a thread of its own, once it printed where it serves. */
    private record Serving(Thread thread, String base, String firstLines) implements AutoCloseable {
        static Serving start(String... args) throws Exception {
            PipedWriter pipe = new PipedWriter();
            BufferedReader output = new BufferedReader(new PipedReader(pipe, 1 << 16));
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(pipe, true));
            cli.setErr(new PrintWriter(System.err, true));
            Thread thread = new Thread(() -> cli.execute(args));
            thread.setDaemon(true);
            thread.start();
            StringBuilder lines = new StringBuilder();
            for (String line; (line = output.readLine()) != null; ) {
                lines.append(line).append('\n');
                Matcher m = Pattern.compile("(http://(127\\.0\\.0\\.1|localhost):\\d+/\\S*)").matcher(line);
                if (m.find()) return new Serving(thread, m.group(1), lines.toString());
            }
            throw new AssertionError("serve printed no URL: " + lines);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : "";
    }
}
