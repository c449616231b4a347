package org.foldbatch.output;

/**
 * What the network produced for one diffusion sample, cropped to the real tokens and gathered to the flat output
 * atoms. The network's confidence head already reduces its logits to these expected values.
 *
 * @param seed                   the model seed
 * @param sample                 sample index within the seed, 0-based
 * @param atomPositions          {@code [A][3]} in Å, in {@link StructureLayout#atoms()} order; missing atoms (0,0,0)
 * @param atomPlddt              {@code [A]} pLDDT 0-100
 * @param pae                    {@code [T][T]} expected PAE in Å (row = aligned token's frame)
 * @param tmAdjustedPaeGlobal    {@code [T][T]} TM-adjusted PAE with d0 of all tokens (for pTM and ipTM)
 * @param tmAdjustedPaeInterface {@code [T][T]} TM-adjusted PAE with the per-chain-pair d0 (for chain-pair ipTM)
 * @param contactProbs           {@code [T][T]} distogram contact probabilities (shared by a seed's samples)
 */
public record SampleResult(long seed, int sample, float[][] atomPositions, float[] atomPlddt, float[][] pae,
                           float[][] tmAdjustedPaeGlobal, float[][] tmAdjustedPaeInterface, float[][] contactProbs) {

    /** Throws with a one-line message when an array does not fit the layout. */
    public void checkFits(StructureLayout layout) {
        String where = "SampleResult seed " + seed + " sample " + sample + " for " + layout.name() + ": ";
        int a = layout.numAtoms();
        int t = layout.numTokens();
        if (atomPositions.length != a || atomPlddt.length != a) {
            throw new IllegalArgumentException(where + "atomPositions/atomPlddt: " + atomPositions.length + "/"
                    + atomPlddt.length + " atoms, layout has " + a);
        }
        for (int i = 0; i < a; i++) {
            if (atomPositions[i].length != 3) {
                throw new IllegalArgumentException(where + "atomPositions[" + i + "]: expected 3 coordinates");
            }
        }
        square(where + "pae", pae, t);
        square(where + "tmAdjustedPaeGlobal", tmAdjustedPaeGlobal, t);
        square(where + "tmAdjustedPaeInterface", tmAdjustedPaeInterface, t);
        square(where + "contactProbs", contactProbs, t);
    }

    private static void square(String what, float[][] m, int t) {
        if (m.length != t) {
            throw new IllegalArgumentException(what + ": " + m.length + " rows, layout has " + t + " tokens");
        }
        for (int i = 0; i < t; i++) {
            if (m[i].length != t) {
                throw new IllegalArgumentException(what + "[" + i + "]: " + m[i].length + " columns, expected " + t);
            }
        }
    }
}
