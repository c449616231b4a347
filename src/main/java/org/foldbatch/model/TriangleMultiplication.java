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
        long n0 = d[0];
        long n1 = d[1];
        long c = d[2];
        Operand<T> x = nn.layerNorm(act, "left_norm_input");
        Operand<TFloat32> gate = nn.f32(nn.linear(x, "gate"));
        Operand<TFloat32> proj = nn.f32(nn.linear(x, "projection"));
        Operand<T> p = nn.cast(tf.math.mul(tf.math.sigmoid(gate), proj));
        p = nn.mul(p, tf.expandDims(pairMask, tf.constant(-1)));
        Operand<T> pairs = nn.reshape(p, n0, n1, c, 2);
        Operand<T> a = tf.squeeze(tf.gather(pairs, tf.constant(new int[] {0}), tf.constant(3)),
                org.tensorflow.op.core.Squeeze.axis(java.util.List.of(3L)));
        Operand<T> b = tf.squeeze(tf.gather(pairs, tf.constant(new int[] {1}), tf.constant(3)),
                org.tensorflow.op.core.Squeeze.axis(java.util.List.of(3L)));
        Operand<T> t = outgoing ? nn.einsum("ikc,jkc->ijc", a, b) : nn.einsum("kjc,kic->ijc", a, b);
        t = nn.layerNorm(t, "center_norm");
        Operand<T> out = nn.linear(t, "output_projection");
        return nn.mul(out, nn.sigmoid(nn.linear(x, "gating_linear")));
    }
}
