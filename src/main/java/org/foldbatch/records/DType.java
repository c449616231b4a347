package org.foldbatch.records;

import java.util.Arrays;
import java.util.Locale;

/**
 * Element types of the AlphaFold 3 record format, named by their numpy dtype strings: those of the weights
 * (float32, bfloat16, uint8 for the embedded config) and those of the batch features (bool, int8, int32, int64,
 * float64).
 */
public enum DType {
    BOOL(1),
    INT8(1),
    UINT8(1),
    INT32(4),
    INT64(8),
    BFLOAT16(2),
    FLOAT32(4),
    FLOAT64(8);

    private final int itemSize;

    DType(int itemSize) {
        this.itemSize = itemSize;
    }

    /** numpy's name of the type: the constant in lower case. */
    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int itemSize() {
        return itemSize;
    }

    /** Returns the dtype for a numpy name, or null if the format does not use it. */
    public static DType fromNumpyName(String name) {
        return Arrays.stream(values()).filter(t -> t.numpyName().equals(name)).findFirst().orElse(null);
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == BFLOAT16 || this == FLOAT64;
    }
}
