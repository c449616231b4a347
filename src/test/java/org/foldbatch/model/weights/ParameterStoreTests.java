package org.foldbatch.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.foldbatch.records.DType;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;
import org.foldbatch.records.RecordWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterStoreTests {
    private static final WeightsSchema SCHEMA = WeightsSchema.official();

    @TempDir
    Path dir;

    @Test
    void officialSchemaListsThe405Records() {
        assertThat(SCHEMA.size()).isEqualTo(405);
        long elements = 0;
        for (String k : SCHEMA.keys()) {
            elements += Record.elementCount(SCHEMA.entry(k).shape());
        }
        assertThat(elements).isEqualTo(368_384_602L);
        assertThat(SCHEMA.entry("diffuser/evoformer/__layer_stack_no_per_layer_1/trunk_pairformer/pair_attention1/q_projection:weights").shape())
                .containsExactly(48, 4, 32, 128);
    }

    /** Writes every schema record at full size with random values, the way the official file is laid out. */
    private static void writeSyntheticWeights(Path file, UnaryOperator<WeightsSchema.Entry> change, int stopAfter)
            throws IOException {
        List<WeightsSchema.Entry> entries = new ArrayList<>();
        for (String k : SCHEMA.keys()) {
            entries.add(SCHEMA.entry(k));
        }
        entries.sort(Comparator.comparing(WeightsSchema.Entry::key));
        byte[] chunk = new byte[1 << 20];
        try (RecordWriter w = RecordFile.writer(file)) {
            int written = 0;
            for (WeightsSchema.Entry e : entries) {
                if (written++ == stopAfter) {
                    break;
                }
                WeightsSchema.Entry actual = change.apply(e);
                if (actual == null) {
                    continue;
                }
                String[] sn = actual.key().split(":");
                w.writeHeader(sn[0], sn[1], actual.dtype(), actual.shape());
                long remaining = Record.elementCount(actual.shape()) * actual.dtype().itemSize();
                SplittableRandom rnd = new SplittableRandom(actual.key().hashCode());
                while (remaining > 0) {
                    int n = (int) Math.min(chunk.length, remaining);
                    fill(chunk, n, actual.dtype(), rnd);
                    w.writeData(chunk, 0, n);
                    remaining -= n;
                }
            }
        }
    }

    private static void fill(byte[] chunk, int n, DType dtype, SplittableRandom rnd) {
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT32 -> {
                while (b.remaining() >= 4) {
                    b.putFloat((float) (rnd.nextDouble() - 0.5));
                }
            }
            case BFLOAT16 -> {
                while (b.remaining() >= 2) {
                    b.putShort(Record.toBfloat16Bits((float) (rnd.nextDouble() - 0.5)));
                }
            }
            default -> {
                while (b.hasRemaining()) {
                    b.put((byte) rnd.nextInt(256));
                }
            }
        }
    }

    @Test
    @Tag("slow")
    void loadsAFullSizeSyntheticOfficialFile() throws IOException {
        Path file = dir.resolve("af3.bin.zst");
        writeSyntheticWeights(file, UnaryOperator.identity(), Integer.MAX_VALUE);

        ParameterStore store = ParameterStore.loadModel(dir, "af3", SCHEMA);

        assertThat(store.size()).isEqualTo(405);
        String key = "diffuser/evoformer/__layer_stack_no_per_layer_1/trunk_pairformer/pair_attention1/q_projection";
        Record q = store.get(key, "weights");
        assertThat(q.dtype()).isEqualTo(DType.BFLOAT16);
        assertThat(q.shape()).containsExactly(48, 4, 32, 128);
        SplittableRandom rnd = new SplittableRandom((key + ":weights").hashCode());
        ByteBuffer data = ByteBuffer.wrap(q.data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 1000; i++) {
            assertThat(data.getShort()).isEqualTo(Record.toBfloat16Bits((float) (rnd.nextDouble() - 0.5)));
        }
        assertThat(store.get("__meta__", "__identifier__").shape()).containsExactly(64);
        assertThat(store.identifier()).hasSize(128).matches("[0-9a-f]+");
    }

    @Test
    void rejectsARecordWithTheWrongShapeNamingIt() throws IOException {
        List<String> sorted = SCHEMA.keys().stream().sorted().toList();
        String victim = sorted.get(3);
        writeSyntheticWeights(dir.resolve("af3.bin.zst"), e -> e.key().equals(victim)
                ? new WeightsSchema.Entry(e.key(), e.dtype(), new int[] {7, 5}) : e, 10);
        assertThatThrownBy(() -> ParameterStore.loadModel(dir, "af3", SCHEMA))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("af3")
                .hasMessageContaining("record " + victim + " is bfloat16[7, 5], schema expects bfloat16[4, 128, 128]");
    }

    @Test
    void rejectsAnExtraRecordNamingIt() throws IOException {
        List<String> sorted = SCHEMA.keys().stream().sorted().toList();
        String victim = sorted.get(2);
        writeSyntheticWeights(dir.resolve("af3.bin"), e -> e.key().equals(victim)
                ? new WeightsSchema.Entry("diffuser/made_up:weights", e.dtype(), e.shape()) : e, 10);
        assertThatThrownBy(() -> ParameterStore.loadModel(dir, "af3", SCHEMA))
                .hasMessageContaining("unexpected record diffuser/made_up:weights");
    }

    @Test
    void rejectsAFileThatEndsEarlyNamingMissingRecords() throws IOException {
        writeSyntheticWeights(dir.resolve("af3.bin.zst"), UnaryOperator.identity(), 5);
        assertThatThrownBy(() -> ParameterStore.loadModel(dir, "af3", SCHEMA))
                .hasMessageContaining("400 record(s) missing, e.g. [diffuser/");
    }

    @Test
    void rejectsATruncatedCompressedFileNamingTheRecord() throws IOException {
        Path file = dir.resolve("af3.bin.zst");
        writeSyntheticWeights(file, UnaryOperator.identity(), 8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() * 2 / 3);
        }
        assertThatThrownBy(() -> ParameterStore.loadModel(dir, "af3", SCHEMA))
                .hasMessageContaining("af3.bin.zst")
                .hasMessageMatching("(?s).*diffuser/[^ ]+:(weights|bias|scale|offset): data.*");
    }
}
