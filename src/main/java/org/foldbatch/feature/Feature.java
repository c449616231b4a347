package org.foldbatch.feature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
        return written(name, DType.INT32, shape, values.length, b -> b.asIntBuffer().put(values));
    }

    public static Feature ofLongs(String name, long[] values, int... shape) {
        return written(name, DType.INT64, shape, values.length, b -> b.asLongBuffer().put(values));
    }

    public static Feature ofFloats(String name, float[] values, int... shape) {
        return written(name, DType.FLOAT32, shape, values.length, b -> b.asFloatBuffer().put(values));
    }

    public static Feature ofDoubles(String name, double[] values, int... shape) {
        return written(name, DType.FLOAT64, shape, values.length, b -> b.asDoubleBuffer().put(values));
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
        return read(DType.INT32, int[]::new, (b, out) -> b.asIntBuffer().get(out));
    }

    public long[] longs() {
        return read(DType.INT64, long[]::new, (b, out) -> b.asLongBuffer().get(out));
    }

    public float[] floats() {
        return read(DType.FLOAT32, float[]::new, (b, out) -> b.asFloatBuffer().get(out));
    }

    public double[] doubles() {
        return read(DType.FLOAT64, double[]::new, (b, out) -> b.asDoubleBuffer().get(out));
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

    /** A feature of {@code count} values of {@code dtype}, which {@code put} writes into a little-endian buffer. */
    private static Feature written(String name, DType dtype, int[] shape, int count, Consumer<ByteBuffer> put) {
        ByteBuffer buffer = buffer(count * dtype.itemSize());
        put.accept(buffer);
        return new Feature(name, dtype, shape, buffer.array());
    }

    /** The values as a new array, once the dtype is checked; {@code get} copies them out of the buffer. */
    private <A> A read(DType expected, IntFunction<A> newArray, BiConsumer<ByteBuffer, A> get) {
        requireType(expected);
        A out = newArray.apply(size());
        get.accept(wrap(), out);
        return out;
    }

    private ByteBuffer wrap() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
