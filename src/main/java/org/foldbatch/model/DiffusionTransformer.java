package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The diffusion head's token transformer ({@code diffusion_transformer.Transformer}): super-blocks of conditioned
 * self-attention blocks with pair logits projected once per super-block. Parameters sit in two nested layer stacks
 * ({@code [super-blocks, blocks per super-block]}); the sizes are read from the stored shapes.
 */
public final class DiffusionTransformer {
    static final String STACK = "__layer_stack_with_per_layer";

    private DiffusionTransformer() {
    }

    /**
     * @param nn scoped at the transformer module ({@code .../diffusion_head/transformer})
     * @param name the module's name, glued to the block parameter names ({@code transformer})
     * @param act {@code [N, C]}, or {@code [S, N, C]} for S samples sharing the conditioning
     * @param mask token mask {@code [N]}
     * @param singleCond {@code [N, Cs]}
     * @param pairCond {@code [N, N, Cz]}
     * @return the updated activations
     */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, String name, Operand<T> act, Operand<T> mask,
            Operand<T> singleCond, Operand<T> pairCond) {
        Ops tf = nn.tf();
        Operand<T> pairAct = nn.layerNorm(pairCond, "pair_input_layer_norm", true);
        Layers<T> outer = nn.child(STACK);
        Layers<T> inner = outer.child(STACK);
        int superBlocks = outer.stackDepth("pair_logits_projection", "weights");
        Operand<T> a = act;
        for (int u = 0; u < superBlocks; u++) {
            Operand<T> logits = nn.transpose(outer.layer(u).linear(pairAct, "pair_logits_projection"), 2, 3, 0, 1);
            int blocks = (int) Layers.dims(logits)[0];
            for (int j = 0; j < blocks; j++) {
                Layers<T> block = inner.layers(u, j);
                Operand<T> pl = tf.gather(logits, tf.constant(j), tf.constant(0));
                a = nn.add(a, selfAttention(block, name, a, mask, pl, singleCond));
                a = nn.add(a, CrossAttTransformer.transition(block, name, a, singleCond));
            }
        }
        return a;
    }

    /** Conditioned self-attention with pair logits; padded keys get {@code -1e9}. Returns the update. */
    static <T extends TFloating> Operand<T> selfAttention(Layers<T> nn, String name, Operand<T> x, Operand<T> mask,
            Operand<T> pairLogits, Operand<T> cond) {
        Ops tf = nn.tf();
        Operand<T> h = CrossAttTransformer.adaptiveLayerNorm(nn, x, cond, name);
        Operand<T> q = nn.linear(h, name + "q_projection", true);
        Operand<T> k = nn.linear(h, name + "k_projection");
        Operand<T> v = nn.linear(h, name + "v_projection");
        float scale = (float) (1.0 / Math.sqrt(Layers.dims(q)[Layers.dims(q).length - 1]));
        Operand<TFloat32> logits = nn.einsum("...qhc,...khc->...hqk", tf.math.mul(nn.f32(q), tf.constant(scale)),
                nn.f32(k));
        Operand<TFloat32> maskBias = tf.math.mul(tf.constant(1e9f), tf.math.sub(nn.f32(mask), tf.constant(1f)));
        logits = tf.math.add(tf.math.add(logits, maskBias), nn.f32(pairLogits));
        Operand<T> w = nn.cast(tf.nn.softmax(logits));
        Operand<T> o = CrossAttTransformer.mergeHeads(nn, nn.einsum("...hqk,...khc->...qhc", w, v));
        o = nn.mul(o, nn.sigmoid(nn.linear(h, name + "gating_query")));
        return CrossAttTransformer.adaptiveZeroInit(nn, o, cond, name);
    }
}
