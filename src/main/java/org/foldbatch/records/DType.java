package org.foldbatch.records;

/**
 * Element types of the AlphaFold 3 record format, named by their numpy dtype strings: those of the weights
 * (float32, bfloat16, uint8 for the embedded config) and those of the batch features (bool, int8, int32, int64,
 * float64).
 */
public enum DType {
    BOOL("bool", 1),
    INT8("int8", 1),
    UINT8("uint8", 1),
    INT32("int32", 4),
    INT64("int64", 8),
    BFLOAT16("bfloat16", 2),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String numpyName;
    private final int itemSize;

    DType(String numpyName, int itemSize) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
    }

    public String numpyName() {
        return numpyName;
    }

    public int itemSize() {
        return itemSize;
    }

    /** Returns the dtype for a numpy name, or null if the format does not use it. */
    public static DType fromNumpyName(String name) {
        for (DType t : values()) {
            if (t.numpyName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == BFLOAT16 || this == FLOAT64;
    }
}
