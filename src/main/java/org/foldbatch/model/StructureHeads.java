package org.foldbatch.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.records.Record;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * One graph, built once per padded size, for everything after the trunk: the diffusion head's pair conditioning
 * (run once per prediction and fed back into the denoiser), the denoiser (run once per sampling step), the
 * confidence head (once per sample) and the distogram head. The diffusion head runs in f32, as in AlphaFold 3; the
 * confidence Pairformer runs in the model's precision.
 */
public final class StructureHeads implements AutoCloseable {
    private static final Map<String, Class<? extends TType>> FEATURES = new LinkedHashMap<>();

    static {
        for (String f : List.of("ref_pos", "ref_mask", "ref_charge", "pred_dense_atom_mask", "seq_mask")) {
            FEATURES.put(f, TFloat32.class);
        }
        for (String f : List.of("ref_element", "ref_atom_name_chars", "ref_space_uid", "residue_index",
                "token_index", "asym_id", "entity_id", "sym_id")) {
            FEATURES.put(f, TInt32.class);
        }
        for (String g : List.of("token_atoms_to_queries", "tokens_to_queries", "tokens_to_keys", "queries_to_keys",
                "queries_to_token_atoms", "token_atoms_to_pseudo_beta")) {
            FEATURES.put(g + ":gather_idxs", TInt32.class);
            FEATURES.put(g + ":gather_mask", TFloat32.class);
        }
    }

    private final Trunk.Dims dims;
    private final int pairChannels;
    private final int seqChannels;
    private final Graph graph;
    private final Session session;
    private final Map<String, Placeholder<?>> inputs = new LinkedHashMap<>();
    private final Operand<TFloat32> pairCond;
    private final Operand<TFloat32> denoised;
    private final ConfidenceHead.Output confidence;
    private final DistogramHead.Output distogram;

    public StructureHeads(ModelConfig config, ParameterStore store, Precision precision, TrunkOptions options,
            RuntimeOptions runtime, Trunk.Dims dims) {
        this.dims = dims;
        this.pairChannels = config.evoformer().pairChannel();
        this.seqChannels = config.evoformer().seqChannel();
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        GraphParameters params = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
        int n = dims.numTokens();
        long b = dims.queryBlocks();
        long q = dims.queriesPerBlock();
        long k = dims.keysPerBlock();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String f : List.of("ref_pos")) {
            shapes.put(f, new long[] {n, 24, 3});
        }
        for (String f : List.of("ref_mask", "ref_charge", "pred_dense_atom_mask", "ref_element", "ref_space_uid")) {
            shapes.put(f, new long[] {n, 24});
        }
        shapes.put("ref_atom_name_chars", new long[] {n, 24, 4});
        for (String f : List.of("seq_mask", "residue_index", "token_index", "asym_id", "entity_id", "sym_id")) {
            shapes.put(f, new long[] {n});
        }
        Map<String, long[]> gathers = Map.of("token_atoms_to_queries", new long[] {b, q},
                "tokens_to_queries", new long[] {b, q}, "tokens_to_keys", new long[] {b, k},
                "queries_to_keys", new long[] {b, k}, "queries_to_token_atoms", new long[] {n, 24},
                "token_atoms_to_pseudo_beta", new long[] {n});
        gathers.forEach((g, s) -> {
            shapes.put(g + ":gather_idxs", s);
            shapes.put(g + ":gather_mask", s);
        });
        FEATURES.forEach((name, type) -> placeholder(tf, type, name, shapes.get(name)));
        Operand<TFloat32> single = placeholder(tf, TFloat32.class, "single", new long[] {n, seqChannels});
        Operand<TFloat32> pair = placeholder(tf, TFloat32.class, "pair", new long[] {n, n, pairChannels});
        Operand<TFloat32> targetFeat = placeholder(tf, TFloat32.class, "target_feat",
                new long[] {n, dims.targetFeatWidth()});
        Operand<TFloat32> positions = placeholder(tf, TFloat32.class, "positions", new long[] {-1, n, 24, 3});
        Operand<TFloat32> sigma = placeholder(tf, TFloat32.class, "sigma", new long[0]);
        Operand<TFloat32> structure = placeholder(tf, TFloat32.class, "structure", new long[] {n, 24, 3});

