package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelConfigTests {
    private static Path official() throws Exception {
        return Path.of(ModelConfigTests.class.getResource("/af3-data/model_config.json").toURI());
    }

    @Test
    void officialConfigLoads() throws Exception {
        ModelConfig c = ModelConfig.load(official());
        assertThat(c.evoformer().pairformer().numLayer()).isEqualTo(48);
        assertThat(c.evoformer().pairformer().singleAttention().numHead()).isEqualTo(16);
        assertThat(c.evoformer().pairformer().singleAttention().keyDim()).isNull();
        assertThat(c.evoformer().msaStack().outerProductMean().numOuterChannel()).isEqualTo(32);
        assertThat(c.evoformer().template().templateStack().pairTransition().numIntermediateFactor()).isEqualTo(2);
        assertThat(c.evoformer().template().templateStack().singleAttention()).isNull();
        assertThat(c.evoformer().perAtomConditioning().atomTransformer().numBlocks()).isEqualTo(3);
        assertThat(c.globalConfig().precision()).isEqualTo(Precision.BFLOAT16);
        assertThat(c.globalConfig().pairTransitionShardSpec().sizeFor(2048)).isNull();
        assertThat(c.globalConfig().pairTransitionShardSpec().sizeFor(2049)).isEqualTo(1024);
        assertThat(c.globalConfig().pairAttentionChunkSize().sizeFor(256)).isEqualTo(128);
        assertThat(c.globalConfig().pairAttentionChunkSize().sizeFor(2000)).isEqualTo(32);
        assertThat(c.numRecycles()).isEqualTo(10);
        assertThat(c.heads().diffusion().get("eval").get("steps").asInt()).isEqualTo(200);
    }

    @Test
    void aMissingOrMistypedFieldIsReportedWithItsJsonPath() throws Exception {
        String json = Files.readString(official());
        Path broken = Files.createTempFile("model_config", ".json");
        try {
            Files.writeString(broken, json.replace("\"pair_channel\": 128", "\"pair_channel\": \"wide\""));
            assertThatThrownBy(() -> ModelConfig.load(broken)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(broken + ": $.evoformer.pair_channel: missing or not an integer");
            Files.writeString(broken, json.replace("\"bfloat16\": \"all\"", "\"bfloat16\": \"intermediate\""));
            assertThatThrownBy(() -> ModelConfig.load(broken).globalConfig().precision())
                    .hasMessageContaining("global_config.bfloat16");
        } finally {
            Files.delete(broken);
        }
    }
}
