package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Triangle multiplicative update, outgoing ({@code ikc,jkc->ijc}) or incoming ({@code kjc,kic->ijc}). The 2C gated
 * projection is split interleaved: channel 2c feeds {@code a}, channel 2c+1 feeds {@code b}. Returns the update.
 */
public final class TriangleMultiplication {
    private TriangleMultiplication() {
    }

    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> act, Operand<T> pairMask,
            boolean outgoing) {
        Ops tf = nn.tf();
        long[] d = Layers.dims(act);
        long c = d[2];
        Operand<T> x = nn.layerNorm(act, "left_norm_input");
        Operand<T> mask = tf.expandDims(pairMask, tf.constant(-1));
        // Selecting the even (a) and odd (b) weight columns up front gives the same products as splitting the
        // 2C-wide activations, without gathering the large activation tensor.
        Operand<T> a = nn.mul(gatedHalf(nn, x, 0, c), mask);
        Operand<T> b = nn.mul(gatedHalf(nn, x, 1, c), mask);
        Operand<T> t = outgoing ? nn.einsum("ikc,jkc->ijc", a, b) : nn.einsum("kjc,kic->ijc", a, b);
        t = nn.layerNorm(t, "center_norm");
        Operand<T> out = nn.linear(t, "output_projection");
        return nn.mul(out, nn.sigmoid(nn.linear(x, "gating_linear")));
    }

    /** {@code σ(x·W_gate[:, parity::2]) ⊙ (x·W_projection[:, parity::2])}, product in f32. */
    private static <T extends TFloating> Operand<T> gatedHalf(Layers<T> nn, Operand<T> x, int parity, long c) {
        Ops tf = nn.tf();
        int[] cols = new int[(int) c];
        for (int i = 0; i < c; i++) {
            cols[i] = 2 * i + parity;
        }
        Operand<T> wGate = tf.gather(nn.param("gate", "weights"), tf.constant(cols), tf.constant(1));
        Operand<T> wProj = tf.gather(nn.param("projection", "weights"), tf.constant(cols), tf.constant(1));
        long[] xd = Layers.dims(x);
        Operand<T> flat = nn.reshape(x, -1, xd[xd.length - 1]);
        Operand<TFloat32> gate = nn.f32(nn.reshape(tf.linalg.matMul(flat, wGate), xd[0], xd[1], c));
        Operand<TFloat32> proj = nn.f32(nn.reshape(tf.linalg.matMul(flat, wProj), xd[0], xd[1], c));
        return nn.cast(tf.math.mul(tf.math.sigmoid(gate), proj));
    }
}
