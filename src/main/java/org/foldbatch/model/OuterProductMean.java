package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Outer product mean: MSA {@code [S, N, Cm]} to a pair update {@code [N, N, Cz]}. The bias is added before dividing
 * by {@code 1e-3 + Σ mask_i·mask_j}, so fully padded pairs come out as {@code output_b / 1e-3}, as in AlphaFold 3.
 */
public final class OuterProductMean {
    private static final float EPSILON = 1e-3f;

    private OuterProductMean() {
    }

    /** @param chunkRows rows i per chunk (AlphaFold 3 uses 128), or null for all at once */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> msa, Operand<T> msaMask,
            Integer chunkRows) {
        Ops tf = nn.tf();
        Operand<T> mask = tf.expandDims(msaMask, tf.constant(-1));
        Operand<T> h = nn.layerNorm(msa, "layer_norm_input");
        Operand<T> left = nn.mul(mask, nn.linear(h, "left_projection"));
        Operand<T> right = nn.mul(mask, nn.linear(h, "right_projection"));
        Operand<T> w = nn.param("", "output_w");
        long[] wd = Layers.dims(w);
        Operand<T> wFlat = nn.reshape(w, wd[0] * wd[1], wd[2]);
        Operand<T> b = nn.param("", "output_b");
        long n = Layers.dims(msa)[1];
        Operand<T> leftByRow = nn.transpose(left, 1, 0, 2);
        Operand<T> act = nn.chunked(n, chunkRows, (l, start, end) -> {
            Operand<T> outer = l.einsum("iac,aje->ijce", l.rows(leftByRow, start, end), right);
            long[] od = Layers.dims(outer);
            Operand<T> flat = l.reshape(outer, od[0], od[1], od[2] * od[3]);
            return l.add(l.einsum("ijx,xf->ijf", flat, wFlat), b);
        });
        Operand<T> norm = tf.expandDims(nn.einsum("ai,aj->ij", msaMask, msaMask), tf.constant(-1));
        return tf.math.div(act, nn.add(norm, nn.scalar(EPSILON)));
    }
}
