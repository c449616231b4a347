package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AF3's {@code fraction_disordered}: relative ASA of every protein residue (each chain on its own), averaged over
 * a 25-residue window with reflected ends, then the fraction above 0.581 (AlphaFold-RSA). Chains with a sequence
 * already seen reuse that chain's values, as AF3 does. 0 when there is no protein residue.
 */
public final class Disorder {

    static final int WINDOW = 25;
    static final double CUTOFF = 0.581;

    private Disorder() {
    }

    public static double fractionDisordered(StructureLayout layout, float[][] positions) {
        List<Double> windowed = new ArrayList<>();
        Map<String, double[]> bySequence = new HashMap<>();
        for (int c = 0; c < layout.chains().size(); c++) {
            var chain = layout.chains().get(c);
            if (chain.type() != ChainKind.PROTEIN) {
                continue;
            }
            var sequence = new StringBuilder();
            for (var r : chain.residues()) {
                sequence.append(org.foldbatch.constants.ResidueNames.oneLetter(r.name(), "polypeptide(L)"));
            }
            double[] values = bySequence.get(sequence.toString());
            if (values == null) {
                double[] rasa = RelativeAsa.ofChain(layout, c, positions);
                if (rasa.length == 0) {
                    continue;
                }
                values = windowMean(rasa, WINDOW);
                bySequence.put(sequence.toString(), values);
            }
            for (double v : values) {
                windowed.add(v);
            }
        }
        if (windowed.isEmpty()) {
            return 0.0;
        }
        long disordered = windowed.stream().filter(v -> v > CUTOFF).count();
        return (double) disordered / windowed.size();
    }

    /** numpy: convolve(pad(x, (w-1)/2, 'reflect'), ones(w), 'valid') / w. */
    static double[] windowMean(double[] x, int window) {
        int half = (window - 1) / 2;
        int n = x.length;
        var out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = i - half; k <= i + half; k++) {
                sum += x[reflect(k, n)];
            }
            out[i] = sum / window;
        }
        return out;
    }

    static int reflect(int index, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(index, period);
        return m < n ? m : period - m;
    }
}
