package org.foldbatch.records;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record of the AlphaFold 3 record format: a named n-dimensional array whose data stays as the raw
 * little-endian bytes of the file, so that a loaded model holds exactly one copy of its weights.
 */
public record Record(String scope, String name, DType dtype, int[] shape, byte[] data) {

    public Record {
        long expected = elementCount(shape) * dtype.itemSize();
        if (expected != data.length) {
            throw new RecordFormatException(scope + ":" + name + ": " + data.length + " data bytes but shape "
                    + Arrays.toString(shape) + " of " + dtype.numpyName() + " needs " + expected);
        }
    }

    /** The schema key {@code scope:name}. */
    public String key() {
        return scope + ":" + name;
    }

    public long elementCount() {
        return elementCount(shape);
    }

    public static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public static Record ofFloats(String scope, String name, int[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Record(scope, name, DType.FLOAT32, shape.clone(), b.array());
    }

    public static Record ofInts(String scope, String name, int[] shape, int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new Record(scope, name, DType.INT32, shape.clone(), b.array());
    }

    /** A boolean mask, stored as uint8 as the reference files and the featurisation do. */
    public static Record ofBooleans(String scope, String name, int[] shape, boolean[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return new Record(scope, name, DType.UINT8, shape.clone(), b);
    }

    /** Rounds each value to bfloat16 (round to nearest even) and stores the upper 16 bits. */
    public static Record ofBfloat16(String scope, String name, int[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putShort(toBfloat16Bits(v));
        }
        return new Record(scope, name, DType.BFLOAT16, shape.clone(), b.array());
    }

    /** The bfloat16 bits of {@code v}, rounded to nearest even (NaN stays NaN). */
    public static short toBfloat16Bits(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** The values as float32; bfloat16 widens exactly, float64 rounds, integers and bytes convert by value. */
    public float[] floats() {
        int n = Math.toIntExact(elementCount());
        float[] out = new float[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT32 -> b.asFloatBuffer().get(out);
            case BFLOAT16 -> fill(out, i -> Float.intBitsToFloat((b.getShort(2 * i) & 0xFFFF) << 16));
            case FLOAT64 -> fill(out, i -> (float) b.getDouble(8 * i));
            case INT64 -> fill(out, i -> b.getLong(8 * i));
            case INT32, UINT8, BOOL, INT8 -> {
                int[] v = ints();
                fill(out, i -> v[i]);
            }
        }
        return out;
    }

    /** Integer values; only for the integer, byte and bool types (int64 values must fit in an int). */
    public int[] ints() {
        int n = Math.toIntExact(elementCount());
        int[] out = new int[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case INT32 -> b.asIntBuffer().get(out);
            case UINT8, BOOL -> Arrays.setAll(out, i -> data[i] & 0xFF);
            case INT8 -> Arrays.setAll(out, i -> data[i]);
            case INT64 -> Arrays.setAll(out, i -> {
                long v = b.getLong(8 * i);
                if (v != (int) v) {
                    throw new RecordFormatException(key() + ": int64 value " + v + " at " + i
                            + " does not fit in an int");
                }
                return (int) v;
            });
            default -> throw new RecordFormatException(key() + ": is " + dtype.numpyName() + ", not an integer type");
        }
        return out;
    }

    /** The float at each index; {@link Arrays#setAll} has no float form. */
    private interface FloatAt {
        float at(int index);
    }

    private static void fill(float[] out, FloatAt value) {
        for (int i = 0; i < out.length; i++) {
            out[i] = value.at(i);
        }
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Slice {@code index} of the leading (layer-stack) axis, as its own record. */
    public Record slice(int index) {
        if (shape.length == 0 || index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException(key() + ": no slice " + index + " in shape " + Arrays.toString(shape));
        }
        int[] inner = Arrays.copyOfRange(shape, 1, shape.length);
        int size = Math.toIntExact(elementCount(inner) * dtype.itemSize());
        return new Record(scope, name, dtype, inner, Arrays.copyOfRange(data, index * size, (index + 1) * size));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && scope.equals(r.scope) && name.equals(r.name) && dtype == r.dtype
                && Arrays.equals(shape, r.shape) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return 31 * key().hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return key() + " " + dtype.numpyName() + Arrays.toString(shape);
    }
}
