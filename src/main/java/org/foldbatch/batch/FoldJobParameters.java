package org.foldbatch.batch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.foldbatch.input.FoldInput;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a fold job. Identity is the input's content hash plus the stages asked for (with the settings
 * hash the launcher adds, and a campaign's {@code searchEngine} when it has one), so the same input
 * launched again restarts its failed run or is reported complete; {@code fresh} (from --force) makes a new instance.
 * The output directory is not identifying: moving the output does not make the fold a different fold. Nor is
 * {@code jobDir}, the fold's own directory when the launcher chose one other than {@code <outputDir>/<name>}
 * (AlphaFold 3's {@code <name>_<timestamp>} beside a non-empty {@code <name>}).
 */
public record FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh, SearchTool searchEngine,
        Path jobDir) {

    public static final String INPUT_HASH = "input.hash";
    public static final String STAGES = "stages";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String FRESH = "fresh";
    /** The fold's own folder, chosen by {@link FoldJobLauncher} (not identifying). */
    public static final String JOB_DIR = "output.job-dir";
    /** SHA-256 of the settings that change a fold's outputs (identifying; set by {@link FoldJobLauncher}). */
    public static final String SETTINGS = "settings";
    /** Identifying, and present only when a campaign searches its protein databases with another engine. */
    public static final String SEARCH_ENGINE = "search.engine";

    /** Parameters with the settings' search engines, whose job folder the launcher chooses. */
    public FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh) {
        this(inputHash, stages, outputDir, fresh, null);
    }

    /** @param searchEngine the engine of every protein search (a campaign's), or null for the settings' */
    public FoldJobParameters(String inputHash, Stages stages, Path outputDir, String fresh, SearchTool searchEngine) {
        this(inputHash, stages, outputDir, fresh, searchEngine, null);
    }

    public FoldJobParameters withJobDir(Path chosen) {
        return new FoldJobParameters(inputHash, stages, outputDir, fresh, searchEngine, chosen);
    }

    /** Which stages of the fold this job runs; the label is part of the job's identity. */
    public enum Stages {
        /** Gene and template search, then {@code _data.json} ({@code --data-pipeline-only}). */
        DATA_PIPELINE(Part.DATA),
        /** The data pipeline, then the feature batch of each seed ({@code --featurise-only}). */
        FEATURES(Part.DATA, Part.FEATURES),
        /** Everything, as {@code run_alphafold.py} does by default. */
        FULL(Part.DATA, Part.FEATURES, Part.INFERENCE),
        /** Featurisation of a complete {@code _data.json} ({@code --no-data-pipeline --featurise-only}). */
        FEATURES_FROM_DATA(Part.FEATURES),
        /** Featurisation and inference from a complete {@code _data.json} ({@code --no-data-pipeline}). */
        INFERENCE_FROM_DATA(Part.FEATURES, Part.INFERENCE);

        private enum Part { DATA, FEATURES, INFERENCE }

        private final Set<Part> parts;

        Stages(Part... parts) {
            this.parts = Set.of(parts);
        }

        /** The parts joined by "+", e.g. {@code data+features}: part of the job's identity, so stable. */
        public String label() {
            return Arrays.stream(Part.values()).filter(parts::contains).map(p -> p.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("+"));
        }

        public boolean runsDataPipeline() {
            return parts.contains(Part.DATA);
        }

        public boolean runsFeaturisation() {
            return parts.contains(Part.FEATURES);
        }

        public boolean runsInference() {
            return parts.contains(Part.INFERENCE);
        }

        public static Stages fromLabel(String label) {
            return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown stages label " + label));
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
        if (searchEngine != null) {
            b.addString(SEARCH_ENGINE, searchEngine.engineName());
        }
        if (jobDir != null) {
            b.addString(JOB_DIR, jobDir.toAbsolutePath().normalize().toString(), false);
        }
        return b.toJobParameters();
    }

    /** The engine a job's protein databases are searched with; null means as the settings say. */
    public static SearchTool searchEngine(JobParameters parameters) {
        String engine = parameters.getString(SEARCH_ENGINE);
        return engine == null ? null : SearchTool.ofEngine(engine);
    }

    /** The directory the fold of the input named {@code name} (sanitised) writes its files to. */
    public Path jobDir(String name) {
        return jobDir != null ? jobDir : OutputLayout.of(outputDir, name).jobDir();
    }

    /** Where the fold of {@code input} writes its files: the one place the output directory parameters are read. */
    public static OutputLayout outputLayout(JobParameters parameters, FoldInput input) {
        String chosen = parameters.getString(JOB_DIR);
        return chosen != null ? OutputLayout.in(Path.of(chosen), input.sanitisedName())
                : OutputLayout.of(Path.of(parameters.getString(OUTPUT_DIR)), input.sanitisedName());
    }
}