        AtomCrossAttEncoder.AtomInputs atoms = new AtomCrossAttEncoder.AtomInputs(f32("ref_pos"), f32("ref_mask"),
                i32("ref_element"), f32("ref_charge"), i32("ref_atom_name_chars"), i32("ref_space_uid"),
                f32("pred_dense_atom_mask"), gather("token_atoms_to_queries"), gather("tokens_to_queries"),
                gather("tokens_to_keys"), gather("queries_to_keys"), gather("queries_to_token_atoms"));
        Layers<TFloat32> root32 = Layers.root(tf, params, TFloat32.class, options);
        DiffusionHead.Inputs<TFloat32> in = new DiffusionHead.Inputs<>(atoms, i32("residue_index"),
                i32("token_index"), i32("asym_id"), i32("entity_id"), i32("sym_id"), f32("seq_mask"), single, pair,
                targetFeat);
        Layers<TFloat32> head = root32.child(DiffusionHead.SCOPE);
        this.pairCond = DiffusionHead.pairConditioning(head, in);
        this.denoised = DiffusionHead.denoise(head, in, pairCond, positions, sigma).positions();
        this.confidence = confidence(tf, params, precision.type(), options, root32, structure, pair, single,
                targetFeat, ConfidenceHead.Settings.fromJson(config.heads().confidence()));
        Operand<TFloat32> mask = f32("seq_mask");
        Operand<TFloat32> pm = tf.math.mul(tf.expandDims(mask, tf.constant(1)), tf.expandDims(mask, tf.constant(0)));
        this.distogram = DistogramHead.apply(root32.child(DistogramHead.SCOPE), pair, pm,
                DistogramHead.Bins.fromJson(config.heads().distogram()));
        this.session = new Session(graph, runtime.toConfigProto());
        params.upload(session);
    }

    private <T extends TFloating> ConfidenceHead.Output confidence(Ops tf, GraphParameters params, Class<T> type,
            TrunkOptions options, Layers<TFloat32> root32, Operand<TFloat32> structure, Operand<TFloat32> pair,
            Operand<TFloat32> single, Operand<TFloat32> targetFeat, ConfidenceHead.Settings settings) {
        return ConfidenceHead.apply(Layers.root(tf, params, type, options), root32, structure, pair, single,
                targetFeat, f32("seq_mask"), i32("asym_id"), gather("token_atoms_to_pseudo_beta"), settings);
    }

    @SuppressWarnings("unchecked")
    private Operand<TFloat32> f32(String name) {
        return (Operand<TFloat32>) inputs.get(name);
    }

    @SuppressWarnings("unchecked")
    private Operand<TInt32> i32(String name) {
        return (Operand<TInt32>) inputs.get(name);
    }

    private GatherInfo gather(String prefix) {
        return new GatherInfo(i32(prefix + ":gather_idxs"), f32(prefix + ":gather_mask"));
    }

    private <U extends TType> Operand<U> placeholder(Ops tf, Class<U> type, String name, long[] shape) {
        Placeholder<U> p = tf.withName("heads." + name.replace(':', '.')).placeholder(type,
                Placeholder.shape(Shape.of(shape)));
        inputs.put(name, p);
        return p;
    }

    /** The per-prediction inputs (batch features and trunk embeddings) as tensors, reused by every run. */
    public final class Feeds implements AutoCloseable {
        private final List<Tensor> owned = new ArrayList<>();
        private final Map<String, Tensor> byName = new LinkedHashMap<>();
        private Tensor pairCondValue;

        Feeds(NetworkInputs batch, Trunk.Output trunk) {
            for (String name : FEATURES.keySet()) {
                Record r = batch.get(name);
                byName.put(name, FEATURES.get(name) == TInt32.class ? ints(r.ints(), r.shape())
                        : floats(r.floats(), Tensors.shapeOf(r.shape())));
            }
            int n = dims.numTokens();
            byName.put("single", floats(trunk.single(), Shape.of(n, seqChannels)));
            byName.put("pair", floats(trunk.pair(), Shape.of(n, n, pairChannels)));
            byName.put("target_feat", floats(trunk.targetFeat(), Shape.of(n, dims.targetFeatWidth())));
        }

        private Session.Runner runner() {
            Session.Runner r = session.runner();
            byName.forEach((name, t) -> r.feed(inputs.get(name), t));
            return r;
        }

        private TFloat32 floats(float[] v, Shape shape) {
            TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(v, true, false));
            owned.add(t);
            return t;
        }

        private TInt32 ints(int[] v, int[] shape) {
            TInt32 t = TInt32.tensorOf(Tensors.shapeOf(shape), DataBuffers.of(v, true, false));
            owned.add(t);
            return t;
        }

        /**
         * One denoiser call for {@code count} samples {@code [count, N, 24, 3]} at one noise level; the pair
         * conditioning is computed on the first call and fed back afterwards.
         */
        public float[] denoise(float[] positionsNoisy, int count, float sigma) {
            return denoise(positionsNoisy, count, sigma, null);
        }

        /** As {@link #denoise} with TensorFlow's full trace: per-op timings of the call (for profiling). */
        public StepStats traceDenoise(float[] positionsNoisy, int count, float sigma) {
            StepStats[] stats = new StepStats[1];
            denoise(positionsNoisy, count, sigma, stats);
            return stats[0];
        }

        private float[] denoise(float[] positionsNoisy, int count, float sigma, StepStats[] trace) {
            if (pairCondValue == null) {
                try (Result r = runner().fetch(pairCond).run()) {
                    float[] zc = Tensors.floats((TFloat32) r.get(0));
                    long[] shape = Layers.dims(pairCond);
                    pairCondValue = floats(zc, Shape.of(shape));
                }
            }
            int n = dims.numTokens();
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(count, n, 24, 3),
                    DataBuffers.of(positionsNoisy, true, false));
                    TFloat32 s = TFloat32.scalarOf(sigma)) {
                Session.Runner runner = runner().feed(inputs.get("positions"), x).feed(inputs.get("sigma"), s)
                        .feed(pairCond, pairCondValue).fetch(denoised);
                if (trace != null) {
                    runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
                }
                try (Result r = trace == null ? runner.run() : runner.runAndFetchMetadata()) {
                    if (trace != null) {
                        trace[0] = r.getMetadata().orElseThrow().getStepStats();
                    }
                    return Tensors.floats((TFloat32) r.get(0));
                }
            }
        }

        /** Confidence outputs for one structure, in the order of {@link ModelOutput.Sample}'s arrays. */
        public List<float[]> confidence(float[] structure) {
            int n = dims.numTokens();
            List<Operand<TFloat32>> fetch = List.of(confidence.plddt(), confidence.fullPae(), confidence.fullPde(),
                    confidence.averagePde(), confidence.resolved(), confidence.tmAdjustedPaeGlobal(),
                    confidence.tmAdjustedPaeInterface());
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, 24, 3), DataBuffers.of(structure, true, false))) {
                Session.Runner runner = runner().feed(inputs.get("structure"), x);
                fetch.forEach(runner::fetch);
                try (Result r = runner.run()) {
                    List<float[]> out = new ArrayList<>();
                    for (int i = 0; i < fetch.size(); i++) {
                        out.add(Tensors.floats((TFloat32) r.get(i)));
                    }
                    return out;
                }
            }
        }

        /** Distogram logits {@code [N, N, bins]} and contact probabilities {@code [N, N]}. */
        public List<float[]> distogram() {
            try (Result r = runner().fetch(distogram.logits()).fetch(distogram.contactProbs()).run()) {
                return List.of(Tensors.floats((TFloat32) r.get(0)), Tensors.floats((TFloat32) r.get(1)));
            }
        }

        @Override
        public void close() {
            owned.forEach(Tensor::close);
        }
    }

    public Feeds feeds(NetworkInputs batch, Trunk.Output trunk) {
        return new Feeds(batch, trunk);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
