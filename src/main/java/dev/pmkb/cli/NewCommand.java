package dev.pmkb.cli;

import dev.pmkb.understand.Naming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.pmkb.understand.Linter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Writes a draft postmortem with the standard sections into content/<year>/<title>.md: "
                + "placeholders where the facts go ('pmkb check' lists those left), no invented times.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the file exists already or cannot be written", "2:wrong usage"})
public final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "What happened, e.g. \"Checkout outage\".")
    String title;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of postmortems. Default: ${DEFAULT-VALUE}.")
    Path content;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Incident date. Default: none is written "
            + "(the file goes into this year's folder).")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String slug = slug(title);
        if (slug.isEmpty()) {
            err.println("pmkb new: the title needs at least one letter or digit");
            return 2;
        }
        // Only where the file goes uses today's year when no --date is given; the file states no date it was not told.
        int year = (date != null ? date : LocalDate.now()).getYear();
        Path file = content.resolve(String.valueOf(year)).resolve(slug + ".md");
        if (Files.exists(file)) {
            err.println("pmkb new: " + file + " exists already; choose another title");
            return 1;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, template(title, date), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            err.println("pmkb new: cannot write " + file + ": " + Terminal.reason(e));
            return 1;
        }
        spec.commandLine().getOut().println("Wrote " + file + " (a draft: fill in the TODO placeholders, which "
                + "'pmkb check' lists, then remove the 'status: draft' line to publish it)");
        return 0;
    }

    /** The page's own rule, so that the file's name and its page's name agree, in any script; bounded for file names. */
    static String slug(String title) {
        String slug = Naming.slug(title);
        return slug.codePointCount(0, slug.length()) <= 60 ? slug
                : slug.substring(0, slug.offsetByCodePoints(0, 60)).replaceAll("-+$", "");
    }

    /**
     * A draft with the standard sections. Every fact is a placeholder ({@link Linter#PLACEHOLDER}, an HTML comment
     * that no page shows and {@code pmkb check} names), never an example value: pmkb reads times and numbers out of
     * the text, so an example would become the incident's facts.
     */
    static String template(String title, LocalDate day) {
        String yamlTitle = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String date = day != null ? "date: " + day + "\n" : "";
        String todo = Linter.PLACEHOLDER;
        return """
                ---
                title: %s
                %sstatus: draft   # not published while this line is here
                # root_causes: [config-change]   # optional: pmkb infers them from the Root Cause section
                ---

                ## Issue Summary

                - **Duration:** %s: when it started and ended: date, time and time zone -->
                - **Impact:** %s: who and what was affected, and what share of users -->
                - **Root cause:** %s: one sentence -->

                ## Timeline

                %s: one line per event, each with its time and zone: how it was detected, what was checked, misleading paths, escalations, the fix -->

                ## Root Cause and Resolution

                %s: what caused the incident, and how it was fixed -->

                ## Corrective and Preventative Measures

                %s: what to improve, then one task per line as "- [ ] task" -->
                """.formatted(yamlTitle, date, todo, todo, todo, todo, todo, todo);
    }
}
