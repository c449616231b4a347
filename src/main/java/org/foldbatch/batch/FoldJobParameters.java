package org.foldbatch.batch;

import java.nio.file.Path;

import org.foldbatch.input.FoldInput;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a fold job. Identity is the input's content hash plus the stages asked for, so the same input
 * launched again restarts its failed run or is reported complete; {@code fresh} (from --force) makes a new instance.
 * The output directory is not identifying: moving the output does not make the fold a different fold.
 */
public record FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh, Path jobDir) {

    public static final String INPUT_HASH = "input.hash";
    public static final String STAGES = "stages";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String FRESH = "fresh";
    /** The fold's own folder, chosen by {@link FoldJobLauncher} (not identifying). */
    public static final String JOB_DIR = "output.job-dir";
    /** SHA-256 of the settings that change a fold's outputs (identifying; set by {@link FoldJobLauncher}). */
    public static final String SETTINGS = "settings";

    /** Parameters whose job folder the launcher chooses. */
    public FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh) {
        this(inputHash, stages, outputDir, fresh, null);
    }

    public FoldJobParameters withJobDir(Path chosen) {
        return new FoldJobParameters(inputHash, stages, outputDir, fresh, chosen);
    }

    /** Which stages of the fold this job runs; the label is part of the job's identity. */
    public enum Stages {
        /** Gene and template search, then {@code _data.json} ({@code --data-pipeline-only}). */
        DATA_PIPELINE("data", true, false, false),
        /** The data pipeline, then the feature batch of each seed ({@code --featurise-only}). */
        FEATURES("data+features", true, true, false),
        /** Everything, as {@code run_alphafold.py} does by default. */
        FULL("data+features+inference", true, true, true),
        /** Featurisation of a complete {@code _data.json} ({@code --no-data-pipeline --featurise-only}). */
        FEATURES_FROM_DATA("features", false, true, false),
        /** Featurisation and inference from a complete {@code _data.json} ({@code --no-data-pipeline}). */
        INFERENCE_FROM_DATA("features+inference", false, true, true);

        private final String label;
        private final boolean dataPipeline;
        private final boolean featurisation;
        private final boolean inference;

        Stages(String label, boolean dataPipeline, boolean featurisation, boolean inference) {
            this.label = label;
            this.dataPipeline = dataPipeline;
            this.featurisation = featurisation;
            this.inference = inference;
        }

        public String label() {
            return label;
        }

        public boolean runsDataPipeline() {
            return dataPipeline;
        }

        public boolean runsFeaturisation() {
            return featurisation;
        }

        public boolean runsInference() {
            return inference;
        }

        public static Stages fromLabel(String label) {
            for (Stages s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown stages label " + label);
        }

        /** The stages the CLI's flags ask for. */
        public static Stages of(boolean dataPipelineOnly, boolean featuriseOnly, boolean noDataPipeline) {
            if (noDataPipeline) {
                return featuriseOnly ? FEATURES_FROM_DATA : INFERENCE_FROM_DATA;
            }
            if (dataPipelineOnly) {
                return DATA_PIPELINE;
            }
            return featuriseOnly ? FEATURES : FULL;
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
        if (jobDir != null) {
            b.addString(JOB_DIR, jobDir.toAbsolutePath().normalize().toString(), false);
        }
        return b.toJobParameters();
    }

    /** The directory the fold of the input named {@code name} (sanitised) writes its files to. */
    public Path jobDir(String name) {
        return jobDir != null ? jobDir : OutputLayout.of(outputDir, name).jobDir();
    }

    /** Where the fold of {@code input} writes its files: the one place the output directory parameter is read. */
    public static OutputLayout outputLayout(JobParameters parameters, FoldInput input) {
        String chosen = parameters.getString(JOB_DIR);
        return chosen != null ? OutputLayout.in(Path.of(chosen), input.sanitisedName())
                : OutputLayout.of(Path.of(parameters.getString(OUTPUT_DIR)), input.sanitisedName());
    }
}
