package dev.pmkb.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;

/**
 * What {@code pmkb serve} answers on 127.0.0.1 (or the address it is bound to): the files of the served site, as
 * GitHub Pages would serve them.
 * <p>
 * Requests run on a pool of threads, so a client that stops reading blocks only its own thread. A file is read into
 * memory under the site's serving lock and written to the socket after the lock is released: the swap of a rebake
 * never waits for a reader's network. A response still unwritten after {@link #RESPONSE_SECONDS} is cut off by the
 * JDK's server. On the loopback, only requests for the loopback's own names are answered, so a web page whose DNS
 * name was pointed at 127.0.0.1 (DNS rebinding) cannot read the preview.
 */
public final class PreviewServer implements AutoCloseable {

    /** How long one response may take; the JDK's server closes the connection after that. */
    static final int RESPONSE_SECONDS = 30;

    static {
        // Read once, when the JDK's server is first used: set here so that serve's server has them.
        System.setProperty("sun.net.httpserver.maxRspTime",
                System.getProperty("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS)));
        System.setProperty("sun.net.httpserver.maxReqTime",
                System.getProperty("sun.net.httpserver.maxReqTime", Integer.toString(RESPONSE_SECONDS)));
    }

    private static final int THREADS = 16;

    /** Where, under the site's path, live reload's script and the site's version are answered. */
    static final String LIVE_RELOAD = "__pmkb/";

    private static final byte[] RELOAD_SCRIPT = resource("reload.js");

    /** Tells this run's versions from an earlier serve's. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("wasm", "application/wasm"));

    private final HttpServer server;
    private final ExecutorService threads;
    private final int port;
    /** The Host names answered; empty when served to the network, where any name is answered. */
    private final Set<String> hostNames;

    /** As asked for: the JDK reports 0.0.0.0 as {@code ::} on a dual-stack socket. */
    private final InetAddress address;

    private PreviewServer(HttpServer server, ExecutorService threads, InetAddress address) {
        this.server = server;
        this.threads = threads;
        this.port = server.getAddress().getPort();
        this.address = address;
        this.hostNames = toTheNetwork(address) ? Set.of() : Set.copyOf(List.of("127.0.0.1:" + port,
                "localhost:" + port, "[::1]:" + port, hostName(address) + ":" + port));
    }

    /** Takes the port on 127.0.0.1; see {@link #bind(InetAddress, int)}. */
    public static PreviewServer bind(int port) throws IOException {
        return bind(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Takes the port (0: any free one) on {@code address} without answering yet, so that a port in use is found
     * before the first bake. Throws {@link java.net.BindException} when the port is taken. Bound to a loopback
     * address, it answers only requests for the loopback's names (against DNS rebinding); bound to any other
     * address (0.0.0.0 in a container), requests come from other machines under names it cannot know, so it
     * answers any.
     */
    public static PreviewServer bind(InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "pmkb-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        return new PreviewServer(server, threads, address);
    }

    public int port() {
        return port;
    }

    /** Whether other machines may reach it: it is bound to an address other than the loopback's. */
    public boolean servesTheNetwork() {
        return hostNames.isEmpty();
    }

    /** The bound address as a URL names it: {@code 127.0.0.1}, {@code [::1]}, {@code 0.0.0.0}. */
    public String host() {
        return hostName(address);
    }

    private static boolean toTheNetwork(InetAddress address) {
        return !address.isLoopbackAddress();
    }

    private static String hostName(InetAddress address) {
        if (!(address instanceof java.net.Inet6Address)) return address.getHostAddress();
        if (address.isAnyLocalAddress()) return "[::]";
        if (address.isLoopbackAddress()) return "[::1]";
        String literal = address.getHostAddress();
        int zone = literal.indexOf('%');
        return "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
    }

    /**
     * Answers requests under {@code context} ({@code /} or like {@code /repo/}) with the files of {@code site}, read
     * under {@code servingLock}, with the security headers of {@code contentSecurityPolicy}. With {@code liveReload}
     * (the site's version, bumped when a change lands; null for none), every HTML page it sends loads
     * {@value #LIVE_RELOAD}reload.js, which reloads the page once the version is no longer the page's.
     */
    public void start(Path site, String context, Lock servingLock, String contentSecurityPolicy,
                      LongSupplier liveReload) {
        // Every request reaches the handler, also those outside the context: GitHub Pages redirects /repo to
        // /repo/ and answers 404 elsewhere, where the JDK's server would answer its own bare 404.
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, site, context, servingLock, contentSecurityPolicy, liveReload);
            }
        });
        server.start();
    }

