package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.family.TFloating;

/**
 * MSA pair-weighted averaging ({@code MSAAttention}, Haiku name {@code msa_attention1}): attention weights come only
 * from the pair representation; no query-key product. Returns the MSA update.
 */
public final class MsaAttention {
    private MsaAttention() {
    }

    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> msa, Operand<T> msaMask,
            Operand<T> pair) {
        Ops tf = nn.tf();
        Operand<T> h = nn.layerNorm(msa, "act_norm");
        Operand<T> p = nn.layerNorm(pair, "pair_norm");
        Operand<T> logits = nn.transpose(nn.linear(p, "pair_logits"), 2, 0, 1);
        Operand<T> columnMask = tf.max(msaMask, tf.constant(0), Max.keepDims(false));
        logits = nn.add(logits, nn.mul(nn.scalar(1e9f), tf.math.sub(columnMask, nn.scalar(1f))));
        Operand<T> w = tf.nn.softmax(logits);
        Operand<T> v = nn.linear(h, "v_projection");
        Operand<T> avg = nn.einsum("hqk,bkhc->bqhc", w, v);
        long[] d = Layers.dims(avg);
        avg = nn.reshape(avg, d[0], d[1], d[2] * d[3]);
        avg = nn.mul(avg, nn.sigmoid(nn.linear(h, "gating_query")));
        return nn.linear(avg, "output_projection");
    }
}
