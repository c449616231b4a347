package org.foldbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.remote.Stage;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code foldbatch worker}: takes partitions (gene and template searches, featurisation and inference seeds) of the
 * stages it is started for from their RabbitMQ queues and runs them, until stopped. The model is loaded on the first
 * inference partition and kept for the next.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Run partitions sent by fold and campaign jobs started with foldbatch.remote.enabled=true "
                + "(campaign run --remote): gene and template searches, featurisation and inference per seed.",
                "Workers share the job repository (--db-url, PostgreSQL), the job's output directory (a shared "
                        + "filesystem, same path) and the launcher's settings: give them the same --config file and "
                        + "the same --model-dir, --diffusion-steps, ... flags. A worker that dies mid-partition fails "
                        + "that partition; restarting the job runs it elsewhere.",
                "Each stage has its own queue: a CPU machine takes --stages search,featurise, a GPU machine --stages "
                        + "inference with --max-tokens or --profile; inference seeds go to the smallest live worker "
                        + "whose limit fits their token bucket (README: Running a fleet)."},
        footer = {"", "Example:  foldbatch worker --db-url jdbc:postgresql://db:5432/foldbatch "
                + "--broker amqp://guest:guest@mq:5672 --config samples/foldbatch-sample.properties "
                + "--model-dir /shared/af3-model"})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Partitions run at the same time by this worker (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--stages", paramLabel = "LIST", defaultValue = "all",
            description = "Stages this worker takes: search (gene and template search), featurise, inference, comma-"
                    + "separated, or all (default). A CPU machine: search,featurise; a GPU machine: inference.")
    String stages;

    @Option(names = "--profile", paramLabel = "NAME", description = "Hardware profile with AlphaFold 3's numbers: "
            + "a100-80g, h100-80g (5120 tokens), a100-40g (4352 tokens, unified memory, sharded pair transition), "
            + "v100-16g (1280 tokens), cpu (no limit). Flags given as well win over the profile.")
    String profile;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @ArgGroup(exclusive = false, validate = false, heading = "%nAlphaFold 3's run_alphafold.py settings flags, same "
            + "spelling and meaning (absl forms):%n")
    AlphaFold3Flags af3 = new AlphaFold3Flags();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> flags = settings.springProperties(af3, spec.commandLine());
        // On a worker --max-tokens is its inference capacity, not the launcher's input limit (which would change
        // what featurisation accepts, a setting all machines must share).
        Object maxTokens = flags.remove("foldbatch.featurisation.max-tokens");
        Map<String, Object> properties = FoldbatchContext.layered(
                profile == null ? Map.of() : HardwareProfile.of(profile).settings(), flags, remote.springProperties());
        if (maxTokens != null) {
            properties.put("foldbatch.remote.max-tokens", maxTokens);
        }
        try {
            Stage.parse(stages);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("--stages: " + e.getMessage());
        }
        HmmerInstaller.provideIfMissing(properties);
        properties.put("foldbatch.remote.worker", "true");
        properties.put("foldbatch.remote.worker-concurrency", concurrency);
        properties.put("foldbatch.remote.stages", stages);
        CountDownLatch stopped = new CountDownLatch(1);
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ctx.close();
                stopped.countDown();
            }));
            Object limit = properties.getOrDefault("foldbatch.remote.max-tokens", 0);
            System.out.printf("worker %d: taking partitions (pid %d, stages %s, max tokens %s); stop with Ctrl-C%n",
                    concurrency, ProcessHandle.current().pid(), Stage.format(Stage.parse(stages)),
                    "0".equals(String.valueOf(limit)) ? "no limit" : limit);
            stopped.await();
        }
        return 0;
    }
}
