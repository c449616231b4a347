package org.foldbatch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;
import org.foldbatch.model.weights.WeightsSchema;

/**
 * The whole AlphaFold 3 network: trunk with recycling, diffusion sampling, then the confidence and distogram heads.
 * Graphs are built once per padded size (bucket) and reused for every later input and seed of that size; the
 * weights are uploaded into each graph once. Not thread-safe for concurrent predictions (calls are serialised).
 */
public final class FoldModel implements AutoCloseable {
    public static final String OFFICIAL_MODEL_NAME = "af3";
    private static final System.Logger LOG = System.getLogger(FoldModel.class.getName());

    private record Bucket(Trunk trunk, StructureHeads heads) {
    }

    /** Wall-clock seconds of the stages of the last prediction. */
    public record Timings(double targetFeatures, double trunk, double diffusion, double confidence,
            double distogram) {
        public double total() {
            return targetFeatures + trunk + diffusion + confidence + distogram;
        }
    }

    /** Reads the weights again for a new bucket once the last copy was released (null: never released). */
    private final Supplier<ParameterStore> reload;
    private ParameterStore store;
    private final ModelConfig config;
    private final Precision precision;
    private final TrunkOptions trunkOptions;
    private final RuntimeOptions runtime;
    private final DiffusionSampler.Config sampling;
    private final Map<Trunk.Dims, Bucket> buckets = new LinkedHashMap<>();
    private final boolean randomWeights;
    private int graphsBuilt;
    private int samplesPerCall;
    private Timings lastTimings;

    private FoldModel(ParameterStore store, Supplier<ParameterStore> reload, ModelConfig config,
            Precision precision, TrunkOptions trunkOptions, RuntimeOptions runtime, boolean randomWeights) {
        this.store = store;
        this.reload = reload;
        this.config = config;
        this.precision = precision;
        this.trunkOptions = trunkOptions;
        this.runtime = runtime;
        this.sampling = DiffusionSampler.Config.fromJson(config.heads().diffusion() == null ? null
                : config.heads().diffusion().get("eval"), "heads.diffusion.eval");
        this.randomWeights = randomWeights;
        checkSizes(store, config);
    }

    /** The config's channel widths must be the weights' (a small config with official weights, or vice versa). */
    private static void checkSizes(ParameterStore store, ModelConfig config) {
        int[] half = store.get(DistogramHead.SCOPE + "/half_logits", "weights").shape();
        int[] plddtLn = store.get(ConfidenceHead.SCOPE + "/plddt_logits_ln", "scale").shape();
        int cz = config.evoformer().pairChannel();
        int cs = config.evoformer().seqChannel();
        if (half[0] != cz || plddtLn[0] != cs) {
            throw new IllegalArgumentException("model config and weights disagree: config has pair_channel " + cz
                    + " and seq_channel " + cs + ", the weights have " + half[0] + " and " + plddtLn[0]
                    + " (use the model_config.json that belongs to these weights)");
        }
    }

    public synchronized Timings lastTimings() {
        return lastTimings;
    }

    /**
     * Loads AlphaFold 3's weights from {@code modelDir} ({@code af3.bin.zst} or its variants, checked against the
     * official schema), or, when only {@link RandomWeights#FILE_NAME} is there, the test-only random weights (with
     * a loud warning).
     */
    public static FoldModel load(Path modelDir, ModelConfig config, Precision precision, RuntimeOptions runtime) {
        return load(modelDir, config, precision, TrunkOptions.alphaFoldDefaults(), runtime);
    }

