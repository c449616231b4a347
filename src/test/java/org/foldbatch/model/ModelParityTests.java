package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.foldbatch.records.Record;
import org.junit.jupiter.api.Test;

/**
 * The full model on model_tiny through {@link FoldModel}: the trunk embeddings of AlphaFold 3's end-to-end run
 * (with its MSA orders replayed through the noise source), then sampling and both heads on the same graphs.
 * AlphaFold 3's diffusion noise comes from JAX's generator, so the sampled structures are checked for shape and
 * sanity only; the denoiser and heads have their own parity tests.
 */
class ModelParityTests {
    static final double TOL = 5e-5;

    static NoiseSource replayingMsaOrders(ReferenceCase tiny) {
        NoiseSource seeded = NoiseSource.seeded();
        return new NoiseSource() {
            @Override
            public List<int[]> msaOrders(NetworkInputs batch, int passes, long seed) {
                Record perm = tiny.input("trunk/msa_perm");
                int rows = perm.shape()[1];
                assertThat(passes).isEqualTo(perm.shape()[0]);
                return List.of(Arrays.copyOfRange(perm.ints(), 0, rows),
                        Arrays.copyOfRange(perm.ints(), rows, 2 * rows));
            }

            @Override
            public float[] normal(long seed, Kind kind, int sample, int step, int count) {
                return seeded.normal(seed, kind, sample, step, count);
            }
        };
    }

    @Test
    void endToEndEmbeddingsMatchAndTheGraphIsReusedAcrossSeeds() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs batch = TrunkParityTests.batch;
        try (FoldModel model = FoldModel.of(tiny.params, TrunkParityTests.config, Precision.FLOAT32,
                TrunkOptions.unchunked(), RuntimeOptions.defaults())) {
            assertThat(model.sampling().steps()).isEqualTo(3);
            assertThat(model.sampling().numSamples()).isEqualTo(2);
            ModelOutput first = model.predict(batch, 1, replayingMsaOrders(tiny));
            tiny.assertClose(first.single(), "full/single_embeddings", TOL);
            tiny.assertClose(first.pair(), "full/pair_embeddings", TOL);
            tiny.assertClose(first.distogramLogits(), "full/distogram/distogram", TOL);
            tiny.assertClose(first.contactProbs(), "full/distogram/contact_probs", TOL);
            assertThat(first.samples()).hasSize(2);
            for (ModelOutput.Sample s : first.samples()) {
                assertThat(s.atomPositions()).hasSize(16 * 24 * 3);
                assertFinite(s.atomPositions());
                assertBetween(s.plddt(), 16 * 24, 0f, 100f);
                assertBetween(s.pae(), 16 * 16, 0f, 32f);
                assertFinite(s.tmAdjustedPaeGlobal());
            }
            assertThat(first.samples().get(0).atomPositions()).isNotEqualTo(first.samples().get(1).atomPositions());
            int built = model.graphsBuilt();

            ModelOutput second = model.predict(batch, 2, replayingMsaOrders(tiny));
            assertThat(model.graphsBuilt()).as("same bucket reuses its graphs").isEqualTo(built);
            assertThat(second.single()).containsExactly(first.single());
            assertThat(second.samples().get(0).atomPositions()).isNotEqualTo(first.samples().get(0).atomPositions());
            ModelOutput again = model.predict(batch, 1, replayingMsaOrders(tiny));
            assertThat(again.samples().get(1).atomPositions()).containsExactly(
                    first.samples().get(1).atomPositions());

            ModelOutput oneByOne = model.samplesPerCall(1).predict(batch, 1, replayingMsaOrders(tiny));
            assertThat(model.graphsBuilt()).isEqualTo(built);
            for (int s = 0; s < 2; s++) {
                assertThat(ReferenceCase.scaledError(oneByOne.samples().get(s).atomPositions(),
                        first.samples().get(s).atomPositions())).as("sample %d batched vs alone", s).isLessThan(1e-5);
            }
        }
    }

    @Test
    void confidenceOfTheFullRunsSamplesMatchesWhenFedAlphaFoldsSamples() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs batch = TrunkParityTests.batch;
        Record samples = tiny.output("full/diffusion_samples/atom_positions");
        int per = 16 * 24 * 3;
        Trunk.Dims dims = Trunk.dimsFor(batch, TrunkParityTests.config);
        try (StructureHeads heads = new StructureHeads(TrunkParityTests.config, tiny.params, Precision.FLOAT32,
                TrunkOptions.unchunked(), RuntimeOptions.defaults(), dims)) {
            Trunk.Output trunk = new Trunk.Output(dims, 32, 32, tiny.output("trunk/pair").floats(),
                    tiny.output("trunk/single").floats(), tiny.output("trunk/target_feat").floats());
            try (StructureHeads.Feeds feeds = heads.feeds(batch, trunk)) {
                for (int s = 0; s < 2; s++) {
                    List<float[]> c = feeds.confidence(Arrays.copyOfRange(samples.floats(), s * per, (s + 1) * per));
                    tiny.assertClose(c.get(0), slice(tiny, "full/predicted_lddt", s), TOL);
                    tiny.assertClose(c.get(1), slice(tiny, "full/full_pae", s), TOL);
                    tiny.assertClose(c.get(2), slice(tiny, "full/full_pde", s), TOL);
                }
            }
        }
    }

    private static String slice(ReferenceCase tiny, String key, int s) {
        Record r = tiny.output(key);
        int[] shape = Arrays.copyOfRange(r.shape(), 1, r.shape().length);
        int n = (int) Record.elementCount(shape);
        String name = key + "[" + s + "]";
        tiny.outputs.put(name, Record.ofFloats("__output__", name, shape,
                Arrays.copyOfRange(r.floats(), s * n, (s + 1) * n)));
        return name;
    }

    static void assertBetween(float[] v, int size, float lo, float hi) {
        assertThat(v).hasSize(size);
        for (float x : v) {
            assertThat(x).isBetween(lo, hi);
        }
    }

    static void assertFinite(float[] v) {
        for (float x : v) {
            assertThat(Float.isFinite(x)).isTrue();
        }
    }
}
