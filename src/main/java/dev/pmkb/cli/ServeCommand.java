package dev.pmkb.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.pmkb.site.Bake;
import dev.pmkb.site.BakeFailure;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.FolderWatcher;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Bakes the site, serves it on localhost and rebakes whenever a file under content/, "
                + "templates/ or assets/ changes. Stop with Ctrl-C.",
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
        SiteConfig config = site.load(false);
        if (!bake(config, out, err)) return 1;
        String context = (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            err.println("pmkb: cannot listen on port " + port + ": " + e.getMessage() + " (try --port 0)");
            return 1;
        }
        server.createContext(context, SimpleFileServer.createFileHandler(config.output()));
        server.start();
        out.println("Serving " + BakeCommand.displayPath(config.output()) + " at http://127.0.0.1:"
                + server.getAddress().getPort() + context + "  (Ctrl-C to stop)");
        out.flush();
        List<java.nio.file.Path> watched = new ArrayList<>(List.of(config.content(), config.templates(),
                config.assets()));
        try (FolderWatcher watcher = new FolderWatcher(watched)) {
            while (watcher.awaitChange()) {
                out.println("Change detected, rebaking...");
                out.flush();
                bake(config, out, err);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop(0);
        }
        return 0;
    }

    private static boolean bake(SiteConfig config, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        try {
            BakeReport report = Bake.run(config);
            BakeCommand.printReport(report, config, (System.nanoTime() - start) / 1e9, out, err, false);
            return true;
        } catch (BakeFailure e) {
            err.println("pmkb: bake failed: " + e.getMessage() + " (the previous site is still served)");
            err.flush();
            return false;
        }
    }
}
