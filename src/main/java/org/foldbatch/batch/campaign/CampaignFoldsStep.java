package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foldbatch.output.OutputLayout;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlanDefinition;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlannedCandidate;
import org.foldbatch.batch.campaign.JdbcCampaignStore.Status;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.FoldbatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * The fan-out: one fold job per candidate still to run, through {@link FoldJobLauncher} (so every stage the fold job
 * has runs for each candidate, and a crashed or failed fold job is restarted where it stopped). A failing candidate
 * is recorded and the others go on; the step fails at the end if any did, so restarting the campaign retries them.
 */
final class CampaignFoldsStep extends AbstractStep {

    private static final Logger log = LoggerFactory.getLogger(CampaignFoldsStep.class);

    private final JdbcCampaignStore store;
    private final JdbcFoldInputStore foldInputs;
    private final FoldJobLauncher launcher;
    private final int parallelFolds;
    private final CampaignPages pages;

    private static final long PROGRESS_EVERY_NANOS = java.time.Duration.ofSeconds(10).toNanos();
    private long lastProgressLog = Long.MIN_VALUE;

    CampaignFoldsStep(String name, JobRepository repository, JdbcCampaignStore store, JdbcFoldInputStore foldInputs,
            FoldJobLauncher launcher, int parallelFolds, CampaignPages pages) {
        super(name);
        setJobRepository(repository);
        this.store = store;
        this.foldInputs = foldInputs;
        this.launcher = launcher;
        this.pages = pages;
        this.parallelFolds = Math.max(1, parallelFolds);
    }

    @Override
    protected void doExecute(StepExecution stepExecution) throws Exception {
        String plan = stepExecution.getJobParameters().getString(CampaignJobParameters.PLAN);
        Path out = CampaignJobParameters.outputDir(stepExecution.getJobParameters());
        PlanDefinition definition = store.definition(plan);
        Path campaignDir = OutputLayout.safeChild(out, definition.campaignName());
        List<PlannedCandidate> todo = store.candidates(plan).stream()
                .filter(c -> c.status() == Status.PENDING || c.status() == Status.FAILED
                        || c.status() == Status.RUNNING)
                .toList();
        stepExecution.setReadCount(todo.size());
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelFolds, Math.max(1, todo.size())));
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (PlannedCandidate c : todo) {
                results.add(pool.submit(() -> fold(definition, c, campaignDir)));
            }
            for (int i = 0; i < todo.size(); i++) {
                if (!results.get(i).get()) {
                    failed.add(todo.get(i).name());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        stepExecution.setWriteCount(todo.size() - failed.size());
        stepExecution.setProcessSkipCount(failed.size());
        if (!failed.isEmpty()) {
            throw new FoldbatchException(failed.size() + " of " + todo.size()
                    + " candidates failed (restart the campaign to retry them): "
                    + String.join(", ", failed.subList(0, Math.min(20, failed.size())))
                    + (failed.size() > 20 ? ", ..." : ""));
        }
    }

    /** Runs one candidate's fold job and logs where the campaign is; true when it completed (now or earlier). */
    private boolean fold(PlanDefinition definition, PlannedCandidate c, Path campaignDir) {
        try {
            return foldOne(definition, c, campaignDir);
        } finally {
            logProgress(definition.campaignName(), campaignDir);
        }
    }

    /**
     * A plain line and a fresh page at most every 10 s (folds finish in parallel threads; a large screen's page is
     * not redrawn per fold). The launcher writes the page once more when the run ends.
     */
    private synchronized void logProgress(String campaign, Path campaignDir) {
        long now = System.nanoTime();
        if (lastProgressLog == Long.MIN_VALUE || now - lastProgressLog >= PROGRESS_EVERY_NANOS) {
            lastProgressLog = now;
            log.info("[campaignFolds] {}", store.progress(campaign).line(java.time.Instant.now()));
            pages.refresh(campaign, campaignDir);
        }
    }

    private boolean foldOne(PlanDefinition definition, PlannedCandidate c, Path campaignDir) {
        String campaign = definition.campaignName();
        Stages stages = definition.stages();
        StoredInput input = foldInputs.find(c.inputHash()).orElseThrow();
        FoldJobParameters parameters = new FoldJobParameters(c.inputHash(), stages, campaignDir, null,
                definition.searchEngine());
        String folder = parameters.jobDir(input.name()).toString();
        store.setCandidate(campaign, c.name(), c.inputHash(), input.name(), stages, c.tokens(), Status.RUNNING, null,
                null, folder);
        try {
            FoldJobLauncher.Outcome outcome = launcher.launch(input, parameters);
            JobExecution execution = outcome.execution() != null ? outcome.execution()
                    : getJobRepository().getLastJobExecution("foldJob", parameters.toJobParameters());
            Long executionId = execution == null ? c.jobExecutionId() : execution.getId();
            if (outcome.failed()) {
                store.setCandidate(campaign, c.name(), c.inputHash(), input.name(), stages, c.tokens(), Status.FAILED,
                        failure(execution), executionId, folder);
                return false;
            }
            store.setCandidate(campaign, c.name(), c.inputHash(), input.name(), stages, c.tokens(), Status.COMPLETED,
                    null, executionId, folder);
            return true;
        } catch (RuntimeException e) {
            log.warn("{}: candidate {} could not run: {}", campaign, c.name(), e.getMessage());
            store.setCandidate(campaign, c.name(), c.inputHash(), input.name(), stages, c.tokens(), Status.FAILED,
                    String.valueOf(e.getMessage()), null, folder);
            return false;
        }
    }

    private static String failure(JobExecution execution) {
        List<String> lines = new ArrayList<>();
        execution.getStepExecutions().forEach(s -> s.getFailureExceptions()
                .forEach(t -> lines.add(s.getStepName() + ": " + firstLine(t.getMessage()))));
        execution.getFailureExceptions().forEach(t -> lines.add(firstLine(t.getMessage())));
        return lines.isEmpty() ? execution.getExitStatus().getExitDescription() : String.join("; ", lines);
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