    private void answer(HttpExchange exchange, Path site, String context, Lock servingLock, String csp,
                        LongSupplier liveReload) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", csp);
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Cache-Control", "no-cache");
        if (!answersHost(exchange.getRequestHeaders().getFirst("Host"))) {
            send(exchange, 403, "text/plain; charset=utf-8",
                    "pmkb serve answers only requests for 127.0.0.1, localhost or [::1] on its port\n"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            headers.set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(context)) {
            if ((path + "/").equals(context)) {
                headers.set("Location", context);
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            } else {
                send(exchange, 404, "text/html; charset=utf-8", outsideTheSite(context));
            }
            return;
        }
        String relative = path.substring(context.length());
        if (liveReload != null && relative.startsWith(LIVE_RELOAD)) {
            switch (relative.substring(LIVE_RELOAD.length())) {
                case "reload.js" -> send(exchange, 200, TYPES.get("js"), RELOAD_SCRIPT);
                case "version" -> send(exchange, 200, TYPES.get("txt"),
                        version(liveReload).getBytes(StandardCharsets.US_ASCII));
                default -> send(exchange, 404, TYPES.get("txt"), "not found\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Path file = resolve(site, relative);
        byte[] body = null;
        int status = 200;
        Path sent = file;
        // Read before the page: a change that lands while it is read makes the page reload once more, never miss it.
        String shownVersion = liveReload == null ? null : version(liveReload);
        servingLock.lock();
        try {
            if (file != null && Files.isDirectory(file)) {
                if (!relative.isEmpty() && !relative.endsWith("/")) {
                    sent = null;
                    status = 301;
                } else {
                    sent = file.resolve("index.html"); // a folder without one is missing: never listed
                }
            }
            if (status == 200) {
                if (sent != null && Files.isRegularFile(sent)) {
                    body = Files.readAllBytes(sent);
                } else {
                    status = 404;
                    sent = site.resolve("404.html");
                    // 404.html links relative to the site root; answering a deep path, it must say where that is.
                    if (Files.isRegularFile(sent)) body = withBase(Files.readAllBytes(sent), context);
                }
            }
        } finally {
            servingLock.unlock();
        }
        // The lock is released: from here on only this request's thread waits for the client.
        if (status == 301) {
            headers.set("Location", exchange.getRequestURI().getRawPath() + "/");
            send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
        } else if (body == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        } else {
            String type = type(sent);
            if (shownVersion != null && type.startsWith("text/html")) {
                body = withScript(body, context + LIVE_RELOAD + "reload.js?v=" + shownVersion);
            }
            send(exchange, status, type, body);
        }
    }

    /** What live reload compares: this server's run and the site's version, so a restarted serve reloads too. */
    private String version(LongSupplier liveReload) {
        return run + "." + liveReload.getAsLong();
    }

    /**
     * The page with a module script tag before its last {@code </body>} (at the end when it has none). Works on the
     * bytes, so a page in any ASCII-compatible encoding stays as it was.
     */
    static byte[] withScript(byte[] html, String src) {
        byte[] tag = ("<script type=\"module\" src=\"" + src + "\"></script>").getBytes(StandardCharsets.US_ASCII);
        byte[] close = "</body>".getBytes(StandardCharsets.US_ASCII);
        int at = html.length;
        for (int i = html.length - close.length; i >= 0; i--) {
            if (startsWithIgnoringCase(html, i, close)) {
                at = i;
                break;
            }
        }
        byte[] out = new byte[html.length + tag.length];
        System.arraycopy(html, 0, out, 0, at);
        System.arraycopy(tag, 0, out, at, tag.length);
        System.arraycopy(html, at, out, at + tag.length, html.length - at);
        return out;
    }

    /**
     * The page with {@code <base href>} first in its head, so that its relative links resolve from {@code href}
     * wherever the page is answered (the CSP's {@code base-uri 'self'} allows a path of this site).
     */
    static byte[] withBase(byte[] html, String href) {
        byte[] open = "<head".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + open.length <= html.length; i++) {
            if (!startsWithIgnoringCase(html, i, open)) continue;
            int end = i + open.length;
            while (end < html.length && html[end] != '>') end++;
            if (end == html.length) break;
            byte[] tag = ("<base href=\"" + href + "\">").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[html.length + tag.length];
            System.arraycopy(html, 0, out, 0, end + 1);
            System.arraycopy(tag, 0, out, end + 1, tag.length);
            System.arraycopy(html, end + 1, out, end + 1 + tag.length, html.length - end - 1);
            return out;
        }
        return html;
    }

    private static boolean startsWithIgnoringCase(byte[] bytes, int from, byte[] ascii) {
        for (int j = 0; j < ascii.length; j++) {
            byte b = bytes[from + j];
            if (b >= 'A' && b <= 'Z') b = (byte) (b + ('a' - 'A'));
            if (b != ascii[j]) return false;
        }
        return true;
    }

    /**
     * What a request outside the site's path gets: 404, as on GitHub Pages, where a project site owns only its
     * path, with a link to the site. {@code context} is a plain URL path (checked by serve), safe in HTML.
     */
    private static byte[] outsideTheSite(String context) {
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n"
                + "<body><h1>Not found</h1><p>The site is previewed under <a href=\"" + context + "\">" + context
                + "</a>, as GitHub Pages publishes a project site; nothing is published outside it.</p></body>\n"
                + "</html>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file a request path names inside the site; null when it leaves the site or names a hidden file. */
    private static Path resolve(Path site, String relative) {
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) return null;
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) return null; // hidden files, the Lucene index, and any ".." step
        }
        try {
            Path file = site.resolve(relative).normalize();
            return file.startsWith(site) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static byte[] resource(String name) {
        try (var in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("pmkb's jar lacks " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (head || body.length == 0) return;
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * Whether a request for {@code host} is answered: any when served to the network, else only the names a
     * browser on this machine uses for the loopback, with this server's port.
     */
    private boolean answersHost(String host) {
        if (servesTheNetwork()) return true;
        if (host == null) return false;
        return hostNames.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
