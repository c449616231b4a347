package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.campaign.JdbcCampaignStore.CampaignRun;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs a campaign: stores its plan and inputs, records the run, and launches the campaign job. A manual run after a
 * failed one with the same plan restarts it (only unfinished candidates run); a run while another is still going is
 * skipped and recorded as SKIPPED; a run whose process died is marked failed and restarted.
 */
public final class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

    public enum Trigger { MANUAL, SCHEDULE }

    /**
     * What a run did; {@code execution} is null when the run was skipped, {@code page} (the campaign's page) when
     * it was skipped or its page could not be written.
     */
    public record Outcome(String campaign, long runId, JobExecution execution, boolean skipped, String message,
            Path page) {

        public boolean completed() {
            return execution != null && execution.getStatus() == BatchStatus.COMPLETED;
        }
    }

    private final Job campaignJob;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcCampaignStore store;
    private final JdbcFoldInputStore inputs;
    private final CampaignPages pages;

    CampaignLauncher(Job campaignJob, JobOperator jobOperator, JobRepository jobRepository,
            JdbcCampaignStore store, JdbcFoldInputStore inputs, CampaignPages pages) {
        this.campaignJob = campaignJob;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.store = store;
        this.inputs = inputs;
        this.pages = pages;
    }

    public Outcome run(Campaign campaign, Path outputDir, Trigger trigger, Instant scheduledFor) {
        String plan = campaign.planHash();
        Optional<CampaignRun> latest = store.latestRun(campaign.name());
        if (latest.isPresent() && latest.get().status().equals("STARTED")) {
            CampaignRun running = latest.get();
            if (running.host() != null && (running.pid() == null
                    || new ProcessOwner(running.host(), running.pid()).mayRunSince(running.startedAt()))) {
                String message = "previous run " + running.id() + " is still running on " + running.host() + " (pid "
                        + running.pid() + ")";
                long id = store.startRun(campaign.name(), plan, trigger.name(), scheduledFor, "SKIPPED", ProcessOwner.hostName(),
                        ProcessHandle.current().pid(), message);
                log.info("{}: skipped: {}", campaign.name(), message);
                return new Outcome(campaign.name(), id, null, true, message, null);
            }
            recover(campaign.name(), running);
        }
        store.savePlan(campaign);
        for (Candidate c : campaign.candidates()) {
            inputs.save(new StoredInput(c.input().contentHash(), c.input().sanitisedName(),
                    campaign.source() == null ? "campaign:" + campaign.name() : campaign.source().toAbsolutePath()
                            .toString(), FoldInputWriter.toJson(c.input())));
        }
        String label = restartLabel(trigger, plan, latest).orElse(trigger == Trigger.SCHEDULE && scheduledFor != null
                ? scheduledFor.toString() : Instant.now().toString());
        long runId = store.startRun(campaign.name(), plan, trigger.name(), scheduledFor, "STARTED", ProcessOwner.hostName(),
                ProcessHandle.current().pid(), null);
        JobExecution execution;
        try {
            execution = jobOperator.start(campaignJob,
                    new CampaignJobParameters(campaign.name(), plan, label, outputDir, runId).toJobParameters());
        } catch (Exception e) {
            store.finishRun(runId, "FAILED", e.getMessage());
            throw new FoldbatchException(campaign.name() + ": could not launch the campaign job: " + e.getMessage(), e);
        }
        String message = execution.getStatus() == BatchStatus.COMPLETED ? null : exitMessage(execution);
        store.finishRun(runId, execution.getStatus().name(), message);
        // After the run is recorded as ended, so the page's run history shows how it ended.
        Path page = pages.refresh(campaign.name(), OutputLayout.safeChild(outputDir, campaign.name()));
        return new Outcome(campaign.name(), runId, execution, false, message, page);
    }

    /** A manual run after a failed run of the same plan continues that run (same job instance). */
    private Optional<String> restartLabel(Trigger trigger, String plan, Optional<CampaignRun> latest) {
        if (trigger != Trigger.MANUAL || latest.isEmpty() || !plan.equals(latest.get().planHash())
                || latest.get().jobExecutionId() == null) {
            return Optional.empty();
        }
        JobExecution last = jobRepository.getJobExecution(latest.get().jobExecutionId());
        if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return Optional.empty();
        }
        log.info("{}: restarting run {} (execution {} ended {})", latest.get().campaignName(), latest.get().id(),
                last.getId(), last.getStatus());
        return Optional.ofNullable(last.getJobParameters().getString(CampaignJobParameters.RUN));
    }

    private void recover(String campaign, CampaignRun crashed) {
        log.warn("{}: run {} was left STARTED by a process that no longer runs; marking it failed", campaign,
                crashed.id());
        store.finishRun(crashed.id(), "FAILED", "process " + crashed.pid() + " on " + crashed.host() + " died");
        if (crashed.jobExecutionId() != null) {
            JobExecution execution = jobRepository.getJobExecution(crashed.jobExecutionId());
            if (execution != null && execution.getStatus().isRunning()) {
                jobOperator.recover(execution);
            }
        }
    }

    private static String exitMessage(JobExecution execution) {
        String description = execution.getExitStatus().getExitDescription();
        for (var step : execution.getStepExecutions()) {
            for (Throwable t : step.getFailureExceptions()) {
                description = step.getStepName() + ": " + t.getMessage();
            }
        }
        if (description == null) {
            return null;
        }
        int nl = description.indexOf('\n');
        return nl < 0 ? description : description.substring(0, nl);
    }
}
