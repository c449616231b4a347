package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * AlphaFold 3's confidence head for one predicted structure: the trunk pair is updated with target features and a
 * distogram of the structure's pseudo-β atoms, refined by its own Pairformer stack, then read out as PDE, PAE
 * (with the TM-score-adjusted terms pTM and ipTM are computed from), pLDDT and experimentally-resolved
 * probabilities. Both logits and AlphaFold 3's reduced values are returned.
 */
public final class ConfidenceHead {
    public static final String SCOPE = "diffuser/confidence_head";
    static final String PAIRFORMER = "__layer_stack_no_per_layer/confidence_pairformer";

    /** Error-bin settings ({@code num_bins}, {@code max_error_bin}) and the distogram feature bins. */
    public record Settings(int numErrorBins, double maxErrorBin, int numPaeBins, double maxPaeBin,
            TemplateEmbedding.DgramFeatures dgram) {
        public static final Settings DEFAULT = new Settings(64, 31.0, 64, 31.0,
                TemplateEmbedding.DgramFeatures.DEFAULT);

        public static Settings fromJson(tools.jackson.databind.JsonNode c) {
            if (c == null || !c.isObject()) {
                return DEFAULT;
            }
            tools.jackson.databind.JsonNode pae = c.path("pae");
            tools.jackson.databind.JsonNode d = c.path("dgram_features");
            return new Settings(c.path("num_bins").asInt(64), c.path("max_error_bin").asDouble(31.0),
                    pae.path("num_bins").asInt(64), pae.path("max_error_bin").asDouble(31.0),
                    new TemplateEmbedding.DgramFeatures(d.path("min_bin").asDouble(3.25),
                            d.path("max_bin").asDouble(50.75), d.path("num_bins").asInt(39)));
        }

        /** Bin centres: {@code numBins - 1} breaks over {@code [0, maxBin]}, each plus half a step, last one extended. */
        static float[] centres(int numBins, double maxBin) {
            double step = maxBin / (numBins - 2);
            float[] c = new float[numBins];
            for (int k = 0; k < numBins; k++) {
                c[k] = (float) (k * step + step / 2);
            }
            return c;
        }
    }

    public record Output(Operand<TFloat32> pairAfterPairformer, Operand<TFloat32> singleAfterPairformer,
            Operand<TFloat32> pdeLogits, Operand<TFloat32> fullPde, Operand<TFloat32> averagePde,
            Operand<TFloat32> paeLogits, Operand<TFloat32> fullPae, Operand<TFloat32> tmAdjustedPaeGlobal,
            Operand<TFloat32> tmAdjustedPaeInterface, Operand<TFloat32> plddtLogits, Operand<TFloat32> plddt,
            Operand<TFloat32> resolvedLogits, Operand<TFloat32> resolved) {
    }

    private ConfidenceHead() {
    }

