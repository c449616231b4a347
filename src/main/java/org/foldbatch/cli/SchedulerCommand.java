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

/** {@code foldbatch scheduler}: runs the campaigns of the jobs directory on their cron schedules until stopped. */
@Command(name = "scheduler", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the campaigns in --jobs-dir on their schedules (cron: second minute hour day month "
                + "weekday), until stopped.",
                "A campaign whose previous run is still going is skipped for that time; every run and skip is recorded"
                        + " (foldbatch report --section runs)."},
        footer = {"", "Example:  foldbatch scheduler --jobs-dir jobs --config samples/foldbatch-sample.properties"})
final class SchedulerCommand implements Callable<Integer> {

    @Mixin
    CampaignDirs dirs = new CampaignDirs();

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Override
    public Integer call() {
        Map<String, Object> properties = settings.springProperties();
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            CampaignScheduler scheduler = new CampaignScheduler(dirs.jobsDir,
                    CampaignScheduler.launching(ctx.getBean(CampaignLauncher.class), dirs.outputDir),
                    ctx.getBean(JdbcCampaignStore.class), Clock.systemDefaultZone());
            scheduler.runForever();
        }
        return 0;
    }
}
