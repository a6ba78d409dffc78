package dev.pmkb.cli;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.pmkb.model.Diagnostic;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.FolderWatcher;
import dev.pmkb.site.ServedSite;
import dev.pmkb.site.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Bakes the site, serves it on localhost and rebakes whenever a file under content/, "
                + "templates/ or assets/ changes: an edited postmortem's page first, then the rest. Stop with Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the first bake failed or the port is taken", "2:wrong usage"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--path", defaultValue = "/", paramLabel = "PATH", description = "Serve under this path, "
            + "e.g. /repo/, to preview the site as GitHub Pages publishes a project site. Default: /.")
    String path;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SiteConfig config;
        try {
            config = site.load(false);
        } catch (IllegalArgumentException e) {
            err.println("pmkb: " + e.getMessage());
            return 2;
        }
        List<Path> watched = new ArrayList<>(List.of(config.content(), config.templates(), config.assets()));
        // Watching starts before the first bake, so that an edit saved during it is not missed.
        try (FolderWatcher watcher = new FolderWatcher(watched);
             ServedSite served = new ServedSite(config, new Printer(config, out, err))) {
            if (!served.bake()) return 1;
            String context = (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                err.println("pmkb: cannot listen on port " + port + ": " + e.getMessage() + " (try --port 0)");
                return 1;
            }
            HttpContext files = server.createContext(context, SimpleFileServer.createFileHandler(config.output()));
            files.getFilters().add(new WhileServing(served.servingLock()));
            server.start();
            out.println("Serving " + BakeCommand.displayPath(config.output()) + " at http://127.0.0.1:"
                    + server.getAddress().getPort() + context + "  (Ctrl-C to stop)");
            out.flush();
            served.startRebaking();
            try {
                for (Optional<Set<Path>> changes; (changes = watcher.awaitChanges()).isPresent(); ) {
                    served.changed(changes.get());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                server.stop(0);
            }
        }
        return 0;
    }

    /** A request reads the served folder while no rebake swaps it. */
    private static final class WhileServing extends Filter {
        private final Lock lock;

        WhileServing(Lock lock) {
            this.lock = lock;
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            lock.lock();
            try {
                chain.doFilter(exchange);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String description() {
            return "waits for a rebake's swap";
        }
    }

    /** Says what serve did, as pmkb bake would for a bake. */
    private record Printer(SiteConfig config, PrintWriter out, PrintWriter err) implements ServedSite.Events {
        @Override
        public void baked(BakeReport report, Duration took) {
            BakeCommand.printReport(report, config, took.toNanos() / 1e9, out, err, false);
        }

        @Override
        public void bakeFailed(String message) {
            err.println("pmkb: bake failed: " + message + " (the previous site is still served)");
            err.flush();
        }

        @Override
        public void updated(ServedSite.Update update) {
            String content = BakeCommand.displayPath(config.content());
            for (Diagnostic d : update.errors()) err.println(content + d);
            for (String source : update.kept()) {
                err.println(content + source + ": the site keeps its previous version until the error is fixed");
            }
            for (String failure : update.failures()) err.println("pmkb: " + failure);
            err.flush();
            if (update.pages().isEmpty()) {
                out.println("Change detected, rebaking...");
            } else {
                out.printf(Locale.ROOT, "Updated %s in %.2f s; rebaking the rest...%n", String.join(", ", update.pages()),
                        update.took().toNanos() / 1e9);
            }
            out.flush();
        }
    }
}
