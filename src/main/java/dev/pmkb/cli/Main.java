package dev.pmkb.cli;

import dev.pmkb.site.Version;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pmkb}: bake a postmortem library into a static site, preview it, lint it, search it.
 * Exit codes, for every subcommand: 0 success; 1 the work failed or found problems that fail (see each
 * command); 2 wrong usage.
 */
@Command(name = "pmkb", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Turns a folder of Markdown incident postmortems into a browsable, searchable library.",
        subcommands = {BakeCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, SearchCommand.class, InitCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed, or found problems that fail it", "2:wrong usage"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Lucene and OrientDB log through java.util.logging; send it through logback.xml like everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"pmkb " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