    /**
     * @param root the root of the scope tree (pairformer in the activation type, read-outs in f32)
     * @param positions the structure {@code [N, 24, 3]}
     * @param pseudoBeta {@code token_atoms_to_pseudo_beta}
     */
    public static <T extends TFloating> Output apply(Layers<T> root, Layers<TFloat32> root32,
            Operand<TFloat32> positions, Operand<TFloat32> pair, Operand<TFloat32> single,
            Operand<TFloat32> targetFeat, Operand<TFloat32> seqMask, Operand<TInt32> asymId, GatherInfo pseudoBeta,
            Settings settings) {
        Ops tf = root.tf();
        Layers<T> nn = root.child(SCOPE);
        Layers<TFloat32> nn32 = root32.child(SCOPE);
        Operand<TFloat32> pm = tf.math.mul(tf.expandDims(seqMask, tf.constant(1)), tf.expandDims(seqMask,
                tf.constant(0)));
        Operand<T> t = nn.cast(targetFeat);
        Layers<T> embed = nn.child("~_embed_features");
        Operand<T> left = embed.linear(t, "left_target_feat_project");
        Operand<T> right = embed.linear(t, "right_target_feat_project");
        Operand<T> z = nn.add(nn.cast(pair), nn.add(tf.expandDims(left, tf.constant(0)),
                tf.expandDims(right, tf.constant(1))));
        Operand<TFloat32> pb = pseudoBeta.convert(root, positions, 2);
        Operand<TFloat32> dgram = tf.math.mul(TemplateEmbedding.distogram(tf, pb, settings.dgram()),
                tf.expandDims(pm, tf.constant(-1)));
        z = nn.add(z, embed.linear(nn.cast(dgram), "distogram_feat_project"));

        Operand<T> s = nn.cast(single);
        Operand<T> pmT = nn.cast(pm);
        Operand<T> maskT = nn.cast(seqMask);
        Layers<T> stack = nn.child(PAIRFORMER);
        int layers = stack.stackDepth("pair_transition/transition1", "weights");
        for (int l = 0; l < layers; l++) {
            PairformerIteration.Output<T> o = PairformerIteration.apply(stack.layer(l), z, pmT, s, maskT);
            z = o.pair();
            s = o.single();
        }
        Operand<TFloat32> z32 = nn.f32(z);
        Operand<TFloat32> s32 = nn.f32(s);

        Operand<TFloat32> half = nn32.linear(nn32.layerNorm(z32, "logits_ln"), "left_half_distance_logits");
        Operand<TFloat32> pdeLogits = tf.math.add(half, nn32.transpose(half, 1, 0, 2));
        float[] errCentres = Settings.centres(settings.numErrorBins(), settings.maxErrorBin());
        Operand<TFloat32> fullPde = tf.math.mul(expectation(tf, pdeLogits, errCentres), pm);
        Operand<TFloat32> averagePde = tf.math.div(tf.sum(fullPde, tf.constant(new int[] {0, 1})),
                tf.sum(pm, tf.constant(new int[] {0, 1})));

        Operand<TFloat32> paeLogits = nn32.linear(nn32.layerNorm(z32, "pae_logits_ln"), "pae_logits");
        Operand<TFloat32> plddtLogits = nn32.linear(nn32.layerNorm(s32, "plddt_logits_ln"), "plddt_logits");
        Readouts r = readouts(tf, paeLogits, plddtLogits, seqMask, asymId, settings);
        Operand<TFloat32> resolvedLogits = nn32.linear(nn32.layerNorm(s32, "experimentally_resolved_ln"),
                "experimentally_resolved_logits");
        Operand<TFloat32> resolved = tf.squeeze(tf.slice(tf.nn.softmax(resolvedLogits),
                tf.constant(new int[] {0, 0, 1}), tf.constant(new int[] {-1, -1, 1})),
                org.tensorflow.op.core.Squeeze.axis(java.util.List.of(-1L)));
        return new Output(z32, s32, pdeLogits, fullPde, averagePde, paeLogits, r.fullPae(), r.tmAdjustedPaeGlobal(),
                r.tmAdjustedPaeInterface(), plddtLogits, r.plddt(), resolvedLogits, resolved);
    }

    /** What AlphaFold 3's post-processing keeps of the PAE and pLDDT logits. */
    public record Readouts(Operand<TFloat32> fullPae, Operand<TFloat32> tmAdjustedPaeGlobal,
            Operand<TFloat32> tmAdjustedPaeInterface, Operand<TFloat32> plddt) {
    }

