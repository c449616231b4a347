package org.foldbatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code foldbatch} executable: one subcommand per thing a user does. */
@Command(name = "foldbatch", mixinStandardHelpOptions = true, version = "foldbatch 0.1.0",
        description = "AlphaFold 3 structure prediction as restartable Spring Batch jobs.",
        subcommands = {RunCommand.class, ValidateCommand.class, JobsCommand.class, BenchCommand.class, RandomWeightsCommand.class,
                CampaignCommand.class, SchedulerCommand.class, ReportCommand.class, WorkerCommand.class, ViewCommand.class, ServeCommand.class, StatusCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserFacingErrors());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
