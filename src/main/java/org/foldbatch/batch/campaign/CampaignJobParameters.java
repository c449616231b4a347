package org.foldbatch.batch.campaign;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a campaign job. Identity is the campaign name, its plan hash and the run label (a night's
 * schedule time, or the time of a manual launch), so a failed run restarts with the same label and a new night is a
 * new instance. The output directory and the run-record id are not identifying.
 */
public record CampaignJobParameters(String campaignName, String planHash, String runLabel, Path outputDir, long runId) {

    public static final String NAME = "campaign.name";
    public static final String PLAN = "campaign.plan";
    public static final String RUN = "campaign.run";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String RUN_ID = "campaign.run.id";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(NAME, campaignName)
                .addString(PLAN, planHash)
                .addString(RUN, runLabel)
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString(), false)
                .addLong(RUN_ID, runId, false)
                .toJobParameters();
    }

    /** The campaign's output directory: the one place its parameter is read back as a path. */
    public static Path outputDir(JobParameters parameters) {
        return Path.of(parameters.getString(OUTPUT_DIR));
    }
}
