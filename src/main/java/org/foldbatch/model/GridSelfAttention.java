package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Triangle self-attention ({@code GridSelfAttention}): around the starting node ({@code pair_attention1}, rows) or the
 * ending node ({@code pair_attention2}, columns). Logits and softmax in f32; masked keys are replaced by the lowest
 * float, as the XLA reference of the attention kernel does. Returns the update.
 */
public final class GridSelfAttention {
    private GridSelfAttention() {
    }

    /** @param chunkRows rows of the (transposed) grid per chunk, or null for all at once */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> act, Operand<T> pairMask,
            boolean transpose, Integer chunkRows) {
        Ops tf = nn.tf();
        Operand<T> x = nn.layerNorm(act, "act_norm");
        Operand<TFloat32> bias = nn.f32(nn.transpose(nn.linear(x, "pair_bias_projection"), 2, 0, 1));
        Operand<T> grid = transpose ? nn.transpose(x, 1, 0, 2) : x;
        // Key k of batch row b is valid iff pair_mask[k, b], in both orientations.
        Operand<TBool> keyMask = tf.math.greater(nn.f32(nn.transpose(pairMask, 1, 0)), tf.constant(0f));
        Operand<T> out = nn.chunked(Layers.dims(grid)[0], chunkRows,
                (l, start, end) -> attend(l, l.rows(grid, start, end), bias, l.rows(keyMask, start, end)));
        return transpose ? nn.transpose(out, 1, 0, 2) : out;
    }

    private static <T extends TFloating> Operand<T> attend(Layers<T> nn, Operand<T> x, Operand<TFloat32> bias,
            Operand<TBool> keyMask) {
        Ops tf = nn.tf();
        Operand<T> q = nn.linearTransposed(x, "q_projection");
        Operand<T> k = nn.linearTransposed(x, "k_projection");
        Operand<T> v = nn.linear(x, "v_projection");
        long[] qd = Layers.dims(q);
        long rows = qd[0];
        long heads = qd[2];
        long dim = qd[3];
        Operand<TFloat32> logits = nn.einsum("bqhd,bkhd->bhqk", nn.f32(q), nn.f32(k));
        logits = tf.math.add(tf.math.mul(logits, tf.constant((float) (1.0 / Math.sqrt(dim)))),
                tf.expandDims(bias, tf.constant(0)));
        Operand<TBool> mask = tf.reshape(keyMask, tf.constant(new long[] {rows, 1, 1, -1}));
        logits = tf.select(mask, logits, tf.constant(-Float.MAX_VALUE));
        Operand<T> w = nn.cast(tf.nn.softmax(logits));
        Operand<T> o = nn.einsum("bhqk,bkhd->bqhd", w, v);
        o = nn.reshape(o, rows, qd[1], heads * dim);
        o = nn.mul(o, nn.sigmoid(nn.linearTransposed(x, "gating_query")));
        return nn.linear(o, "output_projection");
    }
}
