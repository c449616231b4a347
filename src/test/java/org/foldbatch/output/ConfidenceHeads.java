package org.foldbatch.output;

/**
 * A plain-Java reference for tests: turns the confidence and distogram heads' logits into the values AF3 keeps
 * (AlphaFold 3: src/alphafold3/model/confidences.py and network/confidence_head.py; production gets them from the
 * TensorFlow head in {@code model.ConfidenceHead}):
 * pLDDT (50 bins over [0, 1], times 100), expected PAE and TM-score-adjusted PAE (64 bins of 0.5 Å), and contact
 * probabilities (distogram bins whose top is at most 8 Å). Sums run in double and are stored as float32, the
 * precision AF3 keeps them in.
 */
public final class ConfidenceHeads {

    public static final int PLDDT_BINS = 50;
    public static final int PAE_BINS = 64;
    public static final int DISTOGRAM_BINS = 64;
    /** Distogram bins 0..18 have tops 2.3125 + 0.3125 k + ... at most 8 Å. */
    public static final int CONTACT_BINS = 19;

    private ConfidenceHeads() {
    }

    /** Expected pLDDT (0-100) of one atom from its 50 logits. */
    public static float plddt(float[] logits) {
        requireLength(logits, PLDDT_BINS, "pLDDT logits");
        double[] p = softmax(logits);
        double sum = 0;
        for (int k = 0; k < PLDDT_BINS; k++) {
            sum += p[k] * (0.01 + 0.02 * k);
        }
        return (float) (100 * sum);
    }

    /** Centre of PAE bin k in Å. */
    public static double paeBinCentre(int k) {
        return 0.25 + 0.5 * k;
    }

    /** TM-score's distance scale for n tokens: 1.24 (max(n, 19) - 15)^(1/3) - 1.8. */
    public static double d0(int numTokens) {
        return 1.24 * Math.cbrt(Math.max(numTokens, 19) - 15) - 1.8;
    }

    /**
     * Expected PAE and TM-adjusted PAE, global and interface, from PAE logits {@code [T][T][64]} (row i = token whose
     * frame aligns). Interface d0 uses the pair's chain sizes: n = |chain(i)| + |chain(j)|, or |chain(i)| within a
     * chain, as AF3's {@code tmscore_adjusted_pae_interface}.
     */
    public static PaeOutputs pae(float[][][] logits, int[] tokenChain) {
        int t = logits.length;
        if (tokenChain.length != t) {
            throw new IllegalArgumentException("PAE logits: " + t + " rows but " + tokenChain.length + " token chains");
        }
        int maxChain = 0;
        for (int c : tokenChain) {
            maxChain = Math.max(maxChain, c);
        }
        int[] chainSize = new int[maxChain + 1];
        for (int c : tokenChain) {
            chainSize[c]++;
        }
        double[] globalWeights = tmWeights(d0(t));
        var pae = new float[t][t];
        var tmGlobal = new float[t][t];
        var tmInterface = new float[t][t];
        var interfaceWeights = new java.util.HashMap<Integer, double[]>();
        for (int i = 0; i < t; i++) {
            if (logits[i].length != t) {
                throw new IllegalArgumentException("PAE logits: row " + i + " has " + logits[i].length + " columns, not " + t);
            }
            for (int j = 0; j < t; j++) {
                requireLength(logits[i][j], PAE_BINS, "PAE logits[" + i + "][" + j + "]");
                double[] p = softmax(logits[i][j]);
                int a = chainSize[tokenChain[i]];
                int b = chainSize[tokenChain[j]];
                int n = tokenChain[i] == tokenChain[j] ? a + b - (a + b) / 2 : a + b;
                double[] w = interfaceWeights.computeIfAbsent(n, m -> tmWeights(d0(m)));
                double expected = 0;
                double global = 0;
                double iface = 0;
                for (int k = 0; k < PAE_BINS; k++) {
                    expected += p[k] * paeBinCentre(k);
                    global += p[k] * globalWeights[k];
                    iface += p[k] * w[k];
                }
                pae[i][j] = (float) expected;
                tmGlobal[i][j] = (float) global;
                tmInterface[i][j] = (float) iface;
            }
        }
        return new PaeOutputs(pae, tmGlobal, tmInterface);
    }

    /** Probability that two tokens are within 8 Å, from their distogram logits (64 bins). */
    public static float contactProbability(float[] distogramLogits) {
        requireLength(distogramLogits, DISTOGRAM_BINS, "distogram logits");
        double[] p = softmax(distogramLogits);
        double sum = 0;
        for (int k = 0; k < CONTACT_BINS; k++) {
            sum += p[k];
        }
        return (float) sum;
    }

    /** Expected PAE, TM-adjusted PAE with the global d0 and with the per-pair interface d0, each {@code [T][T]}. */
    public record PaeOutputs(float[][] pae, float[][] tmAdjustedGlobal, float[][] tmAdjustedInterface) {
    }

    private static double[] tmWeights(double d0) {
        var w = new double[PAE_BINS];
        for (int k = 0; k < PAE_BINS; k++) {
            double c = paeBinCentre(k);
            w[k] = 1 / (1 + c * c / (d0 * d0));
        }
        return w;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        var out = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            out[k] = Math.exp(logits[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < logits.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private static void requireLength(float[] values, int expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " bins, got " + values.length);
        }
    }

    /**
     * A sample from the heads' raw outputs: per-atom pLDDT logits {@code [A][50]} (already gathered to the output
     * atoms), PAE logits {@code [T][T][64]} and contact probabilities {@code [T][T]}.
     */
    static SampleResult sampleFromLogits(StructureLayout layout, long seed, int sample, float[][] atomPositions,
            float[][] plddtLogits, float[][][] paeLogits, float[][] contactProbs) {
        float[] plddt = new float[plddtLogits.length];
        for (int a = 0; a < plddt.length; a++) {
            plddt[a] = plddt(plddtLogits[a]);
        }
        var pae = pae(paeLogits, layout.tokenChain());
        var result = new SampleResult(seed, sample, atomPositions, plddt, pae.pae(), pae.tmAdjustedGlobal(),
                pae.tmAdjustedInterface(), contactProbs);
        result.checkFits(layout);
        return result;
    }
}
