package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The per-atom cross-attention transformer ({@code CrossAttTransformer}): each block attends from 32-atom query
 * blocks to 128-atom key windows with adaptive LayerNorm conditioning, pair logits and a conditioned GLU transition.
 * Parameter names glue the module name and suffix without a separator, as AlphaFold 3 does.
 */
public final class CrossAttTransformer {
    private CrossAttTransformer() {
    }

    /** Inputs shared by every block, in queries ([B, Q, ...]) and keys ([B, K, ...]) layouts. */
    public record Context<T extends TFloating>(Operand<T> queriesMask, GatherInfo queriesToKeys, Operand<T> keysMask,
            Operand<T> queriesSingleCond, Operand<T> keysSingleCond, Operand<T> pairCond) {
    }

    /**
     * @param nn scoped at the transformer module (e.g. {@code diffuser/evoformer_conditioning_atom_transformer_encoder})
     * @param name the module's own name, which prefixes the per-block parameter names
     */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, String name, Operand<T> queriesAct,
            Context<T> ctx) {
        Ops tf = nn.tf();
        Operand<T> pairAct = nn.layerNorm(ctx.pairCond(), "pair_input_layer_norm", true);
        Operand<T> logits = nn.linear(pairAct, "pair_logits_projection");
        Operand<T> perBlock = nn.transpose(logits, 3, 0, 4, 1, 2);
        Layers<T> stack = nn.child("__layer_stack_with_per_layer");
        int blocks = (int) Layers.dims(logits)[3];
        Operand<T> aq = queriesAct;
        for (int l = 0; l < blocks; l++) {
            Layers<T> block = stack.layer(l);
            Operand<T> pl = tf.gather(perBlock, tf.constant(l), tf.constant(0));
            Operand<T> ak = ctx.queriesToKeys().convert(nn, aq, Layers.dims(aq).length - 3, 2);
            aq = nn.add(aq, crossAttention(block, name, aq, ak, ctx, pl));
            aq = nn.add(aq, transition(block, name, aq, ctx.queriesSingleCond()));
        }
        return aq;
    }

    /** Adaptive LayerNorm: {@code σ(ĉ·Ws + bs) ⊙ LN(x) + ĉ·Wb} with two-pass statistics. */
    static <T extends TFloating> Operand<T> adaptiveLayerNorm(Layers<T> nn, Operand<T> x, Operand<T> cond,
            String name) {
        Operand<T> xn = nn.layerNorm(x, name + "layer_norm", true);
        Operand<T> c = nn.layerNorm(cond, name + "single_cond_layer_norm", true);
        Operand<T> scale = nn.linear(c, name + "single_cond_scale", true);
        Operand<T> bias = nn.linear(c, name + "single_cond_bias");
        return nn.add(nn.mul(nn.sigmoid(scale), xn), bias);
    }

    /** {@code σ(c·Wazc + bazc) ⊙ (x·W_transition2)}: the gate uses the raw condition. */
    static <T extends TFloating> Operand<T> adaptiveZeroInit(Layers<T> nn, Operand<T> x, Operand<T> cond,
            String name) {
        Operand<T> out = nn.linear(x, name + "transition2");
        return nn.mul(nn.sigmoid(nn.linear(cond, name + "adaptive_zero_cond", true)), out);
    }

    /** {@code [..., heads, channels]} → {@code [..., heads·channels]}. */
    static <T extends TFloating> Operand<T> mergeHeads(Layers<T> nn, Operand<T> o) {
        long[] d = Layers.dims(o);
        long[] merged = java.util.Arrays.copyOf(d, d.length - 1);
        merged[d.length - 2] = d[d.length - 2] * d[d.length - 1];
        return nn.reshape(o, merged);
    }

    private static <T extends TFloating> Operand<T> crossAttention(Layers<T> nn, String name, Operand<T> aq,
            Operand<T> ak, Context<T> ctx, Operand<T> pairLogits) {
        Ops tf = nn.tf();
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> mq = tf.math.sub(nn.f32(ctx.queriesMask()), one);
        Operand<TFloat32> mk = tf.math.sub(nn.f32(ctx.keysMask()), one);
        // 1e9·(mq−1)·(mk−1): zero for every valid query, so valid queries never mask keys (AlphaFold 3 behaviour).
        Operand<TFloat32> bias = tf.math.mul(tf.math.mul(tf.constant(1e9f),
                tf.expandDims(tf.expandDims(mq, tf.constant(1)), tf.constant(-1))),
                tf.expandDims(tf.expandDims(mk, tf.constant(1)), tf.constant(1)));
        Operand<T> xq = adaptiveLayerNorm(nn, aq, ctx.queriesSingleCond(), name + "q");
        Operand<T> xk = adaptiveLayerNorm(nn, ak, ctx.keysSingleCond(), name + "k");
        Operand<T> q = nn.linear(xq, name + "q_projection", true);
        Operand<T> k = nn.linear(xk, name + "k_projection");
        float scale = (float) (1.0 / Math.sqrt(Layers.dims(q)[Layers.dims(q).length - 1]));
        Operand<TFloat32> logits = nn.einsum("...qhc,...khc->...hqk", tf.math.mul(nn.f32(q), tf.constant(scale)),
                nn.f32(k));
        logits = tf.math.add(tf.math.add(logits, bias), nn.f32(pairLogits));
        Operand<T> w = nn.cast(tf.nn.softmax(logits));
        Operand<T> v = nn.linear(xk, name + "v_projection");
        Operand<T> o = mergeHeads(nn, nn.einsum("...hqk,...khc->...qhc", w, v));
        o = nn.mul(o, nn.sigmoid(nn.linear(xq, name + "gating_query")));
        return adaptiveZeroInit(nn, o, ctx.queriesSingleCond(), name);
    }

    static <T extends TFloating> Operand<T> transition(Layers<T> nn, String name, Operand<T> x,
            Operand<T> cond) {
        Ops tf = nn.tf();
        Operand<T> h = adaptiveLayerNorm(nn, x, cond, name + "ffw_");
        Operand<TFloat32> both = nn.f32(nn.linear(h, name + "ffw_transition1"));
        var halves = tf.split(tf.constant(-1), both, 2L);
        Operand<TFloat32> gate = halves.output().get(0);
        Operand<T> c = nn.cast(tf.math.mul(tf.math.mul(gate, tf.math.sigmoid(gate)), halves.output().get(1)));
        return adaptiveZeroInit(nn, c, cond, name + "ffw_");
    }
}
