package dev.pmkb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pmkb init [DIR]}: writes a new postmortem library repository (content with a draft example, settings,
 * a GitHub Pages workflow that uses pmkb's action, a README for authors), so that a team keeps only its content.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Writes a new postmortem library into DIR: content/ with a draft example, jbake.properties, "
                + ".gitignore, a GitHub Pages workflow (.github/workflows/pages.yml) and a README for authors.",
                "Existing files are left alone (and nothing is written) unless --force is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:a file exists already (without --force) or cannot be written", "2:wrong usage"})
public final class InitCommand implements Callable<Integer> {

    /**
     * The action the workflow uses unless {@code --action} names another: pmkb's repository at its v1 tag.
     * A team that mirrors pmkb names its own copy (README, "Start a postmortem library").
     */
    static final String DEFAULT_ACTION = "pmkb/pmkb@v1";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of the new library "
            + "(created if missing). Default: the current folder.")
    Path folder = Path.of("");

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Postmortem library",
            description = "The library's title. Default: ${DEFAULT-VALUE}.")
    String title;

    @Option(names = "--description", paramLabel = "TEXT",
            defaultValue = "What went wrong, why, and what we changed.",
            description = "One sentence under the title. Default: ${DEFAULT-VALUE}.")
    String description;

    @Option(names = "--action", paramLabel = "OWNER/REPO@REF", defaultValue = DEFAULT_ACTION,
            description = "The pmkb GitHub action the workflow uses. Default: ${DEFAULT-VALUE}.")
    String action;

    @Option(names = "--force", description = "Overwrite files that exist already.")
    boolean force;

    /** A file init writes: where in the library, and which resource of this package it is made from. */
    record Template(String target, String resource) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("content/example-postmortem.md", "example-postmortem.md"),
            new Template("jbake.properties", "jbake.properties"),
            new Template(".gitignore", "gitignore"),
            new Template(".github/workflows/pages.yml", "pages.yml"),
            new Template("README.md", "README.md"));

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (oneLine(title).isBlank()) {
            err.println("pmkb init: --title needs at least one visible character");
            return 2;
        }
        if (!action.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+")) {
            err.println("pmkb init: --action must look like OWNER/REPO@REF, e.g. " + DEFAULT_ACTION + "; was " + action);
            return 2;
        }
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            err.println("pmkb init: " + root + " is a file, not a folder");
            return 1;
        }
        List<Path> existing = new ArrayList<>();
        for (Template template : TEMPLATES) {
            Path target = root.resolve(template.target());
            if (Files.exists(target)) existing.add(target);
        }
        if (!existing.isEmpty() && !force) {
            for (Path file : existing) err.println(file + ": error: exists already; pmkb init writes nothing (--force overwrites)");
            return 1;
        }
        for (Template template : TEMPLATES) {
            Path target = root.resolve(template.target());
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(read(template.resource())), StandardCharsets.UTF_8);
        }
        out.println("Wrote a postmortem library into " + root + ":");
        for (Template template : TEMPLATES) out.println("  " + template.target());
        out.println("Next: 'pmkb serve' there to preview it; push it to GitHub and enable Pages (Source: GitHub Actions).");
        out.flush();
        return 0;
    }

    private String fill(String template) {
        String repo = action.substring(0, action.indexOf('@'));
        return template.replace("%TITLE_PROPERTY%", propertyValue(oneLine(title)))
                .replace("%DESCRIPTION_PROPERTY%", propertyValue(oneLine(description)))
                .replace("%TITLE%", oneLine(title))
                .replace("%DESCRIPTION%", oneLine(description))
                .replace("%ACTION_REPO%", repo)
                .replace("%ACTION%", action);
    }

    /** Title and description go into jbake.properties and the README's first lines: one line each. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    /** A backslash starts an escape in a properties file; written doubled, it is read back as written. */
    private static String propertyValue(String text) {
        return text.replace("\\", "\\\\");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + resource)) {
            if (in == null) throw new IOException("pmkb's init template " + resource + " is missing from its classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
