package org.foldbatch.batch;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a fold job. Identity is the input's content hash plus the stages asked for, so the same input
 * launched again restarts its failed run or is reported complete; {@code fresh} (from --force) makes a new instance.
 * The output directory is not identifying: moving the output does not make the fold a different fold.
 */
public record FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh) {

    public static final String INPUT_HASH = "input.hash";
    public static final String STAGES = "stages";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String FRESH = "fresh";

    /** Which stages of the fold this job runs. */
    public enum Stages {
        DATA_PIPELINE("data");

        private final String label;

        Stages(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(INPUT_HASH, inputHash)
                .addString(STAGES, stages.label())
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString(), false);
        if (fresh != null) {
            b.addString(FRESH, fresh);
        }
        return b.toJobParameters();
    }
}
