package org.foldbatch.batch;

import java.time.ZoneId;
import java.util.Optional;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry.FoldRun;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches one fold job per input: a new instance, a restart of a failed or crashed one (only its unfinished work
 * runs again), or nothing when the same input and stages already completed.
 */
public final class FoldJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(FoldJobLauncher.class);

    /** What a launch did. {@code execution} is null when the job had already completed. */
    public record Outcome(String inputName, String inputHash, JobExecution execution, boolean alreadyComplete) {

        public boolean failed() {
            return execution != null && execution.getStatus() != BatchStatus.COMPLETED;
        }
    }

    private final Job foldJob;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcFoldInputStore inputs;
    private final JdbcFoldRunRegistry runs;

    public FoldJobLauncher(Job foldJob, JobOperator jobOperator, JobRepository jobRepository, JdbcFoldInputStore inputs,
            JdbcFoldRunRegistry runs) {
        this.foldJob = foldJob;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.inputs = inputs;
        this.runs = runs;
    }

    /** The last execution of the fold these parameters identify, if it ran before (output directories aside). */
    public Optional<JobExecution> lastExecution(FoldJobParameters parameters) {
        return Optional.ofNullable(jobRepository.getLastJobExecution(foldJob.getName(), parameters.toJobParameters()));
    }

    public Outcome launch(StoredInput input, FoldJobParameters parameters) {
        inputs.save(input);
        JobParameters jobParameters = parameters.toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(foldJob.getName(), jobParameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("{}: already completed (execution {}); use --force to run it again", input.name(), last.getId());
            return new Outcome(input.name(), input.inputHash(), null, true);
        }
        if (last != null && last.getStatus().isRunning()) {
            recoverIfCrashed(input.name(), last);
        }
        if (last != null) {
            log.info("{}: restarting after execution {} ended {}", input.name(), last.getId(), last.getStatus());
        }
        try {
            return new Outcome(input.name(), input.inputHash(), jobOperator.start(foldJob, jobParameters), false);
        } catch (Exception e) {
            throw new FoldbatchException(input.name() + ": could not launch the fold job: " + e.getMessage(), e);
        }
    }

    private void recoverIfCrashed(String name, JobExecution running) {
        Optional<FoldRun> owner = runs.find(running.getId());
        if (owner.isPresent() && !owner.get().host().equals(ProcessOwner.hostName())) {
            throw new FoldbatchException(name + ": execution " + running.getId() + " is running on host "
                    + owner.get().host() + " (pid " + owner.get().pid() + "); wait for it, or stop it there");
        }
        if (owner.isPresent() && new ProcessOwner(owner.get().host(), owner.get().pid())
                .aliveSince(running.getCreateTime() == null ? null
                        : running.getCreateTime().atZone(ZoneId.systemDefault()).toInstant())) {
            throw new FoldbatchException(name + ": execution " + running.getId() + " is still running in process "
                    + owner.get().pid() + " on this host");
        }
        log.warn("{}: execution {} was left {} by a process that no longer runs; marking it failed and restarting",
                name, running.getId(), running.getStatus());
        jobOperator.recover(running);
    }

}
