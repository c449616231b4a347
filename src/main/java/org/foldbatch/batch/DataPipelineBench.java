package org.foldbatch.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.MsaCacheEntry;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.util.Hashing;

/**
 * Figures for the data pipeline, printed by {@code foldbatch bench}: wall time of a fold job whose searches are all
 * cached, and the latency of one cache hit for a 10,000-row MSA. Medians of repeated runs in one process.
 */
public final class DataPipelineBench {

    private final FoldJobLauncher launcher;
    private final JdbcMsaCache cache;

    public DataPipelineBench(FoldJobLauncher launcher, JdbcMsaCache cache) {
        this.launcher = launcher;
        this.cache = cache;
    }

    public void run(FoldInput input, Path outputDir, int repeats, PrintStream out) throws Exception {
        StoredInput stored = new StoredInput(input.contentHash(), input.sanitisedName(), "bench",
                FoldInputWriter.toJson(input));
        long t0 = System.nanoTime();
        launcher.launch(stored, new FoldJobParameters(stored.inputHash(), FoldJobParameters.Stages.DATA_PIPELINE,
                outputDir, "bench-warm-" + System.nanoTime()));
        double warmSeconds = (System.nanoTime() - t0) / 1e9;
        double[] cached = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            FoldJobLauncher.Outcome o = launcher.launch(stored, new FoldJobParameters(stored.inputHash(),
                    FoldJobParameters.Stages.DATA_PIPELINE, outputDir, "bench-" + i + "-" + System.nanoTime()));
            cached[i] = (System.nanoTime() - s) / 1e9;
            if (o.failed()) {
                throw new IllegalStateException("bench job failed: " + o.execution().getExitStatus());
            }
        }
        out.printf("fold job, first launch in this JVM (searches run or come from the cache): %.3f s%n", warmSeconds);
        out.printf("fold job, all searches cached (%s, %d chains): median %.3f s, min %.3f s over %d runs%n",
                input.name(), input.chains().size(), median(cached), Arrays.stream(cached).min().orElse(0), repeats);

        String a3m = syntheticA3m(10_000, 400);
        String key = Hashing.sha256("bench-msa-" + System.nanoTime());
        cache.save(new MsaCacheEntry(key, Hashing.sha256("bench"), "PROTEIN", "jackhmmer", "bench", "bench", "bench",
                a3m, 9_999, 10_000, 0, 0));
        double[] hits = new double[Math.max(repeats, 20)];
        for (int i = 0; i < hits.length; i++) {
            long s = System.nanoTime();
            cache.peek(key).orElseThrow();
            hits[i] = (System.nanoTime() - s) / 1e6;
        }
        out.printf("MSA cache hit, 10,000 rows x 400 columns (%.1f MB of A3M): median %.1f ms, max %.1f ms over %d reads%n",
                a3m.length() / 1e6, median(hits), Arrays.stream(hits).max().orElse(0), hits.length);
    }

    private static String syntheticA3m(int rows, int width) {
        Random random = new Random(42);
        String alphabet = "ACDEFGHIKLMNPQRSTVWY-";
        StringBuilder sb = new StringBuilder(rows * (width + 40));
        for (int r = 0; r < rows; r++) {
            sb.append(">hit").append(r).append(" synthetic row\n");
            for (int c = 0; c < width; c++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
