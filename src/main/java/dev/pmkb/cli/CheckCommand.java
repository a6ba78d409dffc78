package dev.pmkb.cli;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import dev.pmkb.understand.Coverage;
import dev.pmkb.understand.Linter;
import dev.pmkb.understand.Understander;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code pmkb check}: reads every postmortem like the build does and reports what a reviewer would send back,
 * as compiler-style lines or GitHub workflow annotations. Meant for CI on the library's repository.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check postmortems for missing facts (start, end, zone, impact, root cause, action items) and errors.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problems (or only warnings without --strict)", "1:errors, or warnings with --strict",
                "2:usage or configuration error"})
public final class CheckCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, github }

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of postmortems (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Warnings fail the check too.")
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
        Path cwd = Path.of("").toAbsolutePath();
        Path root = cwd.resolve(content).normalize();
        if (!Files.isDirectory(root)) {
            err.println("pmkb check: content folder not found: " + content);
            err.flush();
            return 2;
        }
        Understander understander;
        try {
            understander = Understander.forSite(cwd, siteProperties(cwd));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("pmkb check: " + e.getMessage());
            err.flush();
            return 2;
        }
        List<Path> files;
        try {
            files = SourceReader.list(root);
        } catch (IOException e) {
            err.println("pmkb check: cannot list " + content + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        String shownRoot = shown(cwd, root);
        List<Postmortem> all = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        boolean explained = false;
        for (Path file : files) {
            SourceDocument doc = SourceReader.read(root, file);
            Postmortem p = understander.understand(doc);
            all.add(p);
            if (explain != null && file.toAbsolutePath().normalize().equals(cwd.resolve(explain).normalize())) {
                out.print(CauseExplanation.of(p, shownRoot.isEmpty() ? p.source() : shownRoot + "/" + p.source()));
                explained = true;
            }
            for (Diagnostic d : Linter.lint(p)) {
                if (d.isError()) errors++;
                else warnings++;
                out.println(render(d, shownRoot));
            }
        }
        if (explain != null && !explained) {
            err.println("pmkb check: --explain " + explain + " is not a postmortem in " + content);
            err.flush();
            return 2;
        }
        if (report) out.print(Coverage.of(all).toText());
        if (format == Format.text) {
            out.println(files.size() + (files.size() == 1 ? " postmortem checked: " : " postmortems checked: ")
                    + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    private String render(Diagnostic d, String shownRoot) {
        String path = shownRoot.isEmpty() ? d.source() : shownRoot + "/" + d.source();
        if (format == Format.github) {
            String location = "file=" + escapeProperty(path) + (d.line() > 0 ? ",line=" + d.line() : "");
            return "::" + d.severity().label() + " " + location + "::" + escapeData(d.message());
        }
        return new Diagnostic(path, d.line(), d.severity(), d.message()).toString();
    }

    /** The content folder as the user would type it from here: relative when inside the current directory. */
    private static String shown(Path cwd, Path root) {
        Path shown = root.startsWith(cwd) ? cwd.relativize(root) : root;
        return shown.toString().replace('\\', '/');
    }

    private static Properties siteProperties(Path cwd) {
        Properties p = new Properties();
        Path file = cwd.resolve("jbake.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    /** GitHub's workflow-command escaping: messages may contain %, CR and LF; properties also : and ,. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