    /**
     * The read-out from the logits onward ({@code ConfidenceHead.__call__} after its Linear layers): expected PAE,
     * the TM-score-adjusted PAE with the global and the per-chain-pair d0, and pLDDT × 100.
     *
     * @param paeLogits {@code [N, N, paeBins]} (row = token whose frame aligns)
     * @param plddtLogits {@code [N, 24, plddtBins]}
     * @param seqMask {@code [N]} 1 for real tokens, 0 for padding
     * @param asymId {@code [N]}
     */
    public static Readouts readouts(Ops tf, Operand<TFloat32> paeLogits, Operand<TFloat32> plddtLogits,
            Operand<TFloat32> seqMask, Operand<TInt32> asymId, Settings settings) {
        Operand<TFloat32> pm = tf.math.mul(tf.expandDims(seqMask, tf.constant(1)), tf.expandDims(seqMask,
                tf.constant(0)));
        float[] paeCentres = Settings.centres(settings.numPaeBins(), settings.maxPaeBin());
        Operand<TFloat32> paeProbs = tf.nn.softmax(paeLogits);
        Operand<TFloat32> fullPae = tf.math.mul(tf.sum(tf.math.mul(paeProbs, tf.constant(paeCentres)),
                tf.constant(-1)), pm);
        Operand<TFloat32> numReal = tf.sum(seqMask, tf.constant(0));
        Operand<TFloat32> tmGlobal = tmAdjusted(tf, paeProbs, paeCentres,
                tf.math.mul(tf.onesLike(pm), numReal));
        Operand<TFloat32> tmInterface = tmAdjusted(tf, paeProbs, paeCentres, interfaceCounts(tf, asymId, pm));
        int plddtBins = (int) Layers.dims(plddtLogits)[2];
        float[] plddtCentres = new float[plddtBins];
        for (int k = 0; k < plddtBins; k++) {
            plddtCentres[k] = (float) ((k + 0.5) / plddtBins);
        }
        Operand<TFloat32> plddt = tf.math.mul(tf.constant(100f), expectation(tf, plddtLogits, plddtCentres));
        return new Readouts(fullPae, tmGlobal, tmInterface, plddt);
    }

    private static Operand<TFloat32> expectation(Ops tf, Operand<TFloat32> logits, float[] centres) {
        return tf.sum(tf.math.mul(tf.nn.softmax(logits), tf.constant(centres)), tf.constant(-1));
    }

    /** {@code Σ_k p_k / (1 + (c_k / d0(n))²)} with {@code d0(n) = 1.24·(max(n, 19) − 15)^⅓ − 1.8}. */
    private static Operand<TFloat32> tmAdjusted(Ops tf, Operand<TFloat32> probs, float[] centres,
            Operand<TFloat32> n) {
        Operand<TFloat32> clipped = tf.math.maximum(n, tf.constant(19f));
        Operand<TFloat32> d0 = tf.math.sub(tf.math.mul(tf.constant(1.24f),
                tf.math.pow(tf.math.sub(clipped, tf.constant(15f)), tf.constant(1f / 3f))), tf.constant(1.8f));
        Operand<TFloat32> c2 = tf.math.square(tf.constant(centres));
        Operand<TFloat32> term = tf.math.div(tf.constant(1f), tf.math.add(tf.constant(1f),
                tf.math.div(c2, tf.math.square(tf.expandDims(d0, tf.constant(-1))))));
        return tf.sum(tf.math.mul(probs, term), tf.constant(-1));
    }

    /** Token counts for the interface term: one chain's size within a chain, both chains' sizes across. */
    private static Operand<TFloat32> interfaceCounts(Ops tf, Operand<TInt32> asymId, Operand<TFloat32> pm) {
        Operand<TFloat32> same = tf.dtypes.cast(tf.math.equal(tf.expandDims(asymId, tf.constant(1)),
                tf.expandDims(asymId, tf.constant(0))), TFloat32.class);
        Operand<TFloat32> cnt = tf.sum(tf.math.mul(same, pm), tf.constant(1));
        Operand<TFloat32> sum = tf.math.add(tf.expandDims(cnt, tf.constant(1)), tf.expandDims(cnt, tf.constant(0)));
        Operand<TFloat32> n = tf.math.sub(sum, tf.math.mul(same, tf.math.floor(tf.math.div(sum, tf.constant(2f)))));
        return tf.math.mul(n, pm);
    }
}
