package dev.pmkb.cli;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.FolderWatcher;
import dev.pmkb.site.PreviewServer;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Bakes the site, serves it on 127.0.0.1 (or --bind) and rebakes whenever a file under content/, "
                + "templates/ or assets/ changes: an edited postmortem's page first, then the rest. Stop with Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the first bake failed", "2:wrong usage, or the port is taken"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "IP address to "
            + "listen on. Default: ${DEFAULT-VALUE}, this machine only. 0.0.0.0 serves to the network, e.g. from a "
            + "container: docker run -p 8080:8080 ... serve --bind 0.0.0.0.")
    String bind;

    @Option(names = "--path", defaultValue = "/", paramLabel = "PATH", description = "Serve under this path, "
            + "e.g. /repo/, to preview the site as GitHub Pages publishes a project site. Default: /.")
    String path;

    @Option(names = "--drafts", description = "Also show the drafts (status: draft), each marked as a draft; "
            + "pmkb bake never publishes them.")
    boolean drafts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("pmkb serve: --port must be a port number from 1 to 65535 (or 0 for any free one), not " + port);
            return 2;
        }
        if (!path.matches("/?([A-Za-z0-9._~-]+/?)*")) {
            err.println("pmkb serve: --path must be a URL path like /repo/, not '" + Terminal.printable(path) + "'");
            return 2;
        }
        Optional<InetAddress> address = ipAddress(bind);
        if (address.isEmpty()) {
            err.println("pmkb serve: --bind must be an IP address like 127.0.0.1 or 0.0.0.0, not '"
                    + Terminal.printable(bind) + "'");
            return 2;
        }
        SiteConfig loaded = site.loadOrExplain(false, err);
        if (loaded == null) return 2;
        SiteConfig config = loaded.withDrafts(drafts);
        String context = (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
        // The port is taken before the first bake: a second serve on the same port must not rebake the first one's
        // site before it finds out.
        PreviewServer server;
        try {
            server = PreviewServer.bind(address.get(), port);
        } catch (IOException e) {
            boolean elsewhere = e.getMessage() != null && e.getMessage().contains("assign");
            err.println("pmkb serve: cannot listen on " + bind + ":" + port + ": " + (elsewhere
                    ? "this machine has no such address (0.0.0.0 listens on all of them)"
                    : (e instanceof java.net.BindException ? "the port is in use" : Terminal.reason(e))
                    + " (choose another with --port, or --port 0 for any free one)"));
            err.flush();
            return 2;
        }
        List<Path> watched = new ArrayList<>(List.of(config.content(), config.templates(), config.assets()));
        // Watching starts before the first bake, so that an edit saved during it is not missed.
        try (server;
             FolderWatcher watcher = new FolderWatcher(watched);
             ServedSite served = new ServedSite(config, new Printer(config, site, out, err))) {
            if (!served.bake()) return 1;
            server.start(config.output(), context, served.servingLock(), config.info().contentSecurityPolicy(),
                    served::version);
            String folder = Terminal.folder(site.output, config.output(), site.site, config.siteRoot());
            if (server.servesTheNetwork()) {
                // Any Host name is answered then: the names other machines use for this one cannot be known.
                out.println("Serving " + folder + " to the network on " + server.host() + ":" + server.port()
                        + " (http://localhost:" + server.port() + context + " from this machine; Ctrl-C to stop)");
            } else {
                out.println("Serving " + folder + " at http://" + server.host() + ":" + server.port() + context
                        + "  (Ctrl-C to stop)");
            }
            out.flush();
            served.startRebaking();
            try {
                for (Optional<Set<Path>> changes; (changes = watcher.awaitChanges()).isPresent(); ) {
                    served.changed(changes.get());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /**
     * The address {@code --bind} names: an IPv4 or IPv6 literal (IPv6 optionally in brackets) or localhost, which
     * are never looked up in the DNS.
     */
    static Optional<InetAddress> ipAddress(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        boolean v4 = s.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
        if (s.equalsIgnoreCase("localhost")) return Optional.of(InetAddress.getLoopbackAddress());
        if (!v4 && !v6) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(s)); // a literal: parsed, not looked up
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Says what serve did, as pmkb bake would for a bake. */
    private record Printer(SiteConfig config, SiteOptions typed, PrintWriter out, PrintWriter err)
            implements ServedSite.Events {
        @Override
        public void baked(BakeReport report, Duration took) {
            BakeCommand.printReport(report, config, took.toNanos() / 1e9, out, err, false, typed);
        }

        @Override
        public void bakeFailed(String message) {
            err.println("pmkb: bake failed: " + Terminal.printable(message) + " (the previous site is still served)");
            err.flush();
        }

        @Override
        public void updated(ServedSite.Update update) {
            String content = Terminal.folder(typed.content, config.content(), typed.site, config.siteRoot());
            for (Diagnostic d : update.errors()) err.println(Terminal.printable(content + d));
            for (String source : update.kept()) {
                err.println(Terminal.printable(content + source
                        + ": the site keeps its previous version until the error is fixed"));
            }
            for (String failure : update.failures()) err.println("pmkb: " + Terminal.printable(failure));
            err.flush();
            if (update.pages().isEmpty() && update.lists().isEmpty()) {
                out.println("Change detected, rebaking...");
            } else {
                List<String> updated = new ArrayList<>(update.pages());
                if (!update.lists().isEmpty()) updated.add(update.lists().size() + " lists");
                out.printf(Locale.ROOT, "Updated %s in %.2f s; rebaking the rest...%n", String.join(", ", updated),
                        update.took().toNanos() / 1e9);
            }
            out.flush();
        }
    }
}
