package org.foldbatch.model.weights;

/** Element types of the AlphaFold 3 record format, named by their numpy dtype strings. */
public enum DType {
    FLOAT32("float32", 4),
    BFLOAT16("bfloat16", 2),
    INT32("int32", 4),
    UINT8("uint8", 1);

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
        return this == FLOAT32 || this == BFLOAT16;
    }
}
