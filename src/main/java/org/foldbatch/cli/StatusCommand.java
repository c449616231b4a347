package org.foldbatch.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.campaign.CampaignProgress;
import org.foldbatch.batch.campaign.JdbcCampaignStore;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code foldbatch status}: where running work is, from the database, so it works for a run in another process or
 * on another machine that shares the repository.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the progress of running steps (recycle, diffusion step, elapsed, time left) from the "
                + "job repository: all, one job execution, or one campaign (folds done, failed, running, time left, "
                + "then its jobs' steps).")
final class StatusCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "JOB_OR_CAMPAIGN",
            description = "A job execution id or a campaign name (default: everything running).")
    String target;

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() {
        Long job = target != null && target.matches("\\d+") ? Long.valueOf(target) : null;
        String campaign = target != null && job == null ? target : null;
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(service.springProperties())) {
            if (campaign != null) {
                CampaignProgress progress = ctx.getBean(JdbcCampaignStore.class).progress(campaign);
                if (progress.total() == 0) {
                    throw new FoldbatchException(campaign + ": no such campaign in the job repository (nor a job "
                            + "execution id)");
                }
                System.out.println(progress.line(Instant.now()));
            }
            List<JdbcProgress.Row> rows = ctx.getBean(JdbcProgress.class).running(job, campaign);
            List<JdbcProgress.Waiting> waiting = campaign != null ? List.of()
                    : ctx.getBean(JdbcProgress.class).waiting(job);
            for (JdbcProgress.Waiting w : waiting) {
                System.out.printf("job %d %s held back since %s: %s%n", w.jobExecutionId(), w.stepName(), w.since(),
                        w.reason());
            }
            if (rows.isEmpty() && waiting.isEmpty()) {
                System.out.println("Nothing running" + (target == null ? "" : " for " + target) + ".");
            }
            for (JdbcProgress.Row r : rows) {
                System.out.printf("job %d %s [%s %d/%d, updated %s] %s%n", r.jobExecutionId(), r.stepName(),
                        r.phase(), r.done(), r.total(), r.updatedAt().toString(), r.detail());
            }
            return 0;
        }
    }
}
