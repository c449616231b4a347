package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * AlphaFold 3's layout conversion ({@code atom_layout.convert}): flatten the source's layout axes, take
 * {@code gather_idxs}, multiply by {@code gather_mask}. Features {@code <prefix>:gather_idxs} and
 * {@code <prefix>:gather_mask} of a batch.
 */
public record GatherInfo(Operand<TInt32> idxs, Operand<TFloat32> mask) {

    /**
     * @param layoutAxes how many leading axes of {@code src} form the layout being gathered from
     */
    public <T extends TType> Operand<T> convert(Layers<?> nn, Operand<T> src, int layoutAxes) {
        Ops tf = nn.tf();
        long[] d = Layers.dims(src);
        long[] flat = new long[d.length - layoutAxes + 1];
        flat[0] = -1;
        System.arraycopy(d, layoutAxes, flat, 1, d.length - layoutAxes);
        Operand<T> gathered = tf.gather(nn.reshape(src, flat), idxs, tf.constant(0));
        Operand<TFloat32> m = mask;
        for (int i = 0; i < d.length - layoutAxes; i++) {
            m = tf.expandDims(m, tf.constant(-1));
        }
        return tf.math.mul(gathered, tf.dtypes.cast(m, gathered.type()));
    }

    /**
     * As {@link #convert} for a source with {@code batchAxes} leading axes (e.g. diffusion samples) in front of the
     * layout axes; the gather is the same for every batch element.
     */
    public <T extends TType> Operand<T> convert(Layers<?> nn, Operand<T> src, int batchAxes, int layoutAxes) {
        if (batchAxes == 0) {
            return convert(nn, src, layoutAxes);
        }
        Ops tf = nn.tf();
        long[] d = Layers.dims(src);
        if (batchAxes != 1) {
            throw new IllegalArgumentException("one leading batch axis supported, got " + batchAxes);
        }
        long layout = 1;
        for (int i = batchAxes; i < batchAxes + layoutAxes; i++) {
            layout *= d[i];
        }
        int rest = d.length - batchAxes - layoutAxes;
        long[] flat = new long[2 + rest];
        flat[0] = -1;
        flat[1] = layout;
        System.arraycopy(d, batchAxes + layoutAxes, flat, 2, rest);
        Operand<T> gathered = tf.gather(nn.reshape(src, flat), idxs, tf.constant(1));
        long[] id = Layers.dims(idxs);
        long[] out = new long[batchAxes + id.length + rest];
        System.arraycopy(d, 0, out, 0, batchAxes);
        System.arraycopy(id, 0, out, batchAxes, id.length);
        System.arraycopy(d, batchAxes + layoutAxes, out, batchAxes + id.length, rest);
        gathered = nn.reshape(gathered, out);
        Operand<TFloat32> m = mask;
        for (int i = 0; i < rest; i++) {
            m = tf.expandDims(m, tf.constant(-1));
        }
        return tf.math.mul(gathered, tf.dtypes.cast(m, gathered.type()));
    }
}
