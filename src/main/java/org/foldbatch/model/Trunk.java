package org.foldbatch.model;

import java.util.ArrayList;
import java.util.Collection;
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
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The AlphaFold 3 trunk for one padded size: one graph for a single Evoformer pass, run once per recycle with the
 * previous pass's pair and single fed back (AlphaFold 3 runs {@code num_recycles + 1} passes). Built once per
 * bucket and reusable for every input of that bucket.
 */
public final class Trunk implements AutoCloseable {
    public static final String SCOPE = "diffuser/evoformer";

    /** Static sizes of the graph. */
    public record Dims(int numTokens, int msaRows, int numTemplates, int targetFeatWidth, int polymerLigandBonds,
            int ligandLigandBonds, int queryBlocks, int queriesPerBlock, int keysPerBlock) {
    }

    /** Trunk outputs as f32 arrays: pair {@code [N, N, Cz]}, single {@code [N, Cs]}. */
    public record Embeddings(int numTokens, float[] pair, float[] single) {
        public static Embeddings zeros(int numTokens, int pairChannels, int seqChannels) {
            return new Embeddings(numTokens, new float[numTokens * numTokens * pairChannels],
                    new float[numTokens * seqChannels]);
        }
    }

    /** What the heads consume: final pair and single plus the target features, all f32. */
    public record Output(Dims dims, int pairChannels, int seqChannels, float[] pair, float[] single,
            float[] targetFeat) {
        /** As records ({@code pair}, {@code single}, {@code target_feat}) for storing between batch steps. */
        public List<Record> toRecords(String scope) {
            int n = dims.numTokens();
            return List.of(Record.ofFloats(scope, "pair", new int[] {n, n, pairChannels}, pair),
                    Record.ofFloats(scope, "single", new int[] {n, seqChannels}, single),
                    Record.ofFloats(scope, "target_feat", new int[] {n, dims.targetFeatWidth()}, targetFeat));
        }
    }

    /** One pass: its embeddings and any requested probes (see {@link EvoformerPass}). */
    public record PassResult(Embeddings embeddings, Map<String, float[]> probes) {
    }

    private final ModelConfig.EvoformerConfig cfg;
    private final int numRecycles;
    private final Dims dims;
    private final Graph graph;
    private final Session session;
    private final GraphParameters params;
    private final Map<String, Placeholder<?>> inputs = new LinkedHashMap<>();
    private final EvoformerPass.Output output;
    private final Map<String, Placeholder<?>> atomInputs = new LinkedHashMap<>();
    private final Operand<TFloat32> targetFeat;

    public Trunk(ModelConfig config, ParameterStore store, Precision precision, TrunkOptions options,
            RuntimeOptions runtime, Dims dims) {
        this.cfg = config.evoformer();
        this.numRecycles = config.numRecycles();
        this.dims = dims;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        this.params = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
        this.output = build(tf, precision.type(), options);
        // AlphaFold 3 runs the per-atom encoder in f32 even under the bf16 policy (its inputs are f32).
        this.targetFeat = buildTargetFeat(tf, TFloat32.class, options);
        this.session = new Session(graph, runtime.toConfigProto());
        params.upload(session);
    }

