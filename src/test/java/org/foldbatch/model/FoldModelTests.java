package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.model.weights.WeightsSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldModelTests {

    @Test
    void randomWeightsLoadWithAWarningAndRunEndToEnd(@TempDir Path dir) {
        Path file = RandomWeights.write(dir, ModelConfig.small(), 42);
        assertThat(file.getFileName().toString()).isEqualTo("af3-random-weights-TEST-ONLY.bin");
        ParameterStore store = ParameterStore.loadModel(dir, RandomWeights.MODEL_NAME, WeightsSchema.small());
        assertThat(store.size()).isEqualTo(WeightsSchema.official().size());
        assertThat(store.records().stream().map(r -> r.key()).sorted().toList())
                .isEqualTo(WeightsSchema.official().keys().stream().sorted().toList());
        assertThat(store.identifier()).contains("RANDOM-WEIGHTS-TEST-ONLY");

        TrunkParityTests.load();
        NetworkInputs batch = TrunkParityTests.batch;
        try (FoldModel model = FoldModel.load(dir, ModelConfig.small(), Precision.FLOAT32,
                RuntimeOptions.defaults())) {
            assertThat(model.usesRandomWeights()).isTrue();
            java.util.List<String> reported = new java.util.ArrayList<>();
            InferenceProgress progress = new InferenceProgress() {
                @Override
                public void recycle(int done, int total) {
                    reported.add("recycle " + done + "/" + total);
                }

                @Override
                public void diffusionStep(int done, int total) {
                    reported.add("step " + done + "/" + total);
                }
            };
            ModelOutput out = model.predict(batch, 3, NoiseSource.seeded(), model.sampling().withSteps(2, 1),
                    progress);
            int passes = ModelConfig.small().numRecycles() + 1;
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (int p = 1; p <= passes; p++) {
                expected.add("recycle " + p + "/" + passes);
            }
            expected.addAll(java.util.List.of("step 1/2", "step 2/2"));
            assertThat(reported).isEqualTo(expected);
            assertThat(out.samples()).hasSize(1);
            ModelParityTests.assertFinite(out.samples().get(0).atomPositions());
            ModelParityTests.assertBetween(out.samples().get(0).plddt(), 16 * 24, 0f, 100f);
            assertThat(out.distogramBinEdges()).hasSize(63);
            assertThat(model.lastTimings().total()).isPositive();

            // Progress is told every trunk pass and diffusion step, and watching changes nothing.
            java.util.List<String> events = new java.util.ArrayList<>();
            ModelOutput watched = model.predict(batch, 3, NoiseSource.seeded(), model.sampling().withSteps(2, 1),
                    new InferenceProgress() {
                        @Override
                        public void recycle(int done, int total) {
                            events.add("recycle " + done + "/" + total);
                        }

                        @Override
                        public void diffusionStep(int done, int total) {
                            events.add("step " + done + "/" + total);
                        }
                    });
            java.util.List<String> watchedExpected = new java.util.ArrayList<>();
            for (int p = 1; p <= passes; p++) {
                watchedExpected.add("recycle " + p + "/" + passes);
            }
            watchedExpected.add("step 1/2");
            watchedExpected.add("step 2/2");
            assertThat(events).isEqualTo(watchedExpected);
            assertThat(watched.samples().get(0).atomPositions()).containsExactly(out.samples().get(0).atomPositions());

            Path stored = dir.resolve("output.bin");
            org.foldbatch.records.RecordFile.write(stored, out.toRecords("__output__"));
            ModelOutput back = ModelOutput.fromRecords(org.foldbatch.records.RecordLists.read(stored),
                    "__output__", stored.toString());
            assertThat(back.samples().get(0).atomPositions()).containsExactly(out.samples().get(0).atomPositions());
            assertThat(back.samples().get(0).tmAdjustedPaeInterface())
                    .containsExactly(out.samples().get(0).tmAdjustedPaeInterface());
            assertThat(back.samples().get(0).averagePde()).isEqualTo(out.samples().get(0).averagePde());
            assertThat(back.pair()).containsExactly(out.pair());
            assertThat(back.distogramLogits()).containsExactly(out.distogramLogits());
            assertThat(back.seqChannels()).isEqualTo(out.seqChannels());
            assertThatThrownBy(() -> ModelOutput.fromRecords(java.util.List.of(), "__output__", "empty.bin"))
                    .hasMessageContaining("empty.bin").hasMessageContaining("diffusion_samples/atom_positions");
        }
    }

    @Test
    void weightsLeaveTheJavaHeapOnceUploadedAndAreReadAgainForANewBucket(@TempDir Path dir) {
        // given: a weights file, and a model that reads it through a counting supplier
        RandomWeights.write(dir, ModelConfig.small(), 42);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<ParameterStore> file = () -> {
            reads.incrementAndGet();
            return ParameterStore.loadModel(dir, RandomWeights.MODEL_NAME, WeightsSchema.small());
        };
        NetworkInputs small = org.foldbatch.model.bench.SyntheticBatch.protein(16, 4, 4, 1, 1);
        NetworkInputs larger = org.foldbatch.model.bench.SyntheticBatch.protein(32, 4, 4, 1, 1);
        try (FoldModel released = FoldModel.of(file, ModelConfig.small(), Precision.FLOAT32,
                TrunkOptions.unchunked(), RuntimeOptions.defaults());
                FoldModel kept = FoldModel.of(ParameterStore.loadModel(dir, RandomWeights.MODEL_NAME,
                        WeightsSchema.small()), ModelConfig.small(), Precision.FLOAT32, TrunkOptions.unchunked(),
                        RuntimeOptions.defaults())) {
            DiffusionSampler.Config sampling = released.sampling().withSteps(2, 1);

            // when: two sizes run, each in its own bucket, and the first size again
            ModelOutput smallOut = released.predict(small, 5, NoiseSource.seeded(), sampling, InferenceProgress.NONE);
            int afterFirst = reads.get();
            ModelOutput largerOut = released.predict(larger, 5, NoiseSource.seeded(), sampling,
                    InferenceProgress.NONE);
            int afterSecond = reads.get();
            released.predict(small, 5, NoiseSource.seeded(), sampling, InferenceProgress.NONE);

            // then: the file is read once per new bucket, and the outputs are those of a model that kept its copy
            assertThat(afterFirst).isEqualTo(1);
            assertThat(afterSecond).isEqualTo(2);
            assertThat(reads.get()).as("a built bucket needs no weights").isEqualTo(2);
            assertThat(largerOut.samples().get(0).atomPositions()).containsExactly(kept.predict(larger, 5,
                    NoiseSource.seeded(), sampling, InferenceProgress.NONE).samples().get(0).atomPositions());
            assertThat(smallOut.pair()).containsExactly(kept.predict(small, 5, NoiseSource.seeded(), sampling,
                    InferenceProgress.NONE).pair());
        }
    }

    @Test
    void missingWeightsSayWhatToDo(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FoldModel.load(dir, ModelConfig.small(), Precision.FLOAT32,
                RuntimeOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("af3.bin.zst")
                .hasMessageContaining("request the model parameters from Google");
        Path absent = dir.resolve("nowhere");
        assertThatThrownBy(() -> FoldModel.load(absent, ModelConfig.small(), Precision.FLOAT32,
                RuntimeOptions.defaults())).hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("af3.bin"), "not a weights file");
        assertThatThrownBy(() -> FoldModel.load(dir, ModelConfig.small(), Precision.FLOAT32,
                RuntimeOptions.defaults())).hasMessageContaining("af3.bin");
    }

    @Test
    void configAndWeightsOfDifferentSizesAreRefused() {
        TrunkParityTests.load();
        ModelConfig small = ModelConfig.small();
        var evo = small.evoformer();
        ModelConfig wider = new ModelConfig(new ModelConfig.EvoformerConfig(evo.seqChannel(), 128,
                evo.msaChannel(), evo.numMsa(), evo.maxRelativeIdx(), evo.maxRelativeChain(), evo.msaStack(),
                evo.pairformer(), evo.perAtomConditioning(), evo.template()), small.globalConfig(), small.heads(), 1,
                true, true);
        assertThatThrownBy(() -> FoldModel.of(TrunkParityTests.tiny.params, wider, Precision.FLOAT32,
                TrunkOptions.unchunked(), RuntimeOptions.defaults())).hasMessageContaining("pair_channel 128")
                .hasMessageContaining("have 32");
    }

    @Test
    void randomWeightsRefuseOtherSizes(@TempDir Path dir) {
        ModelConfig small = ModelConfig.small();
        var evo = small.evoformer();
        ModelConfig wider = new ModelConfig(new ModelConfig.EvoformerConfig(64, evo.pairChannel(), evo.msaChannel(),
                evo.numMsa(), evo.maxRelativeIdx(), evo.maxRelativeChain(), evo.msaStack(), evo.pairformer(),
                evo.perAtomConditioning(), evo.template()), small.globalConfig(), small.heads(), 1, true, true);
        assertThatThrownBy(() -> RandomWeights.write(dir, wider, 1)).hasMessageContaining("ModelConfig.small()");
    }
}
