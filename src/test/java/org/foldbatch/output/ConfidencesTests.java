package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfidencesTests {

    private static final double EPS = 1e-6;

    /**
     * TM-adjusted PAE for the hand layout (A = tokens 0-2, B = 3-5, ion C = 6): within A 0.9, within B 0.8; A rows
     * score B columns 0.3/0.4/0.5 (rows 0/1/2); B rows score A columns 0.6, except row 3 (no frame) 0.95; every
     * entry touching the ion 0.1.
     */
    private static float[][] tmAdjusted() {
        float[][] m = TestLayouts.constant(7, 0.1f);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                boolean sameChain = (i < 3) == (j < 3);
                if (sameChain) {
                    m[i][j] = i < 3 ? 0.9f : 0.8f;
                } else if (i < 3) {
                    m[i][j] = new float[] {0.3f, 0.4f, 0.5f}[i];
                } else {
                    m[i][j] = i == 3 ? 0.95f : 0.6f;
                }
            }
        }
        return m;
    }

    @Test
    void ptmIsTheBestRowMeanOverRowsWithFrames() {
        var layout = TestLayouts.twoChainsAndIon();
        // Row 2: (3*0.9 + 3*0.5 + 0.1) / 7 = 0.6143; rows 4/5: (3*0.6 + 3*0.8 + 0.1) / 7 = 0.6143 too;
        // row 3 would give 0.8643 but has no frame; row 6 (ion) has no frame either.
        double ptm = Confidences.predictedTmScore(tmAdjusted(), layout.tokenFrameMask(), layout.tokenChain(), false);
        assertThat(ptm).isCloseTo(4.3 / 7, within(EPS));
    }

    @Test
    void iptmOnlyAveragesOtherChains() {
        var layout = TestLayouts.twoChainsAndIon();
        // Row 2: (3*0.5 + 0.1) / 4 = 0.4; rows 4/5: (3*0.6 + 0.1) / 4 = 0.475; row 3 excluded (would be 0.7375).
        double iptm = Confidences.predictedTmScore(tmAdjusted(), layout.tokenFrameMask(), layout.tokenChain(), true);
        assertThat(iptm).isCloseTo(0.475, within(EPS));
    }

    @Test
    void scoresAreNanWithoutAnyValidFrame() {
        var frames = new boolean[7];
        var layout = TestLayouts.twoChainsAndIon();
        assertThat(Confidences.predictedTmScore(tmAdjusted(), frames, layout.tokenChain(), false)).isNaN();
    }

    @Test
    void chainPairIptmRestrictsToEachPairOfChains() {
        var layout = TestLayouts.twoChainsAndIon();
        double[][] m = Confidences.chainPairIptm(tmAdjusted(), layout.tokenChain(), layout.tokenFrameMask(), 3);
        assertThat(m[0][0]).isCloseTo(0.9, within(EPS));                // pTM of A alone
        assertThat(m[1][1]).isCloseTo(0.8, within(EPS));                // rows 4, 5 only
        assertThat(m[0][1]).isCloseTo(0.6, within(EPS));                // best of 0.3, 0.4, 0.5, 0.6 (row 3 out)
        assertThat(m[1][0]).isEqualTo(m[0][1]);
        assertThat(m[0][2]).isCloseTo(0.1, within(EPS));                // A rows against the ion column
        assertThat(m[2][2]).isNaN();                                    // the ion has no frame
        assertThat(Confidences.chainIptm(m)).containsExactly(
                new double[] {(0.6 + 0.1) / 2, (0.6 + 0.1) / 2, 0.1}, within(EPS));
    }

    @Test
    void chainIptmSkipsNanPartnersAndIsNanWithoutAny() {
        double nan = Double.NaN;
        double[][] pairs = {{0.9, 0.2, 0.4}, {0.2, 0.8, nan}, {0.4, nan, 0.7}};
        assertThat(Confidences.chainIptm(pairs)).containsExactly(new double[] {0.3, 0.2, 0.4}, within(1e-12));
        assertThat(Confidences.chainIptm(new double[][] {{0.9}})[0]).isNaN();
        assertThat(Confidences.chainIptm(new double[][] {{0.9, nan}, {nan, 0.5}})).containsOnly(nan);
    }

    @Test
    void chainPairPaeMinUsesRowsWithFramesOnly() {
        var layout = TestLayouts.twoChainsAndIon();
        var pae = new float[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                pae[i][j] = i * 10 + j + 0.5f;
            }
        }
        double[][] min = Confidences.chainPairPaeMin(pae, layout.tokenChain(), layout.tokenFrameMask(), 3);
        assertThat(min[0]).containsExactly(0.5, 3.5, 6.5);
        assertThat(min[1]).containsExactly(40.5, 43.5, 46.5);           // row 3 (30.5...) has no frame
        assertThat(min[2]).containsOnly(Double.NaN);
    }

    @Test
    void rankingScoreWeightsAsAf3() {
        assertThat(Confidences.rankingScore(0.7, 0.6, 0.25, false)).isEqualTo(0.7449999999999999);
        assertThat(Confidences.rankingScore(0.7, Double.NaN, 0.0, false)).isEqualTo(0.7);
        assertThat(Confidences.rankingScore(0.7, 0.6, 0.0, true)).isEqualTo(-99.38);
    }

    @Test
    void topRankedIsTheFirstStrictMaximum() {
        assertThat(Confidences.topRanked(List.of(0.5, 0.9, 0.9, 0.1))).isEqualTo(1);
        assertThat(Confidences.topRanked(List.of(-100.0))).isZero();
    }

    @Test
    void summarizeCombinesEverything() {
        var layout = TestLayouts.twoChainsAndIon();
        float[][] tm = tmAdjusted();
        var sample = new SampleResult(1, 0, TestLayouts.positionsOnLine(7, 5f), new float[7], TestLayouts.constant(7, 3f),
                tm, tm, TestLayouts.constant(7, 0.5f));
        var s = Confidences.summarize(layout, sample);
        assertThat(s.ptm()).isCloseTo(4.3 / 7, within(EPS));
        assertThat(s.iptm()).isCloseTo(0.475, within(EPS));
        assertThat(s.hasClash()).isZero();
        // One-CA residues have no full backbone, so DSSP has nothing to measure: no disorder.
        assertThat(s.fractionDisordered()).isZero();
        assertThat(s.rankingScore()).isCloseTo(0.8 * 0.475 + 0.2 * 4.3 / 7, within(EPS));
        assertThat(s.chainPtm()[0]).isCloseTo(0.9, within(EPS));
        assertThat(s.chainIds()).containsExactly("A", "A", "A", "B", "B", "B", "C");
    }
}
