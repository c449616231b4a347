package org.foldbatch.feature;

/** The numpy dtypes AlphaFold 3's batch features use, with their numpy names and item sizes. */
public enum DType {
    BOOL("bool", 1),
    INT8("int8", 1),
    INT32("int32", 4),
    INT64("int64", 8),
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

    public static DType ofNumpyName(String name) {
        for (DType type : values()) {
            if (type.numpyName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported feature dtype '" + name + "'");
    }
}
