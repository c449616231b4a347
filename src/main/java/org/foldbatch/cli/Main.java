package org.foldbatch.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code foldbatch} executable: one subcommand per thing a user does. */
@Command(name = "foldbatch", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "AlphaFold 3 structure prediction as restartable Spring Batch jobs.",
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:bad input or settings, or a fold failed", "2:usage", "3:internal error",
                "4:a campaign ran but some of its candidates failed"},
        subcommands = {RunCommand.class, ValidateCommand.class, JobsCommand.class, BenchCommand.class, RandomWeightsCommand.class,
                CampaignCommand.class, SchedulerCommand.class, ReportCommand.class, WorkerCommand.class, DoctorCommand.class,
                ViewCommand.class, ServeCommand.class, StatusCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The parser with every subcommand, absl's negative flags, and the one-line error handler. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // absl's negative form of AlphaFold 3's boolean flags: --run_inference / --norun_inference.
        cli.setNegatableOptionTransformer(new CommandLine.RegexTransformer.Builder()
                .addPattern("^--(\\w+)$", "--no$1", "--[no]$1").build());
        cli.setExecutionExceptionHandler(new UserFacingErrors());
        cli.setParameterExceptionHandler(Main::usageError);
        giveVersion(cli);
        return cli;
    }

    /** A usage error is its own line (several for several refused flags) and a pointer to --help, not the whole help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    /** {@code --version} of every command and subcommand says the build's version. */
    private static void giveVersion(CommandLine cli) {
        cli.getCommandSpec().versionProvider(new BuildInfo());
        cli.getSubcommands().values().forEach(Main::giveVersion);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
