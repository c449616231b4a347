package org.foldbatch.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Feature construction of the Evoformer inputs (AlphaFold 3 {@code featurization.py}), in f32. */
public final class TrunkFeatures {
    public static final int MSA_CLASSES = 32;

    private TrunkFeatures() {
    }

    /** {@code [onehot(aatype, 31), profile, deletion_mean]}: the target features without the atom encoder. */
    public static Operand<TFloat32> targetFeatRaw(Ops tf, Operand<TInt32> aatype, Operand<TFloat32> profile,
            Operand<TFloat32> deletionMean) {
        Operand<TFloat32> onehot = tf.oneHot(aatype, tf.constant(TemplateEmbedding.NUM_RESTYPES), tf.constant(1f),
                tf.constant(0f));
        return tf.concat(List.of(onehot, profile, tf.expandDims(deletionMean, tf.constant(-1))), tf.constant(-1));
    }

    /** {@code [onehot(msa, 32), clip(deletions, 0, 1), atan(deletions / 3)·2/π]}, width 34. */
    public static Operand<TFloat32> msaFeatures(Ops tf, Operand<TInt32> msa, Operand<TFloat32> deletions) {
        Operand<TFloat32> onehot = tf.oneHot(msa, tf.constant(MSA_CLASSES), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> has = tf.clipByValue(deletions, tf.constant(0f), tf.constant(1f));
        Operand<TFloat32> value = tf.math.mul(tf.math.atan(tf.math.div(deletions, tf.constant(3f))),
                tf.constant((float) (2 / Math.PI)));
        return tf.concat(List.of(onehot, tf.expandDims(has, tf.constant(-1)), tf.expandDims(value, tf.constant(-1))),
                tf.constant(-1));
    }

    /**
     * Relative position encoding (139 features for max_relative_idx 32, max_relative_chain 2): relative residue
     * index within a chain, relative token index within a residue, same entity, relative copy index within an
     * entity; "other chain" gets the extra last class.
     */
    public static Operand<TFloat32> relativeEncoding(Ops tf, Operand<TInt32> residueIndex, Operand<TInt32> tokenIndex,
            Operand<TInt32> asymId, Operand<TInt32> entityId, Operand<TInt32> symId, int maxRelativeIdx,
            int maxRelativeChain) {
        Operand<TBool> sameChain = pairEqual(tf, asymId);
        Operand<TBool> sameResidue = pairEqual(tf, residueIndex);
        Operand<TBool> sameEntity = pairEqual(tf, entityId);

        Operand<TInt32> relPos = clippedOffset(tf, residueIndex, maxRelativeIdx);
        relPos = tf.select(sameChain, relPos, tf.constant(2 * maxRelativeIdx + 1));
        Operand<TInt32> relToken = clippedOffset(tf, tokenIndex, maxRelativeIdx);
        relToken = tf.select(tf.math.logicalAnd(sameChain, sameResidue), relToken,
                tf.constant(2 * maxRelativeIdx + 1));
        Operand<TInt32> relChain = clippedOffset(tf, symId, maxRelativeChain);
        relChain = tf.select(sameEntity, relChain, tf.constant(2 * maxRelativeChain + 1));

        return tf.concat(List.of(
                oneHot(tf, relPos, 2 * maxRelativeIdx + 2),
                oneHot(tf, relToken, 2 * maxRelativeIdx + 2),
                tf.expandDims(tf.dtypes.cast(sameEntity, TFloat32.class), tf.constant(-1)),
                oneHot(tf, relChain, 2 * maxRelativeChain + 2)), tf.constant(-1));
    }

    /**
     * Token-token bond matrix: 1 at (first, second) token of every bond row whose two gather masks are set (else the
     * row points at (0, 0)); (0, 0) itself is cleared afterwards; not symmetrised, as in AlphaFold 3.
     */
    public static Operand<TFloat32> bondContacts(Ops tf, int numTokens, List<Operand<TInt32>> gatherIdxs,
            List<Operand<TFloat32>> gatherMasks) {
        Operand<TFloat32> contact = null;
        for (int b = 0; b < gatherIdxs.size(); b++) {
            Operand<TFloat32> mask = gatherMasks.get(b);
            Operand<TFloat32> rowValid = tf.math.mul(column(tf, mask, 0), column(tf, mask, 1));
            Operand<TInt32> valid = tf.dtypes.cast(rowValid, TInt32.class);
            Operand<TInt32> from = tf.math.mul(column(tf, gatherIdxs.get(b), 0), valid);
            Operand<TInt32> to = tf.math.mul(column(tf, gatherIdxs.get(b), 1), valid);
            Operand<TFloat32> hits = tf.linalg.einsum(List.of(oneHot(tf, from, numTokens), oneHot(tf, to, numTokens)),
                    "ri,rj->ij");
            contact = contact == null ? hits : tf.math.add(contact, hits);
        }
        contact = tf.math.minimum(contact, tf.constant(1f));
        float[] keep = new float[numTokens * numTokens];
        java.util.Arrays.fill(keep, 1f);
        keep[0] = 0f;
        return tf.math.mul(contact, Tensors.floatConstant(tf, new int[] {numTokens, numTokens}, keep));
    }

    private static <U extends org.tensorflow.types.family.TNumber> Operand<U> column(Ops tf, Operand<U> x, int c) {
        return tf.squeeze(tf.gather(x, tf.constant(new int[] {c}), tf.constant(1)),
                org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
    }

    private static Operand<TBool> pairEqual(Ops tf, Operand<TInt32> v) {
        return tf.math.equal(tf.expandDims(v, tf.constant(1)), tf.expandDims(v, tf.constant(0)));
    }

    private static Operand<TInt32> clippedOffset(Ops tf, Operand<TInt32> v, int max) {
        Operand<TInt32> d = tf.math.sub(tf.expandDims(v, tf.constant(1)), tf.expandDims(v, tf.constant(0)));
        return tf.clipByValue(tf.math.add(d, tf.constant(max)), tf.constant(0), tf.constant(2 * max));
    }

    private static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> idx, int depth) {
        return tf.oneHot(idx, tf.constant(depth), tf.constant(1f), tf.constant(0f));
    }
}
