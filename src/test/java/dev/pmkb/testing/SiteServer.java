package dev.pmkb.testing;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** A baked site served on loopback under a path, as GitHub Pages serves a project site under /repo/. */
public final class SiteServer implements AutoCloseable {

    private final HttpServer server;
    private final String base;

    private SiteServer(HttpServer server, String base) {
        this.server = server;
        this.base = base;
    }

    /** Serves {@code site} at {@code http://127.0.0.1:PORT/<path>}; {@code path} is "/" or like "/repo/". */
    public static SiteServer serve(Path site, String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(path, SimpleFileServer.createFileHandler(site.toAbsolutePath()));
            server.start();
            return new SiteServer(server, "http://127.0.0.1:" + server.getAddress().getPort() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute URL of a page given relative to the site root. */
    public String url(String page) {
        return base + page;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
