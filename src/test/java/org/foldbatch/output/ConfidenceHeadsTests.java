package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ConfidenceHeadsTests {

    private static float[] oneHot(int bins, int hot) {
        var logits = new float[bins];
        Arrays.fill(logits, -1000f);
        logits[hot] = 0f;
        return logits;
    }

    @Test
    void plddtIsTheExpectedBinCentreTimes100() {
        assertThat(ConfidenceHeads.plddt(new float[50])).isCloseTo(50f, within(1e-4f));
        assertThat(ConfidenceHeads.plddt(oneHot(50, 49))).isCloseTo(99f, within(1e-4f));
        assertThat(ConfidenceHeads.plddt(oneHot(50, 0))).isCloseTo(1f, within(1e-4f));
        var twoBins = new float[50];
        Arrays.fill(twoBins, -1000f);
        twoBins[10] = 0f;
        twoBins[20] = 0f;
        assertThat(ConfidenceHeads.plddt(twoBins)).isCloseTo(100 * (0.21f + 0.41f) / 2, within(1e-4f));
    }

    @Test
    void d0FollowsTheTmScoreFormulaWithAFloorOf19Tokens() {
        assertThat(ConfidenceHeads.d0(5)).isCloseTo(0.1683773044405672, within(1e-12));
        assertThat(ConfidenceHeads.d0(19)).isCloseTo(0.1683773044405672, within(1e-12));
        assertThat(ConfidenceHeads.d0(20)).isCloseTo(0.3203701738791038, within(1e-12));
        assertThat(ConfidenceHeads.d0(45)).isCloseTo(2.052968307382785, within(1e-12));
    }

    @Test
    void paeExpectationAndTmAdjustmentUseGlobalAndPerChainPairD0() {
        int t = 45;
        var chain = new int[t];
        for (int i = 20; i < t; i++) {
            chain[i] = 1;                                   // chain 0: 20 tokens, chain 1: 25 tokens
        }
        var logits = new float[t][t][];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                logits[i][j] = oneHot(64, 10);              // all mass at 5.25 Å
            }
        }
        logits[0][1] = new float[64];                       // uniform: mean of 0.25 .. 31.75
        var out = ConfidenceHeads.pae(logits, chain);
        assertThat(out.pae()[0][2]).isCloseTo(5.25f, within(1e-4f));
        assertThat(out.pae()[0][1]).isCloseTo(16.0f, within(1e-4f));
        // 1 / (1 + 5.25^2 / d0(n)^2) with n = 45 (global and cross-chain), 20 (within chain 0), 25 (within chain 1)
        assertThat(out.tmAdjustedGlobal()[0][2]).isCloseTo(0.13263225555419922f, within(1e-6f));
        assertThat(out.tmAdjustedGlobal()[30][31]).isCloseTo(0.13263225555419922f, within(1e-6f));
        assertThat(out.tmAdjustedInterface()[0][30]).isCloseTo(0.13263225555419922f, within(1e-6f));
        assertThat(out.tmAdjustedInterface()[0][2]).isCloseTo(0.0037099779583513737f, within(1e-7f));
        assertThat(out.tmAdjustedInterface()[30][31]).isCloseTo(0.026816971600055695f, within(1e-7f));
    }

    @Test
    void contactProbabilitySumsTheFirst19Bins() {
        assertThat(ConfidenceHeads.contactProbability(new float[64])).isCloseTo(19f / 64, within(1e-6f));
        assertThat(ConfidenceHeads.contactProbability(oneHot(64, 18))).isCloseTo(1f, within(1e-6f));
        assertThat(ConfidenceHeads.contactProbability(oneHot(64, 19))).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void sampleFromLogitsUsesTheHeads() {
        var layout = TestLayouts.twoChainsAndIon();
        var plddtLogits = new float[7][];
        for (int a = 0; a < 7; a++) {
            plddtLogits[a] = oneHot(50, 45);
        }
        var paeLogits = new float[7][7][];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                paeLogits[i][j] = oneHot(64, 0);
            }
        }
        var sample = ConfidenceHeads.sampleFromLogits(layout, 5, 2, TestLayouts.positionsOnLine(7, 4f), plddtLogits, paeLogits,
                TestLayouts.constant(7, 0.5f));
        assertThat(sample.atomPlddt()).containsOnly(91f);
        assertThat(sample.pae()[0][6]).isCloseTo(0.25f, within(1e-5f));
        // d0(19) = 0.16838: 1 / (1 + 0.25^2 / d0^2) = 0.31206
        assertThat(sample.tmAdjustedPaeGlobal()[0][6]).isCloseTo(0.31206f, within(1e-4f));
    }

    @Test
    void wrongBinCountsAreRejected() {
        assertThatThrownBy(() -> ConfidenceHeads.plddt(new float[49]))
                .hasMessage("pLDDT logits: expected 50 bins, got 49");
    }
}
