package org.foldbatch.model;

import java.util.Arrays;
import org.foldbatch.records.Record;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Conversions between records (feature batches, reference vectors) and TensorFlow tensors and constants. */
public final class Tensors {
    private Tensors() {
    }

    public static Shape shapeOf(int[] dims) {
        return Shape.of(Arrays.stream(dims).asLongStream().toArray());
    }

    public static Operand<TFloat32> floatConstant(Ops tf, Record r) {
        return tf.constant(shapeOf(r.shape()), DataBuffers.of(r.floats(), true, false));
    }

    public static Operand<TFloat32> floatConstant(Ops tf, int[] shape, float[] values) {
        return tf.constant(shapeOf(shape), DataBuffers.of(values, true, false));
    }

    public static float[] floats(TFloat32 t) {
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
