package org.foldbatch.feature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.foldbatch.records.DType;
import org.foldbatch.util.Hashing;

/**
 * One batch feature: name, dtype, shape and the raw little-endian C-order bytes, exactly as numpy would hold them
 * (so {@link #sha256()} equals the hash AlphaFold 3's featurisation test takes of the same array).
 */
public record Feature(String name, DType dtype, int[] shape, byte[] data) {

    public Feature {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        long expected = (long) dtype.itemSize() * Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (data.length != expected) {
            throw new IllegalArgumentException("feature " + name + ": " + data.length + " bytes for shape "
                    + Arrays.toString(shape) + " of " + dtype.numpyName() + " (expected " + expected + ")");
        }
    }

    public static Feature ofInts(String name, int[] values, int... shape) {
        ByteBuffer buffer = buffer(values.length * 4);
        buffer.asIntBuffer().put(values);
        return new Feature(name, DType.INT32, shape, buffer.array());
    }

    public static Feature ofLongs(String name, long[] values, int... shape) {
        ByteBuffer buffer = buffer(values.length * 8);
        buffer.asLongBuffer().put(values);
        return new Feature(name, DType.INT64, shape, buffer.array());
    }

    public static Feature ofFloats(String name, float[] values, int... shape) {
        ByteBuffer buffer = buffer(values.length * 4);
        buffer.asFloatBuffer().put(values);
        return new Feature(name, DType.FLOAT32, shape, buffer.array());
    }

    public static Feature ofDoubles(String name, double[] values, int... shape) {
        ByteBuffer buffer = buffer(values.length * 8);
        buffer.asDoubleBuffer().put(values);
        return new Feature(name, DType.FLOAT64, shape, buffer.array());
    }

    public static Feature ofBools(String name, boolean[] values, int... shape) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return new Feature(name, DType.BOOL, shape, bytes);
    }

    public static Feature ofInt8s(String name, byte[] values, int... shape) {
        return new Feature(name, DType.INT8, shape, values.clone());
    }

    public int size() {
        return data.length / dtype.itemSize();
    }

    public int[] ints() {
        requireType(DType.INT32);
        int[] out = new int[size()];
        wrap().asIntBuffer().get(out);
        return out;
    }

    public long[] longs() {
        requireType(DType.INT64);
        long[] out = new long[size()];
        wrap().asLongBuffer().get(out);
        return out;
    }

    public float[] floats() {
        requireType(DType.FLOAT32);
        float[] out = new float[size()];
        wrap().asFloatBuffer().get(out);
        return out;
    }

    public double[] doubles() {
        requireType(DType.FLOAT64);
        double[] out = new double[size()];
        wrap().asDoubleBuffer().get(out);
        return out;
    }

    public boolean[] bools() {
        requireType(DType.BOOL);
        boolean[] out = new boolean[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] != 0;
        }
        return out;
    }

    public byte[] int8s() {
        requireType(DType.INT8);
        return data.clone();
    }

    /** SHA-256 hex of the raw bytes: AlphaFold 3's featurisation test fingerprint of a numeric array. */
    public String sha256() {
        return Hashing.sha256(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Feature f && name.equals(f.name) && dtype == f.dtype && Arrays.equals(shape, f.shape)
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + ":" + dtype.numpyName() + Arrays.toString(shape);
    }

    private void requireType(DType expected) {
        if (dtype != expected) {
            throw new IllegalStateException("feature " + name + " is " + dtype.numpyName() + ", not "
                    + expected.numpyName());
        }
    }

    private ByteBuffer wrap() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
