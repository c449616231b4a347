package org.foldbatch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.Preflight;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.MsaCacheEntry;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.pipeline.BenchFigures;
import org.foldbatch.util.Hashing;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code foldbatch bench}: prints the data pipeline's figures (not a test: nothing here passes or fails): wall time of
 * a fold job whose searches are all cached, and the latency of one cache hit for a 10,000-row MSA, as medians of
 * repeated runs in one process.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print data-pipeline figures: fold-job wall time with every search cached, and MSA cache-hit "
                + "latency for a 10,000-row MSA, on the configured database.",
        footer = {"", "Example:  foldbatch bench samples/inputs/response_regulator_u6.json "
                + "--config samples/foldbatch-sample.properties --db-url jdbc:postgresql://127.0.0.1:5432/test"})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "The input whose fold job is timed.")
    Path input;

    @Option(names = "--repeats", defaultValue = "10", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Override
    public Integer call() throws Exception {
        FoldInput fold = new FoldInputLoader().load(input).get(0);
        Map<String, Object> properties = settings.springProperties();
        Path out = Files.createTempDirectory("foldbatch-bench");
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            ctx.getBean(Preflight.class).check(List.of(fold), null);
            timeCachedJob(ctx.getBean(FoldJobLauncher.class), fold, out, System.out);
            timeCacheHit(ctx.getBean(JdbcMsaCache.class), System.out);
        }
        return 0;
    }

    private void timeCachedJob(FoldJobLauncher launcher, FoldInput fold, Path out, PrintStream print) {
        StoredInput stored = new StoredInput(fold.contentHash(), fold.sanitisedName(), "bench",
                FoldInputWriter.toJson(fold));
        long t0 = System.nanoTime();
        launcher.launch(stored, new FoldJobParameters(stored.inputHash(), FoldJobParameters.Stages.DATA_PIPELINE,
                out, "bench-warm-" + System.nanoTime()));
        double warmSeconds = (System.nanoTime() - t0) / 1e9;
        double[] cached = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            FoldJobLauncher.Outcome o = launcher.launch(stored, new FoldJobParameters(stored.inputHash(),
                    FoldJobParameters.Stages.DATA_PIPELINE, out, "bench-" + i + "-" + System.nanoTime()));
            cached[i] = (System.nanoTime() - s) / 1e9;
            if (o.failed()) {
                throw new IllegalStateException("bench job failed: " + o.execution().getExitStatus());
            }
        }
        print.printf("fold job, first launch in this JVM (searches run or come from the cache): %.3f s%n",
                warmSeconds);
        print.printf("fold job, all searches cached (%s, %d chains): median %.3f s, min %.3f s over %d runs%n",
                fold.name(), fold.chains().size(), BenchFigures.median(cached),
                Arrays.stream(cached).min().orElse(0), repeats);
    }

    private void timeCacheHit(JdbcMsaCache cache, PrintStream print) {
        String a3m = BenchFigures.syntheticA3m(10_000, 400);
        String key = Hashing.sha256("bench-msa-" + System.nanoTime());
        cache.save(new MsaCacheEntry(key, Hashing.sha256("bench"), "PROTEIN", "jackhmmer", "bench", "bench", "bench",
                a3m, 9_999, 10_000, 0, 0));
        double[] hits = new double[Math.max(repeats, 20)];
        for (int i = 0; i < hits.length; i++) {
            long s = System.nanoTime();
            cache.peek(key).orElseThrow();
            hits[i] = (System.nanoTime() - s) / 1e6;
        }
        print.printf("MSA cache hit, 10,000 rows x 400 columns (%.1f MB of A3M): median %.1f ms, max %.1f ms over "
                + "%d reads%n", a3m.length() / 1e6, BenchFigures.median(hits), Arrays.stream(hits).max().orElse(0),
                hits.length);
    }
}
