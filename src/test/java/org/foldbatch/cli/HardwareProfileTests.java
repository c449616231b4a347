package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.foldbatch.batch.FoldbatchProperties;
import org.foldbatch.batch.InferenceResources;
import org.foldbatch.model.TrunkOptions;
import org.junit.jupiter.api.Test;

/** The profiles carry AlphaFold 3's performance-guide numbers, and bind to the settings they stand for. */
class HardwareProfileTests {

    @Test
    void a40GbA100GetsUnifiedMemoryAndTheFinerPairTransitionShards() {
        InferenceResources resources = new InferenceResources(FoldbatchProperties.bind(
                HardwareProfile.of("a100-40g").settings()));
        assertThat(resources.settings().gpuUnifiedMemory()).isTrue();
        assertThat(resources.settings().gpuPreallocate()).isFalse();
        assertThat(resources.settings().gpuMemoryFraction()).isEqualTo(3.2);
        TrunkOptions trunk = resources.trunkOptions();
        assertThat(trunk.pairTransitionShardSpec().notation()).isEqualTo("((2048, None), (3072, 1024), (None, 512))");
        assertThat(trunk.pairAttentionChunkSpec()).isEqualTo(TrunkOptions.alphaFoldDefaults().pairAttentionChunkSpec());
        assertThat(HardwareProfile.of("a100-40g").settings()).containsEntry("foldbatch.remote.max-tokens", 4352);
    }

    @Test
    void eachProfilesTokenLimitIsAlphaFold3s() {
        assertThat(HardwareProfile.of("A100-80G").maxTokens).isEqualTo(5120);
        assertThat(HardwareProfile.of("h100-80g").maxTokens).isEqualTo(5120);
        assertThat(HardwareProfile.of("v100-16g").maxTokens).isEqualTo(1280);
        assertThat(HardwareProfile.of("cpu").settings()).containsEntry("foldbatch.remote.max-tokens", 0)
                .doesNotContainKey("foldbatch.inference.gpu-memory-fraction");
        assertThat(new InferenceResources(FoldbatchProperties.bind(Map.of())).trunkOptions())
                .as("the settings' defaults are AlphaFold 3's").isEqualTo(TrunkOptions.alphaFoldDefaults());
    }

    @Test
    void unknownProfilesAndMalformedSpecsAreRefusedInOneLine() {
        assertThatThrownBy(() -> HardwareProfile.of("rtx-4090")).hasMessage("--profile: 'rtx-4090' is not a "
                + "hardware profile (a100-80g, h100-80g, a100-40g, v100-16g or cpu)");
        InferenceResources bad = new InferenceResources(FoldbatchProperties.bind(Map.of(
                "foldbatch.inference.pair-transition-shard-spec", "2048")));
        assertThatThrownBy(bad::trunkOptions).hasMessage("foldbatch.inference.pair-transition-shard-spec: '2048' is "
                + "not a shard spec in AlphaFold 3's notation, e.g. ((2048, None), (None, 1024))");
    }
}
