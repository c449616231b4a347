package org.foldbatch.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The per-atom encoder ({@code atom_cross_att_encoder}): reference-conformer features per atom, 32-atom query blocks
 * attending to 128-atom key windows, aggregated to one vector per token. The trunk runs it as
 * {@code evoformer_conditioning} (no positions, no trunk conditioning); the diffusion head passes noisy positions and
 * the trunk single and pair.
 */
public final class AtomCrossAttEncoder {
    public static final int ELEMENT_CLASSES = 128;
    public static final int NAME_CHAR_CLASSES = 64;

    /** Per-atom batch features and the layout gathers, as graph operands. */
    public record AtomInputs(Operand<TFloat32> refPos, Operand<TFloat32> refMask, Operand<TInt32> refElement,
            Operand<TFloat32> refCharge, Operand<TInt32> refAtomNameChars, Operand<TInt32> refSpaceUid,
            Operand<TFloat32> predDenseAtomMask, GatherInfo tokenAtomsToQueries, GatherInfo tokensToQueries,
            GatherInfo tokensToKeys, GatherInfo queriesToKeys, GatherInfo queriesToTokenAtoms) {
    }

    /** Everything the decoder reuses, in the queries/keys layouts. */
    public record Output<T extends TFloating>(Operand<T> tokenAct, Operand<T> skipConnection, Operand<T> queriesMask,
            Operand<T> queriesSingleCond, Operand<T> keysMask, Operand<T> keysSingleCond, Operand<T> pairCond,
            Operand<T> transformerInput, Operand<T> transformerOutput) {
    }

    private AtomCrossAttEncoder() {
    }

    /**
     * @param nn scoped at the parent of the encoder's modules ({@code diffuser} or its diffusion head)
     * @param name the encoder's name prefix ({@code evoformer_conditioning} or {@code diffusion})
     * @param tokenAtomsAct positions {@code [N, 24, 3]} (or {@code [S, N, 24, 3]} for S samples at once) or null
     * @param trunkSingle {@code [N, Cs]} or null
     * @param trunkPair {@code [N, N, Cz]} or null
     */
    public static <T extends TFloating> Output<T> apply(Layers<T> nn, String name, AtomInputs in,
            Operand<T> tokenAtomsAct, Operand<T> trunkSingle, Operand<T> trunkPair) {
        Ops tf = nn.tf();
        String p = name + "_";
        Operand<T> cond = perAtomConditioning(nn, p, in);
        GatherInfo t2q = in.tokenAtomsToQueries();
        GatherInfo q2k = in.queriesToKeys();
        Operand<T> cq = t2q.convert(nn, cond, 2);
        Operand<T> mq = nn.cast(t2q.convert(nn, in.predDenseAtomMask(), 2));
        if (trunkSingle != null) {
            Operand<T> s = nn.linear(nn.layerNorm(trunkSingle, p + "lnorm_trunk_single_cond", true),
                    p + "embed_trunk_single_cond");
            cq = nn.add(cq, in.tokensToQueries().convert(nn, s, 1));
        }
        int samples = tokenAtomsAct == null ? 0 : Layers.dims(tokenAtomsAct).length - 3;
        Operand<T> aq;
        if (tokenAtomsAct == null) {
            aq = cq;
        } else {
            aq = nn.linear(t2q.convert(nn, tokenAtomsAct, samples, 2), p + "atom_positions_to_features");
            aq = nn.add(nn.mul(aq, tf.expandDims(mq, tf.constant(-1))), cq);
        }
        Operand<T> ck = q2k.convert(nn, cq, 2);
        Operand<T> mk = q2k.convert(nn, mq, 2);

        Operand<T> row = nn.linear(tf.nn.relu(cq), p + "single_to_pair_cond_row_1");
        Operand<T> col = nn.linear(tf.nn.relu(ck), p + "single_to_pair_cond_col_1");
        Operand<T> pair = nn.add(tf.expandDims(row, tf.constant(2)), tf.expandDims(col, tf.constant(1)));
        if (trunkPair != null) {
            pair = nn.add(pair, trunkPairToAtomPairs(nn, p, in, trunkPair));
        }

        Operand<TFloat32> rq = t2q.convert(nn, in.refPos(), 2);
        Operand<TInt32> uidQ = t2q.convert(nn, in.refSpaceUid(), 2);
        Operand<TFloat32> rk = q2k.convert(nn, rq, 2);
        // AlphaFold 3 gathers the token-layout uid array with queries-layout indices (its issue #730); the model was
        // trained with this, so it is reproduced.
        Operand<TInt32> uidK = q2k.convert(nn, in.refSpaceUid(), 2);
        Operand<TFloat32> valid = tf.dtypes.cast(tf.math.equal(tf.expandDims(uidQ, tf.constant(2)),
                tf.expandDims(uidK, tf.constant(1))), TFloat32.class);
        Operand<TFloat32> validCh = tf.expandDims(valid, tf.constant(-1));
        Operand<TFloat32> offsets = tf.math.sub(tf.expandDims(rq, tf.constant(2)), tf.expandDims(rk, tf.constant(1)));
        pair = nn.add(pair, nn.mul(nn.linear(nn.cast(offsets), p + "embed_pair_offsets_1"), nn.cast(validCh)));
        Operand<TFloat32> sq = tf.sum(tf.math.square(offsets), tf.constant(-1), Sum.keepDims(true));
        Operand<TFloat32> inv = tf.math.div(tf.constant(1f), tf.math.add(tf.constant(1f), sq));
        pair = nn.add(pair, nn.mul(nn.linear(nn.cast(inv), p + "embed_pair_distances_1"), nn.cast(validCh)));
        pair = nn.add(pair, nn.linear(nn.cast(validCh), p + "embed_pair_offsets_valid"));

        Operand<T> h = nn.linear(tf.nn.relu(pair), p + "pair_mlp_1");
        h = nn.linear(tf.nn.relu(h), p + "pair_mlp_2");
        pair = nn.add(pair, nn.linear(tf.nn.relu(h), p + "pair_mlp_3"));

        CrossAttTransformer.Context<T> ctx = new CrossAttTransformer.Context<>(mq, q2k, mk, cq, ck, pair);
        String transformer = p + "atom_transformer_encoder";
        Operand<T> out = CrossAttTransformer.apply(nn.child(transformer), transformer, aq, ctx);
        Operand<T> mqCh = tf.expandDims(mq, tf.constant(-1));
        Operand<T> skip = nn.mul(out, mqCh);

        Operand<T> projected = nn.linear(skip, p + "project_atom_features_for_aggr");
        Operand<T> tokenAtoms = in.queriesToTokenAtoms().convert(nn, projected, samples, 2);
        Operand<T> atomMask = nn.cast(tf.expandDims(in.predDenseAtomMask(), tf.constant(-1)));
        Operand<T> total = tf.sum(nn.mul(atomMask, tf.nn.relu(tokenAtoms)), tf.constant(-2));
        Operand<T> count = tf.sum(tf.broadcastTo(atomMask, tf.shape(tokenAtoms)), tf.constant(-2));
        Operand<T> tokenAct = tf.math.div(total, tf.math.maximum(count, nn.scalar(1e-10f)));
        return new Output<>(tokenAct, skip, mq, cq, mk, ck, pair, aq, out);
    }

