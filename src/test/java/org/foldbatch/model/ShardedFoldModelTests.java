package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory knobs change only memory: the whole model (trunk, heads, diffusion) with the pair transition sharded in
 * shards of 3 rows and triangle attention chunked in 5 rows gives the numbers it gives with neither. Not bit for bit:
 * the CPU matmul kernels sum in an order that depends on how many rows they get, so the last bit of a float may
 * differ (measured: up to 2e-7 of the largest value); a wrong shard (rows dropped, repeated or misplaced) moves
 * values by their own size.
 */
class ShardedFoldModelTests {

    /** Of the largest magnitude: a few float32 ulps (2^-23 is 1.2e-7). */
    private static final double TOLERANCE = 2e-6;

    @Test
    void shardingThePairTransitionAndChunkingAttentionLeaveEveryOutputEqual(@TempDir Path dir) {
        RandomWeights.write(dir, ModelConfig.small(), 42);
        TrunkParityTests.load();
        NetworkInputs batch = TrunkParityTests.batch;
        TrunkOptions sharded = new TrunkOptions(ShardSpec.parse("((None, 3))", "transition"),
                ShardSpec.parse("((None, 5))", "attention"));
        ModelOutput plain = predict(dir, batch, TrunkOptions.unchunked());
        ModelOutput chunked = predict(dir, batch, sharded);

        assertThat(plain.numTokens()).as("more rows than one shard, and not a multiple of it").isGreaterThan(3)
                .matches(n -> n % 3 != 0 || n % 5 != 0);
        ModelOutput.Sample a = plain.samples().get(0);
        ModelOutput.Sample b = chunked.samples().get(0);
        assertThat(ReferenceCase.scaledError(b.atomPositions(), a.atomPositions())).isLessThan(TOLERANCE);
        assertThat(ReferenceCase.scaledError(b.plddt(), a.plddt())).isLessThan(TOLERANCE);
        assertThat(ReferenceCase.scaledError(b.pae(), a.pae())).isLessThan(TOLERANCE);
        assertThat(ReferenceCase.scaledError(b.pde(), a.pde())).isLessThan(TOLERANCE);
        assertThat(ReferenceCase.scaledError(chunked.distogramLogits(), plain.distogramLogits())).isLessThan(TOLERANCE);
    }

    @Test
    void readsAlphaFold3sNotation() {
        ShardSpec a100_40 = ShardSpec.parse("((2048, None), (3072, 1024), (None, 512))", "spec");
        assertThat(a100_40.sizeFor(2048)).isNull();
        assertThat(a100_40.sizeFor(2049)).isEqualTo(1024);
        assertThat(a100_40.sizeFor(3072)).isEqualTo(1024);
        assertThat(a100_40.sizeFor(3073)).isEqualTo(512);
        assertThat(a100_40.notation()).isEqualTo("((2048, None), (3072, 1024), (None, 512))");
        assertThat(ShardSpec.parse("((1536,128),(None,32))", "spec")).isEqualTo(TrunkOptions.alphaFoldDefaults()
                .pairAttentionChunkSpec());
        assertThat(ShardSpec.parse("((None, 7),)", "spec").sizeFor(100_000)).isEqualTo(7);
        assertThatThrownBy(() -> ShardSpec.parse("(2048, None)", "foldbatch.inference.pair-transition-shard-spec"))
                .hasMessage("foldbatch.inference.pair-transition-shard-spec: '(2048, None)' is not a shard spec in "
                        + "AlphaFold 3's notation, e.g. ((2048, None), (None, 1024))");
        assertThatThrownBy(() -> ShardSpec.parse("((None, 0))", "x")).hasMessageContaining("a shard of 0 rows");
    }

    private static ModelOutput predict(Path dir, NetworkInputs batch, TrunkOptions options) {
        try (FoldModel model = FoldModel.load(dir, ModelConfig.small(), Precision.FLOAT32, options,
                RuntimeOptions.defaults())) {
            return model.predict(batch, 3, NoiseSource.seeded(), model.sampling().withSteps(2, 1),
                    InferenceProgress.NONE);
        }
    }
}
