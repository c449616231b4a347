package org.foldbatch.model;

import org.foldbatch.records.Record;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/** Reference-vector records as TensorFlow constants, for the parity tests that feed a layer directly. */
final class TestTensors {

    private TestTensors() {
    }

    static Operand<TInt32> intConstant(Ops tf, Record r) {
        return tf.constant(Tensors.shapeOf(r.shape()), DataBuffers.of(r.ints(), true, false));
    }
}
