package org.foldbatch.output;

import java.util.ArrayList;
import java.util.List;

/**
 * AF3's post-network confidence metrics (its {@code confidences.py} and {@code model.get_inference_result}):
 * pTM, ipTM, chain-pair ipTM, chain pTM/ipTM, chain-pair minimum PAE and the ranking score. Arithmetic is in double
 * on the float32 network outputs, as numpy does it.
 */
public final class Confidences {

    static final double IPTM_WEIGHT = 0.8;
    static final double FRACTION_DISORDERED_WEIGHT = 0.5;
    static final double CLASH_PENALTY = 100.0;

    private Confidences() {
    }

    /** Every metric of one sample, ready for {@link SummaryConfidencesJson}. */
    public static SummaryConfidences summarize(StructureLayout layout, SampleResult sample) {
        sample.checkFits(layout);
        int[] asym = layout.tokenChain();
        boolean[] frames = layout.tokenFrameMask();
        int numChains = layout.chains().size();
        double ptm = predictedTmScore(sample.tmAdjustedPaeGlobal(), frames, asym, false);
        double iptm = predictedTmScore(sample.tmAdjustedPaeGlobal(), frames, asym, true);
        double[][] chainPair = chainPairIptm(sample.tmAdjustedPaeInterface(), asym, frames, numChains);
        double[] chainPtm = new double[numChains];
        for (int c = 0; c < numChains; c++) {
            chainPtm[c] = chainPair[c][c];
        }
        double fractionDisordered = Disorder.fractionDisordered(layout, sample.atomPositions());
        boolean clash = Clashes.hasClash(layout, sample.atomPositions());
        return new SummaryConfidences(ptm, iptm, rankingScore(ptm, iptm, fractionDisordered, clash), fractionDisordered,
                clash ? 1.0 : 0.0, chainPairPaeMin(sample.pae(), asym, frames, numChains), chainPair, chainPtm,
                chainIptm(chainPair), layout.tokenChainIds());
    }

    /**
     * pTM (or ipTM with {@code interface_}): the best row, over rows i, of the mean of tmAdjusted[i][j] over the j
     * allowed by the pair mask (row i has a valid frame; for ipTM also j in another chain). Rows with nothing
     * allowed score 0 and still count in the max; NaN when nothing at all is allowed.
     */
    public static double predictedTmScore(float[][] tmAdjusted, boolean[] frameMask, int[] asym, boolean interface_) {
        int[] all = new int[asym.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return predictedTmScore(tmAdjusted, all, frameMask, asym, interface_);
    }

    private static double predictedTmScore(float[][] tmAdjusted, int[] tokens, boolean[] frameMask, int[] asym,
                                           boolean interface_) {
        double best = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i : tokens) {
            int count = 0;
            if (frameMask[i]) {
                for (int j : tokens) {
                    if (!interface_ || asym[i] != asym[j]) {
                        count++;
                    }
                }
            }
            double normed = 1.0 / (1e-8 + count);
            double sum = 0;
            if (count > 0) {
                any = true;
                for (int j : tokens) {
                    if (!interface_ || asym[i] != asym[j]) {
                        sum += tmAdjusted[i][j] * normed;
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return any ? best : Double.NaN;
    }

    /**
     * {@code [C][C]}: off the diagonal, ipTM of chains i and j alone; on it, pTM of chain i alone; from the
     * interface-d0 TM-adjusted PAE.
     */
    public static double[][] chainPairIptm(float[][] tmAdjustedInterface, int[] tokenChain, boolean[] frameMask,
                                           int numChains) {
        var out = new double[numChains][numChains];
        for (int a = 0; a < numChains; a++) {
            for (int b = a; b < numChains; b++) {
                var tokens = new ArrayList<Integer>();
                for (int t = 0; t < tokenChain.length; t++) {
                    if (tokenChain[t] == a || tokenChain[t] == b) {
                        tokens.add(t);
                    }
                }
                int[] subset = tokens.stream().mapToInt(Integer::intValue).toArray();
                double score = predictedTmScore(tmAdjustedInterface, subset, frameMask, tokenChain, a != b);
                out[a][b] = score;
                out[b][a] = score;
            }
        }
        return out;
    }

    /**
     * Per chain, the mean of its off-diagonal chain-pair ipTMs (NaNs skipped), taken over rows and over columns and
     * averaged as AF3's {@code get_iptm_xchain} does; NaN when a chain has no defined partner.
     */
    public static double[] chainIptm(double[][] chainPairIptm) {
        int n = chainPairIptm.length;
        var out = new double[n];
        for (int c = 0; c < n; c++) {
            double overRows = weightedNanMean(chainPairIptm, c, true);
            double overColumns = weightedNanMean(chainPairIptm, c, false);
            out[c] = nanMean(overRows, overColumns);
        }
        return out;
    }

    // numpy: nanmean(value * mask) / nanmean(mask), NaN positions of value removed from both.
    private static double weightedNanMean(double[][] m, int fixed, boolean alongRows) {
        int n = m.length;
        double valueSum = 0;
        double maskSum = 0;
        int count = 0;
        for (int k = 0; k < n; k++) {
            double v = alongRows ? m[k][fixed] : m[fixed][k];
            if (Double.isNaN(v)) {
                continue;
            }
            double w = k == fixed ? 0.0 : 1.0;
            valueSum += v * w;
            maskSum += w;
            count++;
        }
        if (count == 0) {
            return Double.NaN;
        }
        return (valueSum / count) / (maskSum / count);
    }

    private static double nanMean(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return (a + b) / 2;
    }

    /**
     * {@code [C][C]}: the smallest PAE with the row token in chain i (only tokens with a valid frame) and the column
     * token in chain j; NaN when chain i has no valid frame.
     */
    public static double[][] chainPairPaeMin(float[][] pae, int[] tokenChain, boolean[] frameMask, int numChains) {
        var out = new double[numChains][numChains];
        var defined = new boolean[numChains][numChains];
        for (int i = 0; i < tokenChain.length; i++) {
            if (!frameMask[i]) {
                continue;
            }
            int a = tokenChain[i];
            for (int j = 0; j < tokenChain.length; j++) {
                int b = tokenChain[j];
                double v = pae[i][j];
                if (!defined[a][b]) {
                    out[a][b] = v;
                    defined[a][b] = true;
                } else if (Double.isNaN(v) || v < out[a][b]) {
                    out[a][b] = Double.isNaN(out[a][b]) ? out[a][b] : v;
                }
            }
        }
        for (int a = 0; a < numChains; a++) {
            for (int b = 0; b < numChains; b++) {
                if (!defined[a][b]) {
                    out[a][b] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** 0.8 ipTM + 0.2 pTM (pTM alone when ipTM is NaN) + 0.5 fraction disordered - 100 if clashing. */
    public static double rankingScore(double ptm, double iptm, double fractionDisordered, boolean hasClash) {
        double average = Double.isNaN(iptm) ? ptm : IPTM_WEIGHT * iptm + (1.0 - IPTM_WEIGHT) * ptm;
        return average + FRACTION_DISORDERED_WEIGHT * fractionDisordered - CLASH_PENALTY * (hasClash ? 1 : 0);
    }

    /** Index of the first sample with the strictly greatest ranking score (AF3's top-ranked model). */
    public static int topRanked(List<Double> rankingScores) {
        int best = -1;
        for (int i = 0; i < rankingScores.size(); i++) {
            double score = rankingScores.get(i);
            if (best < 0 || score > rankingScores.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
