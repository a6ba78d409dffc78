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
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.LocalDate.class, Main::date);
        cli.setParameterExceptionHandler(Main::wrongUsage);
        return cli;
    }

    /** Without a command there is nothing to do: the usage, on stderr, and the exit code of wrong usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        throw new CommandLine.ParameterException(spec.commandLine(), NO_COMMAND);
    }

    private static final String NO_COMMAND = "no command given";

    /**
     * Wrong usage is said in one line, naming the command and where its usage is, instead of picocli's whole
     * usage text (which buries the one line that matters in a script's log).
     */
    private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (!NO_COMMAND.equals(e.getMessage())) {
            String name = command.getCommandSpec().qualifiedName();
            command.getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        }
        command.getErr().flush();
        return 2;
    }

    /** ISO dates only, with the reason a date is refused, instead of the parser's exception. */
    static java.time.LocalDate date(String value) {
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD "
                    + "(e.g. 2024-03-12)");
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"pmkb " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
