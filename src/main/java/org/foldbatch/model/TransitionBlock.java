package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * AlphaFold 3's GLU transition ({@code TransitionBlock}): LayerNorm, {@code transition1 [C, 2I]} whose first half is
 * the swish gate and second half the linear part (product in f32), then {@code transition2 [I, C]}. Returns the update.
 */
public final class TransitionBlock {
    private TransitionBlock() {
    }

    /** @param nn scoped at the block (e.g. {@code .../pair_transition}) */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> act) {
        Operand<T> h = nn.layerNorm(act, "input_layer_norm");
        Operand<TFloat32> both = nn.f32(nn.linear(h, "transition1"));
        var halves = nn.tf().split(nn.tf().constant(-1), both, 2L);
        Operand<TFloat32> gate = halves.output().get(0);
        Operand<TFloat32> lin = halves.output().get(1);
        var tf = nn.tf();
        Operand<TFloat32> swish = tf.math.mul(gate, tf.math.sigmoid(gate));
        Operand<T> c = nn.cast(tf.math.mul(swish, lin));
        return nn.linear(c, "transition2");
    }

    /** The pair transition applied in shards of rows (AlphaFold 3's {@code sharded_apply}); same numbers. */
    public static <T extends TFloating> Operand<T> applySharded(Layers<T> nn, Operand<T> act, Integer shardRows) {
        return nn.chunked(Layers.dims(act)[0], shardRows, (l, start, end) -> apply(l, l.rows(act, start, end)));
    }
}
