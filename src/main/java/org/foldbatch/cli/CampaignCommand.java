package org.foldbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.Preflight;
import org.foldbatch.batch.campaign.Campaign;
import org.foldbatch.batch.campaign.CampaignLauncher;
import org.foldbatch.batch.campaign.CampaignReader;
import org.foldbatch.batch.campaign.Candidate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foldbatch campaign}: check, list and run campaign files by hand. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Campaigns: fixed chains plus candidates, one fold job per candidate (files in jobs/).",
        subcommands = {CampaignCommand.Validate.class, CampaignCommand.ListCampaigns.class, CampaignCommand.Run.class})
final class CampaignCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A campaign file, or the name of a campaign in the jobs directory. */
    static Campaign resolve(String fileOrName, Path jobsDir) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return CampaignReader.read(file);
        }
        if (Files.isDirectory(jobsDir)) {
            for (Path candidate : CampaignReader.files(jobsDir)) {
                Campaign c = CampaignReader.read(candidate);
                if (c.name().equals(fileOrName)) {
                    return c;
                }
            }
        }
        throw new FoldbatchException(fileOrName + ": $: no such campaign file, and no campaign of that name in "
                + jobsDir);
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Read campaign files, expand their candidates and print each problem; run nothing.")
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE",
                description = "Campaign files (.yaml, .yml, .json) or directories.")
        List<Path> files;

        @Override
        public Integer call() {
            int bad = 0;
            for (Path path : files) {
                for (Path file : Files.isDirectory(path) ? CampaignReader.files(path) : List.of(path)) {
                    try {
                        Campaign c = CampaignReader.read(file);
                        System.out.printf("%s: ok: campaign %s, %s, %d candidates%s%n", file, c.name(),
                                c.mode().label(), c.candidates().size(),
                                c.schedule() == null ? "" : ", schedule \"" + c.schedule() + "\"");
                    } catch (FoldbatchException e) {
                        bad++;
                        System.out.println(e.getMessage());
                    }
                }
            }
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The campaigns of the jobs directory: mode, candidates, schedule and next scheduled run.")
    static final class ListCampaigns implements Callable<Integer> {

        @Option(names = "--jobs-dir", defaultValue = "jobs",
                description = "Campaign directory (default ${DEFAULT-VALUE}).")
        Path jobsDir;

        @Override
        public Integer call() {
            System.out.printf("%-28s %-14s %10s  %-16s %s%n", "campaign", "mode", "candidates", "schedule", "next run");
            for (Path file : CampaignReader.files(jobsDir)) {
                try {
                    Campaign c = CampaignReader.read(file);
                    String next = c.schedule() == null ? "by hand"
                            : String.valueOf(CronExpression.parse(c.schedule()).next(ZonedDateTime.now()));
                    System.out.printf("%-28s %-14s %10d  %-16s %s%n", c.name(), c.mode().label(), c.candidates().size(),
                            c.schedule() == null ? "-" : c.schedule(), next);
                } catch (FoldbatchException e) {
                    System.out.println(e.getMessage());
                }
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run a campaign now: each unique chain's data pipeline once, then one fold job per "
                    + "candidate.", "Run it again after a failure and only the unfinished candidates run; finished "
                    + "candidates are never recomputed."},
            footer = {"", "Example:  foldbatch campaign run jobs/response_regulator_ligand_screen.yaml "
                    + "--config samples/foldbatch-sample.properties"})
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CAMPAIGN",
                description = "A campaign file, or a campaign name in --jobs-dir.")
        String campaign;

        @Mixin
        CampaignDirs dirs = new CampaignDirs();

        @Setting("foldbatch.campaign.parallel-folds")
        @Option(names = "--parallel-folds", paramLabel = "N",
                description = "Candidate fold jobs at once (default 1; more with remote workers).")
        Integer parallelFolds;

        @Setting("foldbatch.remote.enabled")
        @Option(names = "--remote",
                description = "Send gene-search partitions to foldbatch worker processes (RabbitMQ).")
        boolean remoteWorkers;

        @Mixin
        RemoteSettingsOptions settings = new RemoteSettingsOptions();

        @Override
        public Integer call() {
            Campaign c = resolve(campaign, dirs.jobsDir);
            Map<String, Object> properties = FoldbatchContext.layered(settings.springProperties(),
                    FlagSettings.of(this));
            if (parallelFolds != null && parallelFolds > 1) {
                // Concurrent launches under Spring Batch's default SERIALIZABLE create abort on PostgreSQL
                // ("could not serialize access"); the job key's unique constraint still prevents duplicates.
                properties.put("spring.batch.jdbc.isolation-level-for-create", "read_committed");
            }
            try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
                ctx.getBean(Preflight.class).check(c.candidates().stream().map(Candidate::input).toList(),
                        c.searchEngine());
                CampaignLauncher.Outcome outcome = ctx.getBean(CampaignLauncher.class)
                        .run(c, dirs.outputDir, CampaignLauncher.Trigger.MANUAL, null);
                if (outcome.skipped()) {
                    System.out.printf("%s: not started: %s%n", c.name(), outcome.message());
                    return 1;
                }
                System.out.printf("%s: %s (run %d, execution %d)%s%n", c.name(), outcome.execution().getStatus(),
                        outcome.runId(), outcome.execution().getId(),
                        outcome.message() == null ? "" : ": " + outcome.message());
                if (outcome.page() != null) {
                    System.out.printf("page: %s%n", outcome.page().toAbsolutePath());
                }
                System.out.printf("see: foldbatch report %s%n", c.name());
                return outcome.completed() ? ExitCodes.DONE : ExitCodes.CANDIDATES_FAILED;
            }
        }
    }
}
