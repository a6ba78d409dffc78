package dev.pmkb.cli;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.read.SourceReader;
import dev.pmkb.site.LibraryCheck;
import dev.pmkb.site.SiteConfig;
import dev.pmkb.understand.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pmkb check}: reports what a bake of the same folder reports ({@link LibraryCheck}: the same steps, the same
 * lint rules), as compiler-style lines or GitHub workflow annotations, without writing a site. Meant for CI on the
 * library's repository; given files, it reports only on them (the postmortems a pull request changed).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Check postmortems for missing facts (start, end, zone, impact, root cause, action items) "
                + "and errors: the problems 'pmkb bake' reports, without baking.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (and, with --strict, no warnings)", "1:errors, or with --strict any problem",
                "2:wrong usage or configuration"})
public final class CheckCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, github }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Only report on these postmortems (their "
            + "links to the others are still checked). Default: every postmortem of the content folder.")
    List<Path> only = new ArrayList<>();

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (jbake.properties, "
            + "taxonomy.yml, content/). Default: the current folder.")
    Path site = Path.of("");

    @Option(names = "--content", paramLabel = "DIR", description = "Folder of postmortems. Default: the site's "
            + "content/ (or content.folder in jbake.properties).")
    Path content;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Exit with 1 on any problem, warnings included (as 'pmkb bake --strict').")
    boolean strict;

    @Option(names = "--report", description = "Also print how many postmortems state each fact.")
    boolean report;

    @Option(names = "--explain", paramLabel = "FILE",
            description = "Also print the cause tags read from FILE and the sentence each came from.")
    Path explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return check(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int check(PrintWriter out, PrintWriter err) {
        SiteConfig config;
        try {
            config = SiteConfig.load(site, new SiteConfig.Overrides(content, null, null, strict));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("pmkb check: " + Terminal.printable(e.getMessage()));
            return 2;
        } catch (IOException e) {
            err.println("pmkb check: cannot read the site settings: " + Terminal.reason(e));
            return 2;
        }
        String shownRoot = Terminal.folder(content, config.content(), site, config.siteRoot());
        if (!Files.isDirectory(config.content())) {
            err.println("pmkb check: content folder not found: " + shownRoot);
            return 2;
        }
        // Each file given, by its name in the content folder, shown as the user typed it.
        Map<String, String> given = new LinkedHashMap<>();
        for (Path file : only) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute)) {
                err.println("pmkb check: no such file: " + file);
                return 2;
            }
            if (!absolute.startsWith(config.content()) || !SourceReader.hasPostmortemExtension(absolute)) {
                err.println("pmkb check: " + file + " is not a postmortem of the content folder " + shownRoot
                        + " (choose the folder with --content)");
                return 2;
            }
            given.put(SourceReader.sourceName(config.content(), absolute), file.toString().replace('\\', '/'));
        }
        LibraryCheck checked;
        try {
            checked = LibraryCheck.of(config);
        } catch (IOException e) {
            err.println("pmkb check: cannot read " + shownRoot + ": " + Terminal.reason(e));
            return 2;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("pmkb check: " + Terminal.printable(e.getMessage()));
            return 2;
        }
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : checked.diagnostics()) {
            if (!given.isEmpty() && !given.containsKey(d.source())) continue;
            if (d.isError()) errors++;
            else warnings++;
            String path = given.getOrDefault(d.source(), shownRoot + d.source());
            out.println(render(d, path));
        }
        if (explain != null) {
            Path wanted = explain.toAbsolutePath().normalize();
            String source = wanted.startsWith(config.content()) ? SourceReader.sourceName(config.content(), wanted) : null;
            java.util.Optional<dev.pmkb.model.Postmortem> explained = checked.postmortems().stream()
                    .filter(p -> p.source().equals(source)).findFirst();
            if (explained.isEmpty()) {
                err.println("pmkb check: --explain " + explain + " is not a postmortem in " + shownRoot);
                return 2;
            }
            out.print(CauseExplanation.of(explained.get(), given.getOrDefault(source, shownRoot + source)));
        }
        if (report) {
            // The report's count of problems is the one printed above, links and listing included: one story.
            Coverage c = Coverage.of(checked.postmortems().stream()
                    .filter(p -> given.isEmpty() || given.containsKey(p.source())).toList());
            out.print(new Coverage(c.total(), c.counts(), c.zones(), c.primaryCauses(), errors, warnings).toText());
        }
        int files = given.isEmpty() ? checked.files() : given.size();
        String summary = files + (files == 1 ? " postmortem checked: " : " postmortems checked: ")
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
        // GitHub shows only the first ten annotations of each kind in a step: the summary says how many there were.
        out.println(format == Format.github ? "::notice title=pmkb check::" + escapeData(summary) : summary);
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    private String render(Diagnostic d, String path) {
        if (format == Format.github) {
            String location = "file=" + escapeProperty(path) + (d.line() > 0 ? ",line=" + d.line() : "");
            return "::" + d.severity().label() + " " + location + "::" + escapeData(Terminal.printable(d.message()));
        }
        return Terminal.printable(new Diagnostic(path, d.line(), d.severity(), d.message()).toString());
    }

    /** GitHub's workflow-command escaping: messages may contain %, CR and LF; properties also : and ,. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
