package org.foldbatch.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTests {
    @TempDir
    Path dir;

    private static List<Record> sample() {
        return List.of(
                Record.ofFloats("diffuser/evoformer/left_single", "weights", new int[] {2, 3},
                        new float[] {1f, -2.5f, 3e-7f, 0f, Float.MAX_VALUE, -0f}),
                Record.ofBfloat16("diffuser/x", "bias", new int[] {3}, new float[] {1.0f, 1.00390625f, -3.5f}),
                Record.ofInts("__input__", "residue_index", new int[] {4}, new int[] {1, 2, 40, -7}),
                Record.ofBooleans("__input__", "seq_mask", new int[] {2, 2}, new boolean[] {true, false, true, true}),
                Record.ofFloats("__input__", "scalar", new int[0], new float[] {80f}),
                new Record("__config__", "json", DType.UINT8, new int[] {8}, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesAndReadsBackEveryDtypeUncompressedAndZstd() {
        for (String name : List.of("batch.bin", "batch.bin.zst")) {
            Path f = dir.resolve(name);
            RecordFile.write(f, sample());
            assertThat(RecordLists.read(f)).containsExactlyElementsOf(sample());
        }
        assertThat(RecordLists.read(dir.resolve("batch.bin")).get(4).shape()).isEmpty();
    }

    @Test
    void featureDtypesRoundTripAndConvertByValue() {
        ByteBuffer b = ByteBuffer.allocate(8 * 5).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(-3).putLong(1L << 40).putDouble(0.1).putDouble(-2.5).putLong(7);
        byte[] bytes = b.array();
        List<Record> records = List.of(
                new Record("__input__", "is_protein", DType.BOOL, new int[] {2}, new byte[] {1, 0}),
                new Record("__input__", "deletion", DType.INT8, new int[] {2}, new byte[] {-1, 5}),
                new Record("__input__", "gather_idxs", DType.INT64, new int[] {2}, Arrays.copyOfRange(bytes, 0, 16)),
                new Record("__input__", "deletion_mean", DType.FLOAT64, new int[] {2},
                        Arrays.copyOfRange(bytes, 16, 32)),
                new Record("__input__", "small", DType.INT64, new int[] {1}, Arrays.copyOfRange(bytes, 32, 40)));
        Path f = dir.resolve("features.bin");
        RecordFile.write(f, records);
        List<Record> read = RecordLists.read(f);

        assertThat(read).containsExactlyElementsOf(records);
        assertThat(read).extracting(r -> r.dtype().numpyName())
                .containsExactly("bool", "int8", "int64", "float64", "int64");
        assertThat(read.get(0).ints()).containsExactly(1, 0);
        assertThat(read.get(1).ints()).containsExactly(-1, 5);
        assertThat(read.get(1).floats()).containsExactly(-1f, 5f);
        assertThat(read.get(2).floats()).containsExactly(-3f, (float) (1L << 40));
        assertThat(read.get(3).floats()).containsExactly(0.1f, -2.5f);
        assertThat(read.get(4).ints()).containsExactly(7);
        assertThatThrownBy(() -> read.get(2).ints()).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("__input__:gather_idxs: int64 value 1099511627776 at 1 does not fit in an int");
    }

    @Test
    void writesTheDocumentedByteLayout() throws IOException {
        Path f = dir.resolve("one.bin");
        RecordFile.write(f, List.of(Record.ofInts("ab", "c", new int[] {1}, new int[] {258})));
        byte[] b = Files.readAllBytes(f);
        assertThat(b).containsExactly(2, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0,
                'a', 'b', 'c', 'i', 'n', 't', '3', '2', 1, 0, 0, 0, 2, 1, 0, 0);
    }

    @Test
    void bfloat16WidensByShiftingAndRoundsToNearestEven() {
        Record r = Record.ofBfloat16("s", "n", new int[] {3}, new float[] {1.00390625f, 1.01171875f, -2f});
        assertThat(r.data()).containsExactly(0x80, 0x3F, 0x82, 0x3F, 0x00, 0xC0);
        assertThat(r.floats()).containsExactly(1.0f, 1.015625f, -2f);
    }

    @Test
    void slicesTheLayerAxis() {
        Record r = Record.ofFloats("s", "w", new int[] {3, 2}, new float[] {0, 1, 2, 3, 4, 5});
        assertThat(r.slice(1).shape()).containsExactly(2);
        assertThat(r.slice(2).floats()).containsExactly(4f, 5f);
    }

    @Test
    void readsAReferenceFile() throws IOException {
        Path f = dir.resolve("transition.bin");
        try (InputStream in = getClass().getResourceAsStream("/af3-reference/transition.bin")) {
            Files.copy(in, f);
        }
        List<Record> records = RecordLists.read(f);
        assertThat(records).extracting(Record::key).containsExactly(
                "pair_transition/input_layer_norm:offset", "pair_transition/input_layer_norm:scale",
                "pair_transition/transition1:weights", "pair_transition/transition2:weights",
                "__input__:act", "__output__:act", "__config__:json");
        assertThat(records.get(2).shape()).containsExactly(32, 256);
        assertThat(records.get(6).text()).contains("\"case\": \"transition\"");
    }

    @Test
    void truncatedDataNamesTheRecord() throws IOException {
        Path f = dir.resolve("t.bin");
        RecordFile.write(f, sample());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, 20 + 30 + 7 + 7 + 8 + 10));
        assertThatThrownBy(() -> RecordLists.read(f)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("t.bin").hasMessageContaining("diffuser/evoformer/left_single:weights: data truncated");
    }

    @Test
    void truncatedHeaderNamesThePreviousRecord() throws IOException {
        Path f = dir.resolve("h.bin");
        RecordFile.write(f, sample().subList(0, 2));
        byte[] all = Files.readAllBytes(f);
        int firstLength = 20 + "diffuser/evoformer/left_single".length() + "weights".length() + "float32".length() + 8 + 24;
        Files.write(f, Arrays.copyOf(all, firstLength + 7));
        assertThatThrownBy(() -> RecordLists.read(f)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("truncated record header").hasMessageContaining("left_single:weights");
    }

    @Test
    void unknownDtypeIsRejected() throws IOException {
        Path f = dir.resolve("d.bin");
        RecordFile.write(f, List.of(Record.ofInts("s", "n", new int[] {1}, new int[] {0})));
        byte[] b = Files.readAllBytes(f);
        b[20 + 2] = 'u';
        Files.write(f, b);
        assertThatThrownBy(() -> RecordLists.read(f)).hasMessageContaining("s:n: unsupported dtype 'unt32'");
    }

    @Test
    void selectsModelFilesInAlphaFoldOrderAndJoinsParts() throws IOException {
        Path whole = dir.resolve("whole.bin.zst");
        RecordFile.write(whole, sample());
        byte[] z = Files.readAllBytes(whole);
        Path models = Files.createDirectories(dir.resolve("models"));
        int third = z.length / 3;
        Files.write(models.resolve("af3.bin.zst.0"), Arrays.copyOfRange(z, 0, third));
        Files.write(models.resolve("af3.bin.zst.1"), Arrays.copyOfRange(z, third, 2 * third));
        Files.write(models.resolve("af3.bin.zst.2"), Arrays.copyOfRange(z, 2 * third, z.length));
        RecordFile.write(models.resolve("af3.bin"), sample().subList(0, 1));

        assertThat(RecordFile.selectModelFiles(models, "af3")).extracting(p -> p.getFileName().toString())
                .containsExactly("af3.bin.zst.0", "af3.bin.zst.1", "af3.bin.zst.2");
        try (RecordReader r = RecordFile.openModel(models, "af3")) {
            for (Record expected : sample()) {
                assertThat(r.next()).isEqualTo(expected);
            }
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void missingModelFilesAreReported() {
        assertThatThrownBy(() -> RecordFile.selectModelFiles(dir, "af3")).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("no model files for 'af3'");
    }
}
