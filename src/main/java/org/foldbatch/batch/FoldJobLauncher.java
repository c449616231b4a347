package org.foldbatch.batch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry.FoldRun;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.util.ProcessOwner;
import org.foldbatch.batch.jdbc.JdbcOutputFolders;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;

/**
 * Launches one fold job per input: a new instance, a restart of a failed or crashed one (only its unfinished work
 * runs again), or nothing when the same input, stages and settings already completed and its files are there.
 *
 * <p>A fold (input + stages + output settings: its {@link #jobKey}) owns one folder per output directory, claimed in
 * {@code fb_output_folder}: {@code <out>/<name>} when free, else AlphaFold 3's {@code <out>/<name>_<timestamp>}.
 * Different inputs with the same name therefore never share a folder, and a relaunch (also {@code --force}) writes
 * to the folder its fold claimed. While a job runs, its process holds the folder, so two launches of one fold at
 * once do not write into one folder.
 */
public final class FoldJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(FoldJobLauncher.class);

    /**
     * What a launch did. {@code execution} is null when the job had already completed, and then
     * {@code missingOutputs} lists the files of its folder that are gone.
     */
    public record Outcome(String inputName, String inputHash, JobExecution execution, boolean alreadyComplete,
            Path jobDir, List<Path> missingOutputs) {

        public boolean failed() {
            return execution != null && execution.getStatus() != BatchStatus.COMPLETED;
        }

        /** Completed before, but its files are not all in its folder. */
        public boolean outputsMissing() {
            return alreadyComplete && !missingOutputs.isEmpty();
        }
    }

    private final Job foldJob;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcFoldInputStore inputs;
    private final JdbcFoldRunRegistry runs;
    private final JdbcOutputFolders folders;
    private final FoldbatchProperties properties;

    public FoldJobLauncher(Job foldJob, JobOperator jobOperator, JobRepository jobRepository, JdbcFoldInputStore inputs,
            JdbcFoldRunRegistry runs, JdbcOutputFolders folders, FoldbatchProperties properties) {
        this.foldJob = foldJob;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.inputs = inputs;
        this.runs = runs;
        this.folders = folders;
        this.properties = properties;
    }

    public Outcome launch(StoredInput input, FoldJobParameters parameters) {
        return launch(input, parameters, false);
    }

    /**
     * Launches the fold; with {@code forceOutputDir} (AlphaFold 3's {@code --force_output_dir}) a new fold takes
     * {@code <out>/<name>} even when it holds files, unless another fold claimed it.
     */
    public Outcome launch(StoredInput input, FoldJobParameters parameters, boolean forceOutputDir) {
        inputs.save(input);
        String settings = Hashing.sha256(properties.outputSettings(parameters.searchEngine()));
        String jobKey = jobKey(input.inputHash(), parameters.stages(), settings);
        Path jobDir = parameters.jobDir() != null ? claimChosen(parameters.jobDir(), parameters.outputDir(), jobKey)
                : chooseJobDir(parameters.outputDir(), input.name(), jobKey, forceOutputDir, LocalDateTime.now());
        JobParameters jobParameters = new JobParametersBuilder(parameters.withJobDir(jobDir).toJobParameters())
                .addString(FoldJobParameters.SETTINGS, settings).toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(foldJob.getName(), jobParameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            List<Path> missing = missingOutputs(input, parameters.stages(), jobDir);
            if (missing.isEmpty()) {
                log.info("{}: already completed (execution {}); use --force to run it again", input.name(), last.getId());
            }
            return new Outcome(input.name(), input.inputHash(), null, true, jobDir, missing);
        }
        if (last != null && last.getStatus().isRunning()) {
            recoverIfCrashed(input.name(), last);
        }
        if (last != null) {
            log.info("{}: restarting after execution {} ended {}", input.name(), last.getId(), last.getStatus());
        }
        String holder = hold(input.name(), jobDir);
        int stray = OutputLayout.removeStrayTempFiles(jobDir);
        if (stray > 0) {
            log.info("{}: removed {} temporary file(s) a killed run left in {}", input.name(), stray, jobDir);
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(foldJob, jobParameters);
        } catch (Exception e) {
            throw new FoldbatchException(input.name() + ": could not launch the fold job: " + e.getMessage(), e);
        } finally {
            release(jobDir, holder);
        }
        requireRecorded(input.name(), execution);
        return new Outcome(input.name(), input.inputHash(), execution, false, jobDir, List.of());
    }

    /**
     * A job whose end could not be written to the job repository (a full disk under the embedded database, a lost
     * connection) must not be reported as done: the repository, which the next launch reads, is the truth.
     */
    private void requireRecorded(String name, JobExecution execution) {
        String recorded;
        try {
            recorded = runs.recordedStatus(execution.getId());
        } catch (DataAccessException e) {
            throw new FoldbatchException(name + ": execution " + execution.getId() + " ended "
                    + execution.getStatus() + " but the database cannot be read to confirm it: "
                    + rootMessage(e) + "; fix that and run the same command again", e);
        }
        if (!execution.getStatus().name().equals(recorded)) {
            throw new FoldbatchException(name + ": execution " + execution.getId() + " ended "
                    + execution.getStatus() + " but the database records it as " + recorded
                    + " (its state could not be saved: a full disk or a lost database?); fix that and run the same "
                    + "command again");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return String.valueOf(r.getMessage()).lines().findFirst().orElse("");
    }

    /** A failed release (the database went away) is harmless: a holder whose process is gone is taken over. */
    private void release(Path jobDir, String holder) {
        try {
            folders.release(jobDir, holder);
        } catch (DataAccessException e) {
            log.warn("{}: could not release the folder in the database: {}", jobDir, e.getMessage());
        }
    }

    /** A fold's identity beyond Spring Batch's instance: input, stages and the settings that change its files. */
    static String jobKey(String inputHash, FoldJobParameters.Stages stages, String settings) {
        return Hashing.sha256(inputHash + "\n" + stages.label() + "\n" + settings);
    }

    /**
     * The folder of the fold {@code jobKey} named {@code name}: the one it claimed before under this output directory,
     * else {@code <out>/<name>} if no fold claimed it and it is empty or absent (or {@code forceOutputDir}), else
     * {@code <out>/<name>_<YYYYMMDD_HHMMSS>} as run_alphafold.py does.
     */
    public Path chooseJobDir(Path outputDir, String name, String jobKey, boolean forceOutputDir, LocalDateTime now) {
        Optional<Path> mine = folders.claimedBy(jobKey, outputDir);
        if (mine.isPresent()) {
            return mine.get();
        }
        Path usual = OutputLayout.of(outputDir, name).jobDir();
        if (!folders.isClaimed(usual) && (forceOutputDir || OutputLayout.freeOnDisk(usual))
                && folders.claim(usual, outputDir, jobKey)) {
            return usual;
        }
        for (int attempt = 0; ; attempt++) {
            Path stamped = OutputLayout.suffixedJobDir(outputDir, name, now, attempt);
            if (!folders.isClaimed(stamped) && OutputLayout.freeOnDisk(stamped)
                    && folders.claim(stamped, outputDir, jobKey)) {
                log.info("{}: output will be written in {} since {} belongs to another input or holds files",
                        name, stamped, usual);
                return stamped;
            }
        }
    }

    /** A folder the caller chose: claimed for this fold unless another fold has it, so that it can be held. */
    private Path claimChosen(Path jobDir, Path outputDir, String jobKey) {
        if (!folders.isClaimed(jobDir)) {
            folders.claim(jobDir, outputDir, jobKey);
        }
        return jobDir;
    }

    private List<Path> missingOutputs(StoredInput stored, FoldJobParameters.Stages stages, Path jobDir) {
        FoldInput input = new FoldInputLoader().parse(stored.json(), Path.of(stored.sourcePath())).get(0);
        return OutputLayout.in(jobDir, input.sanitisedName()).missingOutputs(stages.runsFeaturisation(),
                stages.runsInference(), input.modelSeeds(), properties.inference().numSamples());
    }

    /** Takes the folder for this process; refuses while another live process writes into it. */
    private String hold(String name, Path jobDir) {
        String me = ProcessOwner.currentToken();
        if (folders.hold(jobDir, me, null)) {
            return me;
        }
        Optional<String> other = folders.holder(jobDir);
        if (other.isPresent() && !ProcessOwner.tokenMayRun(other.get()) && folders.hold(jobDir, me, other.get())) {
            return me;
        }
        if (other.isEmpty() && folders.hold(jobDir, me, null)) {
            return me;
        }
        throw new FoldbatchException(name + ": " + jobDir + " is being written by another launch of this input ("
                + other.orElse("?") + "); wait for it to finish");
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
