package org.foldbatch.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * numpy {@code .npz} writing as {@code np.savez_compressed} does: a deflated zip with one {@code <key>.npy} per array,
 * each an NPY v1.0 file (magic, version 1.0, little-endian header length, a Python-dict header padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then C-order data). Arrays are stored as little-endian float16
 * ({@code <f2}), the dtype AF3 saves embeddings and distograms in.
 */
public final class Npz {

    /** A float array of the given shape, C order. */
    public record Float16Array(int[] shape, float[] values) {
        public Float16Array {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("Array of shape " + java.util.Arrays.toString(shape) + " needs " + n
                        + " values, got " + values.length);
            }
        }
    }

    private Npz() {
    }

    public static void write(OutputStream out, Map<String, Float16Array> arrays) throws IOException {
        var zip = new ZipOutputStream(out);
        zip.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
        for (var e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            writeNpy(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    static void writeNpy(OutputStream out, Float16Array array) throws IOException {
        out.write(header("<f2", array.shape()));
        var buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : array.values()) {
            if (buffer.remaining() < 2) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putShort(Float16.fromFloat(v));
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    static byte[] header(String descr, int[] shape) {
        var dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        var out = ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) body.length).put(body);
        return out.array();
    }
}
