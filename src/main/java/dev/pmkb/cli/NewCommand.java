package dev.pmkb.cli;

import dev.pmkb.understand.Naming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Writes a new postmortem with the standard sections into content/<year>/<title>.md.",
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

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Incident date. Default: today.")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        LocalDate day = date != null ? date : LocalDate.now();
        String slug = slug(title);
        if (slug.isEmpty()) {
            spec.commandLine().getErr().println("pmkb: the title needs at least one letter or digit");
            return 2;
        }
        Path file = content.resolve(String.valueOf(day.getYear())).resolve(slug + ".md");
        if (Files.exists(file)) {
            spec.commandLine().getErr().println("pmkb: " + file + " exists already; choose another title");
            return 1;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, template(title, day), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("Wrote " + file);
        return 0;
    }

    /** The page's own rule, so that the file's name and its page's name agree, in any script; bounded for file names. */
    static String slug(String title) {
        String slug = Naming.slug(title);
        return slug.codePointCount(0, slug.length()) <= 60 ? slug
                : slug.substring(0, slug.offsetByCodePoints(0, 60)).replaceAll("-+$", "");
    }

    static String template(String title, LocalDate day) {
        String yamlTitle = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return """
                ---
                title: %s
                date: %s
                # root_causes: [config-change]   # optional: pmkb infers them from the Root Cause section
                ---

                ## Issue Summary

                - **Duration:** %s, 09:00 - %s, 10:30 (UTC)
                - **Impact:** <!-- who and what was affected, e.g. "about 30%% of users could not log in" -->
                - **Root cause:** <!-- one sentence -->

                ## Timeline

                - **09:00 UTC** - Issue detected by <!-- a monitoring alert, a customer report, ... -->
                - **09:10 UTC** - <!-- what was checked and what was assumed -->
                - **09:40 UTC** - <!-- misleading paths, escalations -->
                - **10:30 UTC** - Resolved by <!-- the fix -->

                ## Root Cause and Resolution

                <!-- What caused the incident, and how it was fixed. -->

                ## Corrective and Preventative Measures

                <!-- What to improve, then concrete tasks: -->

                - [ ] <!-- a task -->
                """.formatted(yamlTitle, day, day, day);
    }
}
