package org.foldbatch.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.batch.Preflight;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.template.UserTemplates;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code foldbatch run}: one fold job per input, restarted where it stopped when launched again. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Run the fold job of each input: gene and template search, <name>/<name>_data.json, "
                + "featurisation and inference per seed, then AlphaFold 3's output files.",
                "Launching the same input again restarts a failed run (finished partitions are not redone) or reports "
                        + "that it already completed."},
        footer = {"", "Example:  foldbatch run samples/inputs/5tgy.json --config samples/foldbatch-sample.properties "
                + "--output-dir out --data-pipeline-only",
                "          foldbatch random-weights /tmp/random-model && foldbatch run samples/inputs/5tgy.json "
                        + "--config samples/foldbatch-sample.properties --model-dir /tmp/random-model "
                        + "--num-diffusion-samples 2 --diffusion-steps 10 --num-recycles 1"})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "JSON files, or directories of *.json files (or AlphaFold 3's --json_path / --input_dir).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "output",
            description = "Where <name>/ folders are written (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @ArgGroup(exclusive = true)
    StageOptions stages = new StageOptions();

    @Option(names = "--force", description = "Start a fresh job even if this input already completed or failed.")
    boolean force;

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @ArgGroup(exclusive = false, validate = false, heading = "%nAlphaFold 3's run_alphafold.py flags, same spelling "
            + "and meaning (absl forms: --flag=value, --flag value, --flag, --noflag, --flag=false):%n")
    AlphaFold3JobFlags af3Job = new AlphaFold3JobFlags();

    @ArgGroup(exclusive = false, validate = false)
    AlphaFold3Flags af3 = new AlphaFold3Flags();

    @Spec
    CommandSpec spec;

    static final class StageOptions {
        @Option(names = "--data-pipeline-only", description = "Stop after the data pipeline (writes <name>_data.json).")
        boolean dataPipelineOnly;

        @Option(names = "--featurise-only",
                description = "Stop after featurisation (writes seed-S_features/<name>_seed-S_features.bin per seed).")
        boolean featuriseOnly;
    }

    @Option(names = "--no-data-pipeline",
            description = "Skip gene and template search: the input must carry its MSAs and templates (a _data.json).")
    boolean noDataPipeline;

    @Override
    public Integer call() {
        Map<String, Object> properties = springProperties();
        Stages requested = stages();
        List<StoredInput> loaded = new ArrayList<>();
        for (Path file : InputFiles.expand(inputFiles())) {
            for (FoldInput given : new FoldInputLoader().load(file)) {
                FoldInput input = withSeeds(given, file);
                UserTemplates.requireValid(input, file.toString());
                input.warnings().forEach(w -> System.err.printf("warning: %s: %s: %s%n", file, input.name(), w));
                String json = FoldInputWriter.toJson(input);
                loaded.add(new StoredInput(input.contentHash(), input.sanitisedName(), file.toAbsolutePath().toString(),
                        json));
            }
        }
        Path outputDir = outputDir();
        if (requested.runsDataPipeline()) {
            HmmerInstaller.provideIfMissing(properties);
        }
        int failures = 0;
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            ctx.getBean(Preflight.class).check(requested, loaded.stream().map(s -> new FoldInputLoader().parse(s.json(), Path.of(s.sourcePath())).get(0)).toList());
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            // Unique per launch: two --force runs started in the same millisecond are still two instances.
            String fresh = force ? System.currentTimeMillis() + "-" + ProcessHandle.current().pid() : null;
            for (StoredInput input : loaded) {
                FoldJobLauncher.Outcome outcome = launcher.launch(input,
                        new FoldJobParameters(input.inputHash(), requested, outputDir, fresh),
                        Boolean.TRUE.equals(af3Job.forceOutputDir));
                if (outcome.outputsMissing()) {
                    failures++;
                    System.out.printf("%s: already completed, but %d of its files are missing from %s (first: %s); "
                            + "rewrite them with: foldbatch run %s --output-dir %s --force (and the same settings)%n",
                            input.name(), outcome.missingOutputs().size(), outcome.jobDir(),
                            outcome.jobDir().relativize(outcome.missingOutputs().get(0)), input.sourcePath(), outputDir);
                } else if (outcome.alreadyComplete()) {
                    System.out.printf("%s: already completed; output in %s (use --force to run again)%n",
                            input.name(), outcome.jobDir());
                } else if (outcome.failed()) {
                    failures++;
                    System.out.printf("%s: %s (execution %d): %s%n", input.name(), outcome.execution().getStatus(),
                            outcome.execution().getId(), FailureMessages.of(outcome.execution()));
                } else {
                    System.out.printf("%s: completed (execution %d); output in %s%n", input.name(),
                            outcome.execution().getId(), outcome.jobDir());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Every setting the flags give, AlphaFold 3's spellings last so that they win; refused flags stop here. */
    Map<String, Object> springProperties() {
        return settings.springProperties(af3, spec.commandLine());
    }

    Stages stages() {
        boolean dataPipelineOnly = stages.dataPipelineOnly || Boolean.FALSE.equals(af3Job.runInference);
        boolean skipDataPipeline = noDataPipeline || Boolean.FALSE.equals(af3Job.runDataPipeline);
        if (Boolean.FALSE.equals(af3Job.runInference) && Boolean.FALSE.equals(af3Job.runDataPipeline)) {
            throw new ParameterException(spec.commandLine(),
                    "At least one of --run_inference or --run_data_pipeline must be set to true.");
        }
        if (skipDataPipeline && dataPipelineOnly) {
            throw new ParameterException(spec.commandLine(),
                    "--no-data-pipeline and --data-pipeline-only leave nothing to run");
        }
        if (stages.featuriseOnly && dataPipelineOnly) {
            throw new ParameterException(spec.commandLine(),
                    "--featurise-only and --run_inference=false (--data-pipeline-only) cannot be combined");
        }
        return Stages.of(dataPipelineOnly, stages.featuriseOnly, skipDataPipeline);
    }

    List<Path> inputFiles() {
        if (af3Job.jsonPath != null && af3Job.inputDir != null) {
            throw new ParameterException(spec.commandLine(),
                    "Exactly one of --json_path or --input_dir must be specified.");
        }
        List<Path> all = new ArrayList<>(inputs);
        if (af3Job.jsonPath != null) {
            all.add(af3Job.jsonPath);
        }
        if (af3Job.inputDir != null) {
            all.add(af3Job.inputDir);
        }
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing INPUT (or --json_path / --input_dir)");
        }
        return all;
    }

    Path outputDir() {
        return af3Job.outputDir != null ? af3Job.outputDir : outputDir;
    }

    /** AlphaFold 3's --num_seeds, applied before the input's hash is taken: more seeds make a different fold. */
    FoldInput withSeeds(FoldInput input, Path file) {
        if (af3Job.numSeeds == null) {
            return input;
        }
        try {
            System.out.printf("Expanding fold job %s to %d seeds%n", input.name(), af3Job.numSeeds);
            return input.withMultipleSeeds(af3Job.numSeeds);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException(file + ": --num_seeds=" + af3Job.numSeeds + ": " + e.getMessage());
        }
    }
}
