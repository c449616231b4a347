package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trunk's inference entry point on model_tiny: shuffled MSA, records out, feature batches in. */
class TrunkTests {
    @TempDir
    Path dir;

    @Test
    void infersFromAFeatureBatchFileAndIsRepeatablePerSeed() {
        TrunkParityTests.load();
        Path file = dir.resolve("features.bin.zst");
        RecordFile.write(file, TrunkParityTests.batch.features().entrySet().stream().map(e -> new Record("__input__",
                e.getKey(), e.getValue().dtype(), e.getValue().shape(), e.getValue().data())).toList());
        var stored = new java.util.LinkedHashMap<String, Record>();
        RecordFile.forEach(file, r -> stored.put(r.name(), r));
        NetworkInputs batch = new NetworkInputs(stored, file.toString());
        assertThat(batch.features().keySet()).isEqualTo(TrunkParityTests.batch.features().keySet());
        ModelConfig config = TrunkParityTests.config;
        try (Trunk trunk = new Trunk(config, TrunkParityTests.tiny.params, Precision.FLOAT32,
                TrunkOptions.alphaFoldDefaults(), RuntimeOptions.defaults(), Trunk.dimsFor(batch, config))) {
            Trunk.Output a = trunk.infer(batch, 7);
            Trunk.Output b = trunk.infer(batch, 7);
            assertThat(a.pair()).containsExactly(b.pair());
            List<Record> records = a.toRecords("__trunk__");
            assertThat(records).extracting(Record::name).containsExactly("pair", "single", "target_feat");
            assertThat(records.get(0).shape()).containsExactly(16, 16, 32);
            assertThat(records.get(2).shape()).containsExactly(16, 95);
            for (float v : a.pair()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            // With the reference's own MSA orders the embeddings are AlphaFold 3's; a random order differs.
            double diff = ReferenceCase.scaledError(a.single(), TrunkParityTests.tiny.output("trunk/single").floats());
            assertThat(diff).isGreaterThan(0);
        }
    }

    @Test
    void aMissingFeatureIsNamed() {
        TrunkParityTests.load();
        var features = new HashMap<>(TrunkParityTests.batch.features());
        features.remove("ref_space_uid");
        NetworkInputs broken = new NetworkInputs(features, "broken.bin");
        try (Trunk trunk = new Trunk(TrunkParityTests.config, TrunkParityTests.tiny.params, Precision.FLOAT32,
                TrunkOptions.unchunked(), RuntimeOptions.defaults(),
                Trunk.dimsFor(TrunkParityTests.batch, TrunkParityTests.config))) {
            assertThatThrownBy(() -> trunk.targetFeatures(broken)).isInstanceOf(RecordFormatException.class)
                    .hasMessage("broken.bin: feature 'ref_space_uid' is missing");
        }
    }

    @Test
    void bfloat16TrunkStaysCloseToTheF32Reference() {
        TrunkParityTests.load();
        NetworkInputs batch = TrunkParityTests.batch;
        ModelConfig config = TrunkParityTests.config;
        Record perm = TrunkParityTests.tiny.input("trunk/msa_perm");
        int rows = perm.shape()[1];
        List<int[]> orders = List.of(java.util.Arrays.copyOfRange(perm.ints(), 0, rows),
                java.util.Arrays.copyOfRange(perm.ints(), rows, 2 * rows));
        try (Trunk trunk = new Trunk(config, TrunkParityTests.tiny.params, Precision.BFLOAT16,
                TrunkOptions.alphaFoldDefaults(), RuntimeOptions.defaults(), Trunk.dimsFor(batch, config))) {
            Trunk.Embeddings e = trunk.run(batch, orders);
            double single = ReferenceCase.scaledError(e.single(),
                    TrunkParityTests.tiny.output("trunk/single").floats());
            double pair = ReferenceCase.scaledError(e.pair(), TrunkParityTests.tiny.output("trunk/pair").floats());
            assertThat(single).isLessThan(0.1).isGreaterThan(1e-5);
            assertThat(pair).isLessThan(0.1).isGreaterThan(1e-5);
        }
    }

    /**
     * The official config and the official record names, shapes and dtypes (random bf16 values) drive the full trunk:
     * the 447-wide target features, 4 MSA-module blocks, 2-block templates, 48 Pairformer blocks and 11 passes.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void officialConfigAndWeightShapesRunTheFull48BlockTrunk() throws Exception {
        TrunkParityTests.load();
        ModelConfig official = ModelConfig.load(Path.of(getClass().getResource("/af3-data/model_config.json").toURI()));
        var store = org.foldbatch.model.bench.SyntheticWeights.fullSize(3, "diffuser/evoformer/",
                "diffuser/evoformer_conditioning");
        NetworkInputs batch = TrunkParityTests.batch;
        Trunk.Dims dims = Trunk.dimsFor(batch, official);
        assertThat(dims.targetFeatWidth()).isEqualTo(447);
        try (Trunk trunk = new Trunk(official, store, official.globalConfig().precision(),
                new TrunkOptions(official.globalConfig().pairTransitionShardSpec(),
                        official.globalConfig().pairAttentionChunkSize()), RuntimeOptions.defaults(), dims)) {
            Trunk.Output out = trunk.infer(batch, 1);
            assertThat(out.pair()).hasSize(16 * 16 * 128);
            assertThat(out.single()).hasSize(16 * 384);
            double sumSq = 0;
            for (float v : out.single()) {
                assertThat(Float.isFinite(v)).isTrue();
                sumSq += v * v;
            }
            assertThat(sumSq).isGreaterThan(0);
        }
    }
}