    /** Graph sizes for a batch; the MSA module uses {@code min(num_msa, S)} rows. */
    public static Dims dimsFor(NetworkInputs batch, ModelConfig config) {
        int[] queries = batch.get("token_atoms_to_queries:gather_idxs").shape();
        int[] keys = batch.get("queries_to_keys:gather_idxs").shape();
        return new Dims(batch.numTokens(), Math.min(config.evoformer().numMsa(), batch.get("msa").shape()[0]),
                batch.get("template_aatype").shape()[0],
                2 * TemplateEmbedding.NUM_RESTYPES + 1 + config.evoformer().perAtomConditioning().perTokenChannels(),
                batch.get("tokens_to_polymer_ligand_bonds:gather_idxs").shape()[0],
                batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").shape()[0], queries[0], queries[1], keys[1]);
    }

    private static final List<String> ATOM_FLOAT_FEATURES = List.of("ref_pos", "ref_mask", "ref_charge",
            "pred_dense_atom_mask", "profile", "deletion_mean");
    private static final List<String> ATOM_INT_FEATURES = List.of("ref_element", "ref_atom_name_chars",
            "ref_space_uid", "aatype");
    private static final List<String> ATOM_GATHERS = List.of("token_atoms_to_queries", "tokens_to_queries",
            "tokens_to_keys", "queries_to_keys", "queries_to_token_atoms");

    private <T extends TFloating> EvoformerPass.Output build(Ops tf, Class<T> type, TrunkOptions options) {
        int n = dims.numTokens();
        int m = dims.msaRows();
        int t = dims.numTemplates();
        Layers<T> nn = Layers.root(tf, params, type, options).child(SCOPE);
        EvoformerPass.Inputs in = new EvoformerPass.Inputs(
                f32(tf, "target_feat", n, dims.targetFeatWidth()),
                f32(tf, "prev_pair", n, n, cfg.pairChannel()), f32(tf, "prev_single", n, cfg.seqChannel()),
                i32(tf, "residue_index", n), i32(tf, "token_index", n), i32(tf, "asym_id", n),
                i32(tf, "entity_id", n), i32(tf, "sym_id", n), f32(tf, "seq_mask", n),
                List.of(i32(tf, "tokens_to_polymer_ligand_bonds:gather_idxs", dims.polymerLigandBonds(), 2),
                        i32(tf, "tokens_to_ligand_ligand_bonds:gather_idxs", dims.ligandLigandBonds(), 2)),
                List.of(f32(tf, "tokens_to_polymer_ligand_bonds:gather_mask", dims.polymerLigandBonds(), 2),
                        f32(tf, "tokens_to_ligand_ligand_bonds:gather_mask", dims.ligandLigandBonds(), 2)),
                i32(tf, "template_aatype", t, n), f32(tf, "template_atom_positions", t, n, 24, 3),
                f32(tf, "template_atom_mask", t, n, 24),
                i32(tf, "msa", m, n), f32(tf, "msa_mask", m, n), f32(tf, "deletion_matrix", m, n));
        return EvoformerPass.build(nn, cfg, in);
    }

    private <T extends TFloating> Operand<TFloat32> buildTargetFeat(Ops tf, Class<T> type, TrunkOptions options) {
        int n = dims.numTokens();
        long b = dims.queryBlocks();
        long q = dims.queriesPerBlock();
        long k = dims.keysPerBlock();
        Map<String, long[]> shapes = Map.of("ref_pos", new long[] {n, 24, 3}, "ref_mask", new long[] {n, 24},
                "ref_charge", new long[] {n, 24}, "pred_dense_atom_mask", new long[] {n, 24},
                "profile", new long[] {n, TemplateEmbedding.NUM_RESTYPES}, "deletion_mean", new long[] {n},
                "ref_element", new long[] {n, 24}, "ref_atom_name_chars", new long[] {n, 24, 4},
                "ref_space_uid", new long[] {n, 24}, "aatype", new long[] {n});
        Map<String, long[]> gathers = Map.of("token_atoms_to_queries", new long[] {b, q},
                "tokens_to_queries", new long[] {b, q}, "tokens_to_keys", new long[] {b, k},
                "queries_to_keys", new long[] {b, k}, "queries_to_token_atoms", new long[] {n, 24});
        Map<String, Operand<TFloat32>> f = new LinkedHashMap<>();
        Map<String, Operand<TInt32>> i = new LinkedHashMap<>();
        for (String key : ATOM_FLOAT_FEATURES) {
            f.put(key, atomPlaceholder(tf, TFloat32.class, key, shapes.get(key)));
        }
        for (String key : ATOM_INT_FEATURES) {
            i.put(key, atomPlaceholder(tf, TInt32.class, key, shapes.get(key)));
        }
        Map<String, GatherInfo> g = new LinkedHashMap<>();
        for (String key : ATOM_GATHERS) {
            g.put(key, new GatherInfo(atomPlaceholder(tf, TInt32.class, key + ":gather_idxs", gathers.get(key)),
                    atomPlaceholder(tf, TFloat32.class, key + ":gather_mask", gathers.get(key))));
        }
        AtomCrossAttEncoder.AtomInputs atoms = new AtomCrossAttEncoder.AtomInputs(f.get("ref_pos"),
                f.get("ref_mask"), i.get("ref_element"), f.get("ref_charge"), i.get("ref_atom_name_chars"),
                i.get("ref_space_uid"), f.get("pred_dense_atom_mask"), g.get("token_atoms_to_queries"),
                g.get("tokens_to_queries"), g.get("tokens_to_keys"), g.get("queries_to_keys"),
                g.get("queries_to_token_atoms"));
        Layers<T> diffuser = Layers.root(tf, params, type, options).child("diffuser");
        return AtomCrossAttEncoder.targetFeat(diffuser, atoms, i.get("aatype"), f.get("profile"),
                f.get("deletion_mean"));
    }

    private <U extends TType> Operand<U> atomPlaceholder(Ops tf, Class<U> type, String name, long[] shape) {
        Placeholder<U> p = tf.withName("atom." + name.replace(':', '.')).placeholder(type,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
        atomInputs.put(name, p);
        return p;
    }

    /** AlphaFold 3's target features {@code [N, 63 + per_token_channels]} (computed once, before the passes). */
    public float[] targetFeatures(NetworkInputs batch) {
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Map.Entry<String, Placeholder<?>> e : atomInputs.entrySet()) {
                Record r = batch.get(e.getKey());
                Tensor t = e.getValue().type() == TInt32.class ? ints(owned, r.ints(), r.shape())
                        : floatsOf(owned, r.floats(), r.shape());
                runner.feed(e.getValue(), t);
            }
            try (Result r = runner.fetch(targetFeat).run()) {
                return Tensors.floats((TFloat32) r.get(0));
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    /** Inference: target features, then {@code num_recycles + 1} passes with freshly shuffled MSA rows. */
    public Output infer(NetworkInputs batch, long seed) {
        float[] target = targetFeatures(batch);
        Embeddings e = run(batch, target, MsaShuffle.orders(batch.get("msa_mask"), numRecycles + 1, seed));
        return new Output(dims, cfg.pairChannel(), cfg.seqChannel(), e.pair(), e.single(), target);
    }

    /** The whole trunk: target features, then one pass per MSA order. */
    public Embeddings run(NetworkInputs batch, List<int[]> msaOrders) {
        return run(batch, targetFeatures(batch), msaOrders);
    }

    private Operand<TFloat32> f32(Ops tf, String name, long... shape) {
        return placeholder(tf, TFloat32.class, name, shape);
    }

    private Operand<TInt32> i32(Ops tf, String name, long... shape) {
        return placeholder(tf, TInt32.class, name, shape);
    }

    private <U extends TType> Operand<U> placeholder(Ops tf, Class<U> type, String name, long... shape) {
        Placeholder<U> p = tf.withName("input." + name.replace(':', '.')).placeholder(type,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
        inputs.put(name, p);
        return p;
    }

    public Dims dims() {
        return dims;
    }

    /**
     * Runs all passes. {@code msaOrders.get(p)} is the MSA row order of pass p (AlphaFold 3 draws it with a Gumbel
     * shuffle per recycle); its first {@code msaRows} rows are used.
     */
    public Embeddings run(NetworkInputs batch, float[] targetFeat, List<int[]> msaOrders) {
        return run(batch, targetFeat, msaOrders, InferenceProgress.NONE);
    }

    /** As {@link #run(NetworkInputs, float[], List)}, reporting each finished pass. */
    public Embeddings run(NetworkInputs batch, float[] targetFeat, List<int[]> msaOrders,
            InferenceProgress progress) {
        Embeddings prev = Embeddings.zeros(dims.numTokens(), cfg.pairChannel(), cfg.seqChannel());
        for (int p = 0; p < msaOrders.size(); p++) {
            prev = runPass(batch, targetFeat, msaOrders.get(p), prev, List.of()).embeddings();
            progress.recycle(p + 1, msaOrders.size());
        }
        return prev;
    }

    public PassResult runPass(NetworkInputs batch, float[] targetFeat, int[] msaOrder, Embeddings prev,
            Collection<String> probeNames) {
        int n = dims.numTokens();
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            feeds.put("target_feat", floats(owned, targetFeat, n, dims.targetFeatWidth()));
            feeds.put("prev_pair", floats(owned, prev.pair(), n, n, cfg.pairChannel()));
            feeds.put("prev_single", floats(owned, prev.single(), n, cfg.seqChannel()));
            for (String key : List.of("residue_index", "token_index", "asym_id", "entity_id", "sym_id",
                    "tokens_to_polymer_ligand_bonds:gather_idxs", "tokens_to_ligand_ligand_bonds:gather_idxs",
                    "template_aatype")) {
                Record r = batch.get(key);
                feeds.put(key, ints(owned, r.ints(), r.shape()));
            }
            for (String key : List.of("seq_mask", "tokens_to_polymer_ligand_bonds:gather_mask",
                    "tokens_to_ligand_ligand_bonds:gather_mask", "template_atom_positions", "template_atom_mask")) {
                Record r = batch.get(key);
                feeds.put(key, floatsOf(owned, r.floats(), r.shape()));
            }
            selectMsaRows(batch, msaOrder, feeds, owned);
            for (Map.Entry<String, Tensor> e : feeds.entrySet()) {
                runner.feed(inputs.get(e.getKey()), e.getValue());
            }
            // The same operand may be fetched only once per run; probes can alias the outputs.
            List<Operand<TFloat32>> fetched = new ArrayList<>(List.of(output.pair(), output.single()));
            List<Integer> slots = new ArrayList<>();
            for (String probe : probeNames) {
                Operand<TFloat32> op = output.probes().get(probe);
                if (op == null) {
                    throw new IllegalArgumentException("unknown trunk probe '" + probe + "'; known: "
                            + output.probes().keySet());
                }
                int at = indexOfSame(fetched, op);
                if (at < 0) {
                    at = fetched.size();
                    fetched.add(op);
                }
                slots.add(at);
            }
            fetched.forEach(runner::fetch);
            try (Result r = runner.run()) {
                List<float[]> values = new ArrayList<>();
                for (int i = 0; i < fetched.size(); i++) {
                    values.add(Tensors.floats((TFloat32) r.get(i)));
                }
                Embeddings emb = new Embeddings(n, values.get(0), values.get(1));
                Map<String, float[]> probes = new LinkedHashMap<>();
                int i = 0;
                for (String probe : probeNames) {
                    probes.put(probe, values.get(slots.get(i++)));
                }
                return new PassResult(emb, probes);
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    private static int indexOfSame(List<Operand<TFloat32>> ops, Operand<TFloat32> op) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).asOutput().equals(op.asOutput())) {
                return i;
            }
        }
        return -1;
    }

    private void selectMsaRows(NetworkInputs batch, int[] order, Map<String, Tensor> feeds, List<Tensor> owned) {
        int n = dims.numTokens();
        int m = dims.msaRows();
        int[] msa = batch.get("msa").ints();
        float[] mask = batch.get("msa_mask").floats();
        float[] del = batch.get("deletion_matrix").floats();
        int[] msaOut = new int[m * n];
        float[] maskOut = new float[m * n];
        float[] delOut = new float[m * n];
        for (int row = 0; row < m; row++) {
            System.arraycopy(msa, order[row] * n, msaOut, row * n, n);
            System.arraycopy(mask, order[row] * n, maskOut, row * n, n);
            System.arraycopy(del, order[row] * n, delOut, row * n, n);
        }
        feeds.put("msa", ints(owned, msaOut, new int[] {m, n}));
        feeds.put("msa_mask", floatsOf(owned, maskOut, new int[] {m, n}));
        feeds.put("deletion_matrix", floatsOf(owned, delOut, new int[] {m, n}));
    }

    private static TFloat32 floats(List<Tensor> owned, float[] v, long... shape) {
        TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(shape), DataBuffers.of(v, true, false));
        owned.add(t);
        return t;
    }

    private static TFloat32 floatsOf(List<Tensor> owned, float[] v, int[] shape) {
        return floats(owned, v, java.util.Arrays.stream(shape).asLongStream().toArray());
    }

    private static TInt32 ints(List<Tensor> owned, int[] v, int[] shape) {
        TInt32 t = TInt32.tensorOf(Tensors.shapeOf(shape), DataBuffers.of(v, true, false));
        owned.add(t);
        return t;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