    /** Per-atom single conditioning in the token-atoms layout {@code [N, 24, Ca]}. */
    private static <T extends TFloating> Operand<T> perAtomConditioning(Layers<T> nn, String p, AtomInputs in) {
        Ops tf = nn.tf();
        Operand<T> act = nn.linear(nn.cast(in.refPos()), p + "embed_ref_pos");
        act = nn.add(act, nn.linear(nn.cast(tf.expandDims(in.refMask(), tf.constant(-1))), p + "embed_ref_mask"));
        act = nn.add(act, nn.linear(nn.cast(tf.oneHot(in.refElement(), tf.constant(ELEMENT_CLASSES), tf.constant(1f),
                tf.constant(0f))), p + "embed_ref_element"));
        act = nn.add(act, nn.linear(nn.cast(tf.expandDims(tf.math.asinh(in.refCharge()), tf.constant(-1))),
                p + "embed_ref_charge"));
        Operand<TFloat32> chars = tf.oneHot(in.refAtomNameChars(), tf.constant(NAME_CHAR_CLASSES), tf.constant(1f),
                tf.constant(0f));
        long[] d = Layers.dims(chars);
        act = nn.add(act, nn.linear(nn.cast(nn.reshape(chars, d[0], d[1], d[2] * d[3])), p + "embed_ref_atom_name"));
        return nn.mul(act, nn.cast(tf.expandDims(in.refMask(), tf.constant(-1))));
    }

    /** The trunk pair, projected to atom-pair width and gathered at (token of query, token of key). */
    private static <T extends TFloating> Operand<T> trunkPairToAtomPairs(Layers<T> nn, String p, AtomInputs in,
            Operand<T> trunkPair) {
        Ops tf = nn.tf();
        Operand<T> z = nn.linear(nn.layerNorm(trunkPair, p + "lnorm_trunk_pair_cond", true), p + "embed_trunk_pair_cond");
        long n = Layers.dims(trunkPair)[0];
        Operand<TInt32> idx = tf.math.add(
                tf.math.mul(tf.constant((int) n), tf.expandDims(in.tokensToQueries().idxs(), tf.constant(2))),
                tf.expandDims(in.tokensToKeys().idxs(), tf.constant(1)));
        Operand<TFloat32> mask = tf.math.mul(tf.expandDims(in.tokensToQueries().mask(), tf.constant(2)),
                tf.expandDims(in.tokensToKeys().mask(), tf.constant(1)));
        return new GatherInfo(idx, mask).convert(nn, z, 2);
    }

    /** AlphaFold 3's target features: one-hot restype, profile, deletion mean and the per-atom encoder's tokens. */
    public static <T extends TFloating> Operand<TFloat32> targetFeat(Layers<T> diffuser, AtomInputs atoms,
            Operand<TInt32> aatype, Operand<TFloat32> profile, Operand<TFloat32> deletionMean) {
        Ops tf = diffuser.tf();
        Output<T> enc = apply(diffuser, "evoformer_conditioning", atoms, null, null, null);
        return tf.concat(List.of(TrunkFeatures.targetFeatRaw(tf, aatype, profile, deletionMean),
                diffuser.f32(enc.tokenAct())), tf.constant(-1));
    }
}
