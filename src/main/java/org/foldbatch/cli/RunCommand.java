package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
import picocli.CommandLine.Parameters;

/** {@code foldbatch run}: one fold job per input, restarted where it stopped when launched again. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
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

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JSON files, or directories of *.json files.")
    List<Path> inputs;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "output",
            description = "Where <name>/ folders are written (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @ArgGroup(exclusive = true)
    StageOptions stages = new StageOptions();

    @Option(names = "--force", description = "Start a fresh job even if this input already completed or failed.")
    boolean force;

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    FeaturisationOptions featurisation = new FeaturisationOptions();

    @Mixin
    InferenceOptions inference = new InferenceOptions();

    @Mixin
    ServiceOptions service = new ServiceOptions();

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
        if (noDataPipeline && stages.dataPipelineOnly) {
            System.err.println("error: --no-data-pipeline and --data-pipeline-only leave nothing to run");
            return 1;
        }
        Stages requested = Stages.of(stages.dataPipelineOnly, stages.featuriseOnly, noDataPipeline);
        List<StoredInput> loaded = new ArrayList<>();
        for (Path file : InputFiles.expand(inputs)) {
            for (FoldInput input : new FoldInputLoader().load(file)) {
                UserTemplates.requireValid(input, file.toString());
                input.warnings().forEach(w -> System.err.printf("warning: %s: %s: %s%n", file, input.name(), w));
                String json = FoldInputWriter.toJson(input);
                loaded.add(new StoredInput(input.contentHash(), input.sanitisedName(), file.toAbsolutePath().toString(),
                        json));
            }
        }
        Map<String, Object> properties = service.springProperties();
        properties.putAll(search.springProperties());
        properties.putAll(featurisation.springProperties());
        properties.putAll(inference.springProperties());
        int failures = 0;
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            ctx.getBean(Preflight.class).check(requested, loaded.stream().map(s -> new FoldInputLoader().parse(s.json(), Path.of(s.sourcePath())).get(0)).toList());
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            // Unique per launch: two --force runs started in the same millisecond are still two instances.
            String fresh = force ? System.currentTimeMillis() + "-" + ProcessHandle.current().pid() : null;
            for (StoredInput input : loaded) {
                FoldJobParameters parameters = new FoldJobParameters(input.inputHash(), requested, outputDir, fresh);
                FoldJobLauncher.Outcome outcome = launcher.launch(input, parameters);
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
}