    /** As {@link #load(Path, ModelConfig, Precision, RuntimeOptions)} with the trunk's memory knobs. */
    public static FoldModel load(Path modelDir, ModelConfig config, Precision precision, TrunkOptions trunkOptions,
            RuntimeOptions runtime) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException(modelDir + ": model directory does not exist; " + WHAT_TO_DO);
        }
        if (hasModelFiles(modelDir, OFFICIAL_MODEL_NAME)) {
            Supplier<ParameterStore> read = () -> ParameterStore.loadModel(modelDir,
                    OFFICIAL_MODEL_NAME, WeightsSchema.official());
            ParameterStore store = read.get();
            LOG.log(System.Logger.Level.INFO, "loaded AlphaFold 3 weights " + store.identifier() + " from "
                    + modelDir);
            return new FoldModel(store, read, config, precision, trunkOptions, runtime, false);
        }
        if (Files.isRegularFile(modelDir.resolve(RandomWeights.FILE_NAME))) {
            LOG.log(System.Logger.Level.WARNING, RandomWeights.WARNING + " (" + modelDir.resolve(
                    RandomWeights.FILE_NAME) + ")");
            Supplier<ParameterStore> read = () -> ParameterStore.loadModel(modelDir,
                    RandomWeights.MODEL_NAME, WeightsSchema.small());
            return new FoldModel(read.get(), read, config, precision, trunkOptions, runtime, true);
        }
        throw new IllegalArgumentException(modelDir + ": no AlphaFold 3 weights (af3.bin.zst, af3.bin or numbered "
                + "parts af3.<n>.bin.zst); " + WHAT_TO_DO);
    }

    private static final String WHAT_TO_DO = "request the model parameters from Google (see 'Obtaining Model "
            + "Parameters' at https://github.com/google-deepmind/alphafold3), put af3.bin.zst into that directory "
            + "and pass it as the model directory; for a test-only run write random weights with RandomWeights.write";

    /** A model over parameters already in memory (reference vectors, benchmarks). */
    public static FoldModel of(ParameterStore store, ModelConfig config, Precision precision,
            TrunkOptions trunkOptions, RuntimeOptions runtime) {
        return new FoldModel(store, null, config, precision, trunkOptions, runtime, false);
    }

    /**
     * A model whose weights {@code weights} makes (and makes again for a later bucket): after a bucket's graphs are
     * built the model keeps no copy of them on the Java heap, as a model loaded from a file does.
     */
    public static FoldModel of(Supplier<ParameterStore> weights, ModelConfig config,
            Precision precision, TrunkOptions trunkOptions, RuntimeOptions runtime) {
        return new FoldModel(weights.get(), weights, config, precision, trunkOptions, runtime, false);
    }

    private static boolean hasModelFiles(Path dir, String name) {
        try {
            return !RecordFile.selectModelFiles(dir, name).isEmpty();
        } catch (RecordFormatException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * At most this many diffusion samples share one denoiser call (0, the default: all samples of a prediction).
     * Lower it when the activations of all samples at once do not fit in memory; the results do not change.
     */
    public synchronized FoldModel samplesPerCall(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("samples per call must be >= 0, got " + max);
        }
        this.samplesPerCall = max;
        return this;
    }

    public boolean usesRandomWeights() {
        return randomWeights;
    }

    public DiffusionSampler.Config sampling() {
        return sampling;
    }

    /** Graphs built so far (two per bucket: trunk, and diffusion/confidence/distogram heads). */
    public synchronized int graphsBuilt() {
        return graphsBuilt;
    }

    /** Builds the graphs of the batch's bucket now, so the first prediction does not pay for it. */
    public synchronized void prepare(NetworkInputs batch) {
        bucket(batch);
    }

    public ModelOutput predict(NetworkInputs batch, long seed, NoiseSource noise) {
        return predict(batch, seed, noise, sampling);
    }

    /** As {@link #predict(NetworkInputs, long, NoiseSource)} with other sampling settings (steps, samples, ...). */
    public ModelOutput predict(NetworkInputs batch, long seed, NoiseSource noise,
            DiffusionSampler.Config samplingConfig) {
        return predict(batch, seed, noise, samplingConfig, InferenceProgress.NONE);
    }

    /** As {@link #predict(NetworkInputs, long, NoiseSource, DiffusionSampler.Config)}, reporting to {@code progress}. */
    public synchronized ModelOutput predict(NetworkInputs batch, long seed, NoiseSource noise,
            DiffusionSampler.Config samplingConfig, InferenceProgress progress) {
        Bucket b = bucket(batch);
        Trunk.Dims dims = b.trunk().dims();
        int cz = config.evoformer().pairChannel();
        int cs = config.evoformer().seqChannel();
        long t0 = System.nanoTime();
        float[] target = b.trunk().targetFeatures(batch);
        long t1 = System.nanoTime();
        List<int[]> orders = noise.msaOrders(batch, config.numRecycles() + 1, seed);
        Trunk.Embeddings e = b.trunk().run(batch, target, orders, progress);
        long t2 = System.nanoTime();
        long diffusionNanos = 0;
        long confidenceNanos = 0;
        Trunk.Output trunkOut = new Trunk.Output(dims, cz, cs, e.pair(), e.single(), target);
        float[] atomMask = batch.get("pred_dense_atom_mask").floats();
        List<ModelOutput.Sample> samples = new ArrayList<>();
        try (StructureHeads.Feeds feeds = b.heads().feeds(batch, trunkOut)) {
            int total = samplingConfig.numSamples();
            int group = samplesPerCall == 0 ? total : Math.min(samplesPerCall, total);
            int calls = samplingConfig.steps() * ((total + group - 1) / group);
            int[] done = {0};
            DiffusionSampler.BatchDenoiser denoiser = (x, count, sigma) -> {
                float[] out = feeds.denoise(x, count, sigma);
                progress.diffusionStep(++done[0], calls);
                return out;
            };
            for (int first = 0; first < total; first += group) {
                int count = Math.min(group, total - first);
                long d0 = System.nanoTime();
                float[][] xs = DiffusionSampler.sample(samplingConfig, denoiser, atomMask, seed, first, count,
                        noise);
                long d1 = System.nanoTime();
                for (float[] x : xs) {
                    List<float[]> c = feeds.confidence(x);
                    samples.add(new ModelOutput.Sample(x, c.get(0), c.get(1), c.get(2), c.get(3)[0], c.get(4),
                            c.get(5), c.get(6)));
                }
                diffusionNanos += d1 - d0;
                confidenceNanos += System.nanoTime() - d1;
            }
            long g0 = System.nanoTime();
            List<float[]> d = feeds.distogram();
            lastTimings = new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, diffusionNanos / 1e9, confidenceNanos / 1e9,
                    (System.nanoTime() - g0) / 1e9);
            DistogramHead.Bins bins = DistogramHead.Bins.fromJson(config.heads().distogram());
            return new ModelOutput(dims.numTokens(), samples, atomMask, d.get(0), bins.edges(), d.get(1), e.single(),
                    cs, e.pair(), cz);
        }
    }

    private Bucket bucket(NetworkInputs batch) {
        Trunk.Dims dims = Trunk.dimsFor(batch, config);
        Bucket b = buckets.get(dims);
        if (b == null) {
            long start = System.nanoTime();
            boolean reread = store == null;
            if (reread) {
                store = reload.get();
            }
            Trunk trunk = new Trunk(config, store, precision, trunkOptions, runtime, dims);
            StructureHeads heads = new StructureHeads(config, store, precision, trunkOptions, runtime, dims);
            graphsBuilt += 2;
            b = new Bucket(trunk, heads);
            buckets.put(dims, b);
            if (reload != null) {
                // TensorFlow holds the weights now. The Java copy (about 1.3 GB at official size) would otherwise
                // sit beside them for the process's life; a later bucket reads the file again instead. One full
                // collection lets the collector hand the freed heap back before the activations' peak.
                store = null;
                System.gc();
            }
            LOG.log(System.Logger.Level.INFO, String.format("built graphs for %d tokens in %.1f s%s",
                    dims.numTokens(), (System.nanoTime() - start) / 1e9, reread ? " (weights read again)" : ""));
        }
        return b;
    }

    @Override
    public synchronized void close() {
        for (Bucket b : buckets.values()) {
            b.heads().close();
            b.trunk().close();
        }
        buckets.clear();
    }
}
