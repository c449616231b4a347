package org.foldbatch.model.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.foldbatch.model.ConfidenceHead;
import org.foldbatch.model.DiffusionHead;
import org.foldbatch.model.DistogramHead;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.NetworkInputs;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.StructureHeads;
import org.foldbatch.model.Trunk;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.weights.ParameterStore;

/**
 * The cost of one diffusion step (one denoiser call) for 1 sample and for AlphaFold 3's batch of 5 samples, at
 * official dimensions (24-block token transformer, 3+3 atom transformer blocks) with random official-shape weights
 * and a random trunk output. Each figure is the best of several warm calls, alternating 1 and 5 samples so that
 * load on a shared machine hits both alike. With {@code --profile} it also prints where one 5-sample step spends its
 * time, per TensorFlow op type. The step's FLOP count ({@link DenoiserFlops}) gives the least ratio a machine bound by
 * arithmetic can reach and, against the same run's 4096² f32 matmul, each step's {@code %matmul}.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.foldbatch.model.bench.DiffusionStepBenchmark
 *     [N=128] [--samples 5] [--reps 3] [--profile]
 * </pre>
 */
public final class DiffusionStepBenchmark {
    private DiffusionStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 128;
        int samples = option(a, "--samples", 5);
        int reps = option(a, "--reps", 3);
        ModelConfig config = ModelConfig.load(Path.of(DiffusionStepBenchmark.class
                .getResource("/af3-data/model_config.json").toURI()));
        ParameterStore store = SyntheticWeights.fullSize(11, DiffusionHead.SCOPE, ConfidenceHead.SCOPE,
                DistogramHead.SCOPE);
        NetworkInputs batch = SyntheticBatch.protein(n, 8, 16, 4, 1);
        Trunk.Dims dims = Trunk.dimsFor(batch, config);
        int cz = config.evoformer().pairChannel();
        int cs = config.evoformer().seqChannel();
        SplittableRandom rnd = new SplittableRandom(3);
        Trunk.Output trunk = new Trunk.Output(dims, cz, cs, gaussian(rnd, n * n * cz, 1),
                gaussian(rnd, n * cs, 1), gaussian(rnd, n * dims.targetFeatWidth(), 0.3));
        float[] one = gaussian(rnd, n * 24 * 3, 20);
        float[] many = new float[samples * one.length];
        for (int s = 0; s < samples; s++) {
            System.arraycopy(gaussian(rnd, one.length, 20), 0, many, s * one.length, one.length);
        }
        long b0 = System.nanoTime();
        try (StructureHeads heads = new StructureHeads(config, store, Precision.FLOAT32,
                TrunkOptions.alphaFoldDefaults(), RuntimeOptions.defaults(), dims);
                StructureHeads.Feeds feeds = heads.feeds(batch, trunk)) {
            System.out.printf("%d tokens, official dims, random weights, f32 diffusion head, %d cores; graph built "
                    + "and weights uploaded in %.1f s%n", n, Runtime.getRuntime().availableProcessors(),
                    (System.nanoTime() - b0) / 1e9);
            long w0 = System.nanoTime();
            feeds.denoise(one, 1, 20f);
            long w1 = System.nanoTime();
            feeds.denoise(many, samples, 20f);
            long w2 = System.nanoTime();
            System.out.printf("first calls (pair conditioning + TensorFlow's first-run set-up): 1 sample %.2f s, "
                    + "%d samples %.2f s%n", (w1 - w0) / 1e9, samples, (w2 - w1) / 1e9);
            BestOf bestOne = new BestOf(Double.MAX_VALUE, Double.MAX_VALUE);
            BestOf bestMany = bestOne;
            for (int r = 0; r < reps; r++) {
                bestOne = min(bestOne, BestOf.run(1, () -> feeds.denoise(one, 1, 20f)));
                bestMany = min(bestMany, BestOf.run(1, () -> feeds.denoise(many, samples, 20f)));
            }
            DenoiserFlops flops = DenoiserFlops.of(dims);
            PairformerBenchmark.Rate matmul = PairformerBenchmark.matmulGflops(4096, Precision.FLOAT32, 5);
            System.out.printf("%nwarm, best of %d, alternating; ratio = %d-sample step / 1-sample step%n", reps,
                    samples);
            System.out.printf("FLOP count (matmuls and attention): %.1f GFLOP shared by the samples + %.1f GFLOP per "
                    + "sample, so on a machine bound by arithmetic %d samples cost at least %.2fx one%n",
                    flops.shared(), flops.perSample(), samples, flops.floorRatio(samples));
            System.out.printf("4096x4096 f32 matmul in this run, warm, best of 5: %.1f GFLOP/s (%.1f per CPU-second)%n",
                    matmul.wall(), matmul.cpu());
            System.out.printf("N     s/step(1)  s/step(%d)  ratio(wall)  cpu-s/step(1)  cpu-s/step(%d)  ratio(cpu)  "
                    + "floor  %%matmul(1)  %%matmul(%d)  %%matmul(cpu, %d)%n", samples, samples, samples, samples);
            System.out.printf("%-5d %-10.3f %-10.3f %-12.2f %-14.3f %-15.3f %-11.2f %-6.2f %-11.0f %-12.0f %.0f%n", n,
                    bestOne.wallSeconds(), bestMany.wallSeconds(), bestMany.wallSeconds() / bestOne.wallSeconds(),
                    bestOne.cpuSeconds(), bestMany.cpuSeconds(), bestMany.cpuSeconds() / bestOne.cpuSeconds(),
                    flops.floorRatio(samples), 100 * flops.gflop(1) / bestOne.wallSeconds() / matmul.wall(),
                    100 * flops.gflop(samples) / bestMany.wallSeconds() / matmul.wall(),
                    100 * flops.gflop(samples) / bestMany.cpuSeconds() / matmul.cpu());
            if (a.contains("--profile")) {
                System.out.printf("%none %d-sample step by op type (full trace, summed op wall time):%n", samples);
                OpProfile.print(feeds.traceDenoise(many, samples, 20f), 20);
            }
        }
    }

    private static BestOf min(BestOf a, BestOf b) {
        return new BestOf(Math.min(a.wallSeconds(), b.wallSeconds()), Math.min(a.cpuSeconds(), b.cpuSeconds()));
    }

    private static float[] gaussian(SplittableRandom rnd, int count, double scale) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (scale * rnd.nextGaussian());
        }
        return v;
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }
}
