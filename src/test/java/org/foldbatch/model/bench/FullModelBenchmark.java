package org.foldbatch.model.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.foldbatch.model.DiffusionSampler;
import org.foldbatch.model.NetworkInputs;
import org.foldbatch.model.FoldModel;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.ModelOutput;
import org.foldbatch.model.NoiseSource;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.weights.ParameterStore;

/**
 * One full-size forward pass on this machine: official dimensions and config (48-block trunk, 4-block templates,
 * 24-block diffusion transformer, 4-block confidence Pairformer), random weights at the official shapes, a random
 * 64-token protein, 1 recycle, 2 diffusion steps, 1 sample. Prints graph-build time, the first and a second input
 * of the same bucket (graphs reused), and the peak resident memory of the process.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.foldbatch.model.bench.FullModelBenchmark [64] [--f32]
 *     [--steps 2] [--samples 1] [--per-call 0 (all samples in one denoiser call)]
 * </pre>
 */
public final class FullModelBenchmark {
    private FullModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 64;
        Precision precision = Arrays.asList(args).contains("--f32") ? Precision.FLOAT32 : Precision.BFLOAT16;
        Path configFile = Path.of(FullModelBenchmark.class.getResource("/af3-data/model_config.json").toURI());
        ModelConfig official = ModelConfig.load(configFile);
        ModelConfig config = new ModelConfig(official.evoformer(), official.globalConfig(), official.heads(), 1,
                official.returnEmbeddings(), official.returnDistogram());
        int samples = intOption(args, "--samples", 1);
        int perCall = intOption(args, "--per-call", 0);
        DiffusionSampler.Config sampling = DiffusionSampler.Config.ALPHAFOLD.withSteps(intOption(args, "--steps", 2),
                samples);

        long t0 = System.nanoTime();
        ParameterStore store = SyntheticWeights.fullSize(11, "diffuser/");
        long t1 = System.nanoTime();
        System.out.printf("random official-shape weights: %d records in %.1f s; precision %s; %d tokens; "
                + "1 recycle, %d steps, %d sample(s)%n", store.size(), (t1 - t0) / 1e9, precision, n,
                sampling.steps(), sampling.numSamples());
        NetworkInputs first = SyntheticBatch.protein(n, 8, 16, 4, 1);
        NetworkInputs second = SyntheticBatch.protein(n, 8, 16, 4, 2);
        try (FoldModel model = FoldModel.of(store, config, precision, TrunkOptions.alphaFoldDefaults(),
                RuntimeOptions.defaults()).samplesPerCall(perCall)) {
            long b0 = System.nanoTime();
            model.prepare(first);
            long b1 = System.nanoTime();
            System.out.printf("graphs built and weights uploaded: %.1f s (%d graphs)%n", (b1 - b0) / 1e9,
                    model.graphsBuilt());
            long p0 = System.nanoTime();
            ModelOutput out = model.predict(first, 1, NoiseSource.seeded(), sampling);
            long p1 = System.nanoTime();
            System.out.printf("first input:  %.1f s (mean pLDDT %.1f); %s%n", (p1 - p0) / 1e9,
                    mean(out.samples().get(0).plddt()), model.lastTimings());
            int graphs = model.graphsBuilt();
            long q0 = System.nanoTime();
            model.predict(second, 2, NoiseSource.seeded(), sampling);
            long q1 = System.nanoTime();
            System.out.printf("second input, same bucket: %.1f s (graphs built: %d -> %d, no rebuild: %b); %s%n",
                    (q1 - q0) / 1e9, graphs, model.graphsBuilt(), graphs == model.graphsBuilt(), model.lastTimings());
        }
        System.out.printf("peak resident memory (VmHWM): %.0f MiB%n", ProcessMemory.bytes("VmHWM") / 1048576.0);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

}
