package org.foldbatch.model;

import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Activation precision of the trunk. AlphaFold 3 runs the official model with {@code bfloat16='all'} (bf16 activations
 * and matmuls; LayerNorm statistics, GLU products and attention softmax in f32); the reference vectors are all-f32.
 */
public enum Precision {
    FLOAT32(TFloat32.class),
    BFLOAT16(TBfloat16.class);

    private final Class<? extends TFloating> type;

    Precision(Class<? extends TFloating> type) {
        this.type = type;
    }

    public Class<? extends TFloating> type() {
        return type;
    }
}
