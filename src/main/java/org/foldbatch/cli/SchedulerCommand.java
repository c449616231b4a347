package org.foldbatch.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foldbatch.batch.campaign.CampaignLauncher;
import org.foldbatch.batch.campaign.CampaignScheduler;
import org.foldbatch.batch.campaign.JdbcCampaignStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code foldbatch scheduler}: runs the campaigns of the jobs directory on their cron schedules until stopped. */
@Command(name = "scheduler", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the campaigns in --jobs-dir on their schedules (cron: second minute hour day month "
                + "weekday), until stopped.",
                "A campaign whose previous run is still going is skipped for that time; every run and skip is recorded"
                        + " (foldbatch report --section runs)."},
        footer = {"", "Example:  foldbatch scheduler --jobs-dir jobs --config samples/foldbatch-sample.properties"})
final class SchedulerCommand implements Callable<Integer> {

    @Option(names = "--jobs-dir", defaultValue = "jobs", description = "Campaign directory (default ${DEFAULT-VALUE}).")
    Path jobsDir;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "output",
            description = "Outputs go to DIR/<campaign>/<fold name>/ (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() {
        Map<String, Object> properties = service.springProperties();
        properties.putAll(search.springProperties());
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            CampaignScheduler scheduler = new CampaignScheduler(jobsDir,
                    CampaignScheduler.launching(ctx.getBean(CampaignLauncher.class), outputDir),
                    ctx.getBean(JdbcCampaignStore.class), Clock.systemDefaultZone());
            scheduler.runForever();
        }
        return 0;
    }
}
