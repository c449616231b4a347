package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Self-attention over tokens with a pair bias, unconditioned ({@code diffusion_transformer.self_attention} with
 * {@code single_cond=None}); its parameters are named {@code <prefix>layer_norm}, {@code <prefix>q_projection}, ...
 * with the prefix glued on without a separator, as AlphaFold 3 does. Returns the update.
 */
public final class SingleAttention {
    private SingleAttention() {
    }

    /**
     * @param pairLogits {@code [heads, N, N]}
     * @param mask token mask {@code [N]}
     */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, String prefix, Operand<T> x, Operand<T> mask,
            Operand<T> pairLogits) {
        Ops tf = nn.tf();
        Operand<T> h = nn.layerNorm(x, prefix + "layer_norm", true);
        Operand<T> q = nn.linear(h, prefix + "q_projection", true);
        Operand<T> k = nn.linear(h, prefix + "k_projection");
        Operand<T> v = nn.linear(h, prefix + "v_projection");
        long[] qd = Layers.dims(q);
        float scale = (float) (1.0 / Math.sqrt(qd[2]));
        Operand<TFloat32> logits = nn.einsum("qhc,khc->hqk", tf.math.mul(nn.f32(q), tf.constant(scale)), nn.f32(k));
        Operand<TFloat32> maskBias = tf.math.mul(tf.constant(1e9f), tf.math.sub(nn.f32(mask), tf.constant(1f)));
        logits = tf.math.add(tf.math.add(logits, maskBias), nn.f32(pairLogits));
        Operand<T> w = nn.cast(tf.nn.softmax(logits));
        Operand<T> o = nn.einsum("hqk,khc->qhc", w, v);
        o = nn.reshape(o, qd[0], qd[1] * qd[2]);
        o = nn.mul(o, nn.sigmoid(nn.linear(h, prefix + "gating_query")));
        return nn.linear(o, prefix + "transition2");
    }
}
