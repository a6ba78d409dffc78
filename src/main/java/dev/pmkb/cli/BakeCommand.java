package dev.pmkb.cli;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.site.Bake;
import dev.pmkb.site.BakeFailure;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bake", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Bakes the site project in the current folder (or --content DIR) into a static site.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was written", "1:the bake failed (the previous site is left as it was), "
                + "or --strict and the postmortems have problems", "2:wrong usage"})
public final class BakeCommand implements Callable<Integer> {

    /** What a site published without its base URL lacks; said before the bake, in one line. */
    static final String NO_BASE_URL = "pmkb: warning: no base URL (--base-url or site.host): the 404 page's links work "
            + "only at the top level, the feed's links are relative, and no sitemap.xml is written";

    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--strict", description = "Exit with 1 on any problem in the postmortems, warnings included "
            + "(as 'pmkb check --strict'); the site is still written.")
    boolean strict;

    @Option(names = "--timings", description = "Print the time each stage of the bake took.")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SiteConfig config = site.loadOrExplain(strict, err);
        if (config == null) return 2;
        if (config.info().baseUrl() == null) err.println(NO_BASE_URL);
        long start = System.nanoTime();
        try {
            BakeReport report = Bake.run(config);
            printReport(report, config, (System.nanoTime() - start) / 1e9, out, err, timings, site);
            return strict && (report.errors() > 0 || report.warnings() > 0) ? 1 : 0;
        } catch (BakeFailure e) {
            err.println("pmkb: bake failed: " + Terminal.printable(Terminal.withReason(e)));
            return 1;
        }
    }

    static void printReport(BakeReport report, SiteConfig config, double seconds, PrintWriter out, PrintWriter err,
                            boolean timings, SiteOptions typed) {
        String content = Terminal.folder(typed.content, config.content(), typed.site, config.siteRoot());
        for (Diagnostic d : report.diagnostics()) {
            if (d.isError()) err.println(Terminal.printable(content + d));
        }
        out.printf(Locale.ROOT, "Baked %d incident%s%s into %s in %.1f s (%d pages)%n", report.incidents(),
                report.incidents() == 1 ? "" : "s",
                report.drafts() > 0 ? " (" + report.drafts() + " draft" + (report.drafts() == 1 ? "" : "s")
                        + (config.drafts() ? " among them, marked as drafts)" : " not published)") : "",
                Terminal.folder(typed.output, report.output(), typed.site, config.siteRoot()), seconds, report.pages());
        if (report.errors() > 0 || report.warnings() > 0) {
            out.printf(Locale.ROOT, "%d error%s, %d warning%s in the postmortems: '%s' lists them%n",
                    report.errors(), report.errors() == 1 ? "" : "s",
                    report.warnings(), report.warnings() == 1 ? "" : "s", typed.checkCommand());
        }
        if (report.cache() != null) {
            for (String problem : report.cache().problems()) err.println(Terminal.printable("pmkb: warning: build cache: " + problem));
        }
        if (timings) {
            report.stages().forEach(s -> out.printf(Locale.ROOT, "  %-32s %7.3f s%n", s.stage(),
                    s.time().toNanos() / 1e9));
            BakeReport.CacheUse cache = report.cache();
            if (cache != null) {
                out.printf(Locale.ROOT, "  build cache: %d of %d postmortems kept (%.1f%% hit rate), %d of %d pages "
                                + "kept, %d files unchanged%n", cache.understoodKept(),
                        cache.understoodKept() + cache.understood(), cache.hitRate(), cache.pagesKept(),
                        cache.pagesKept() + cache.pagesRendered(), cache.filesKept());
            }
        }
        out.flush();
        err.flush();
    }
}
