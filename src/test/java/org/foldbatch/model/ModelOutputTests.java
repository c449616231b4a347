package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelOutputTests {

    /** Three tokens padded to four, one single channel, two pair channels, two distogram bins. */
    private static ModelOutput padded() {
        int n = 4;
        float[] single = {1, 2, 3, 0};
        float[] pair = new float[n * n * 2];
        float[] logits = new float[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pair[(i * n + j) * 2] = 10 * i + j;
                pair[(i * n + j) * 2 + 1] = -(10 * i + j);
                logits[(i * n + j) * 2 + 1] = (float) Math.log(3);
            }
        }
        return new ModelOutput(n, List.of(), new float[n * 24], logits, new float[] {1, 2}, new float[n * n], single,
                1, pair, 2);
    }

    @Test
    void embeddingsKeepOnlyTheRealTokens() {
        ModelOutput out = padded();

        assertThat(out.singleOfTokens(3)).containsExactly(1, 2, 3);
        float[] pair = out.pairOfTokens(3);
        assertThat(pair).hasSize(3 * 3 * 2);
        assertThat(pair[(2 * 3 + 1) * 2]).as("token pair (2, 1), first channel").isEqualTo(21);
        assertThat(pair[(1 * 3 + 2) * 2 + 1]).as("token pair (1, 2), second channel").isEqualTo(-12);
    }

    @Test
    void distogramBecomesProbabilitiesOverEachPairsBins() {
        float[] p = padded().distogramProbabilities(3);

        assertThat(p).hasSize(3 * 3 * 2);
        for (int o = 0; o < p.length; o += 2) {
            assertThat(p[o]).isCloseTo(0.25f, within(1e-6f));
            assertThat(p[o + 1]).isCloseTo(0.75f, within(1e-6f));
        }
    }
}
