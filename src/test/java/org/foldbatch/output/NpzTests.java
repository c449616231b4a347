package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

class NpzTests {

    /** Expected bit patterns are numpy's {@code np.float32(v).astype(np.float16)}. */
    @Test
    void float16RoundsToNearestEvenLikeNumpy() {
        assertThat(Float16.fromFloat(1.0f)).isEqualTo((short) 0x3C00);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7BFF);
        assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7C00);
        assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(0.1f)).isEqualTo((short) 0x2E66);
        assertThat(Float16.fromFloat(1f / 3)).isEqualTo((short) 0x3555);
        assertThat(Float16.fromFloat(-2.5f)).isEqualTo((short) 0xC100);
        assertThat(Float16.fromFloat(0x1p-25f)).isEqualTo((short) 0x0000);
        assertThat(Float16.fromFloat(3 * 0x1p-26f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(1e-8f)).isEqualTo((short) 0x0000);
        assertThat(Float16.fromFloat(0x1p-14f)).isEqualTo((short) 0x0400);
        assertThat(toFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(Float.isNaN(toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
    }

    @Test
    void npyHeaderIsPaddedTo64BytesAndEndsWithNewline() {
        byte[] header = Npz.header("<f2", new int[] {3, 4});
        assertThat(header.length % 64).isZero();
        assertThat(header[0]).isEqualTo((byte) 0x93);
        assertThat(new String(header, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(header[6]).isEqualTo((byte) 1);
        assertThat(header[7]).isEqualTo((byte) 0);
        int length = ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat(length).isEqualTo(header.length - 10);
        String dict = new String(header, 10, length, StandardCharsets.US_ASCII);
        assertThat(dict).startsWith("{'descr': '<f2', 'fortran_order': False, 'shape': (3, 4), }").endsWith(" \n");
        assertThat(new String(Npz.header("<f2", new int[] {5}), StandardCharsets.US_ASCII)).contains("'shape': (5,), }");
    }

    @Test
    void npzHoldsOneNpyEntryPerArray() throws Exception {
        var arrays = new LinkedHashMap<String, Npz.Float16Array>();
        arrays.put("single_embeddings", new Npz.Float16Array(new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 0.5f}));
        arrays.put("distogram", new Npz.Float16Array(new int[] {1, 1, 2}, new float[] {-1, 65504}));
        var bytes = new ByteArrayOutputStream();
        Npz.write(bytes, arrays);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                assertThat(e.getMethod()).isEqualTo(ZipEntry.DEFLATED);
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("single_embeddings.npy", "distogram.npy");
        byte[] npy = entries.get("single_embeddings.npy");
        int headerLength = 10 + (ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF);
        var data = ByteBuffer.wrap(npy, headerLength, npy.length - headerLength).order(ByteOrder.LITTLE_ENDIAN);
        var values = new float[6];
        for (int i = 0; i < 6; i++) {
            values[i] = toFloat(data.getShort());
        }
        assertThat(values).containsExactly(0, 1, 2, 3, 4, 0.5f);
        assertThat(data.remaining()).isZero();
    }

    /** The inverse of {@link Float16#fromFloat}, to read back what was written. */
    private static float toFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
