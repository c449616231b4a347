package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.feature.BuiltStructure;

/**
 * AlphaFold 3's conversion of the network's outputs to the output files' shapes ({@code get_predicted_structure} in
 * src/alphafold3/model/model.py): per-atom arrays go from the dense token-atom layout ({@code [N][24]}, N ≥ T padded
 * tokens) to the flat output atoms of {@link StructureLayout#atoms()}, and token-pair arrays are cropped to the T real
 * tokens.
 *
 * <p>Each flat atom takes the dense slot with the same (chain, residue id, atom name), the last such slot when
 * several match, as AlphaFold 3's {@code compute_gather_idxs} does. An atom no slot carries (a residue with more
 * than 24 heavy atoms) gets zeros, as AlphaFold 3 sets its coordinates and B-factor to 0; {@link #missingAtoms()}
 * lists them so the caller can warn. (Gathered logits of such an atom are zeros too, so a pLDDT made from them is the
 * uniform distribution's 50 where AlphaFold 3, which gathers pLDDT values, writes 0.)
 */
public final class DenseToFlat {

    private static final int SLOTS = BuiltStructure.ATOMS_PER_TOKEN;

    private final int numTokens;
    private final int[] denseIndex;

    private DenseToFlat(int numTokens, int[] denseIndex) {
        this.numTokens = numTokens;
        this.denseIndex = denseIndex;
    }

    /** The mapping for a built structure: its flat atoms are its residues' atoms in chain and residue order. */
    public static DenseToFlat of(BuiltStructure structure) {
        var chainIds = structure.chains().stream().map(BuiltStructure.Chain::id).toList();
        List<Uid> flat = new ArrayList<>();
        for (var chain : structure.chains()) {
            for (var residue : chain.residues()) {
                for (String atom : residue.atomNames()) {
                    flat.add(new Uid(chain.id(), residue.id(), atom));
                }
            }
        }
        var tokens = structure.tokens();
        List<Uid[]> slots = new ArrayList<>(tokens.size());
        for (var token : tokens) {
            slots.add(slotUids(chainIds.get(token.chain()), token.residueId(), token.slots()));
        }
        return new DenseToFlat(tokens.size(), gather(slots, flat));
    }

    /**
     * The mapping for a layout whose tokens carry the given atom names in their dense slots (one list per token, at
     * most 24 names, slot k holding the k-th; empty names for unused slots), as the featuriser lays them out.
     */
    public static DenseToFlat of(StructureLayout layout, List<List<String>> tokenSlots) {
        if (tokenSlots.size() != layout.numTokens()) {
            throw new IllegalArgumentException("DenseToFlat for " + layout.name() + ": " + tokenSlots.size()
                    + " token slot lists for " + layout.numTokens() + " tokens");
        }
        List<Uid[]> slots = new ArrayList<>(tokenSlots.size());
        for (int t = 0; t < tokenSlots.size(); t++) {
            if (tokenSlots.get(t).size() > SLOTS) {
                throw new IllegalArgumentException("DenseToFlat for " + layout.name() + ": token " + t + " has "
                        + tokenSlots.get(t).size() + " atoms, more than " + SLOTS + " slots");
            }
            slots.add(slotUids(layout.chains().get(layout.tokenChain()[t]).id(), layout.tokenResidueId()[t],
                    tokenSlots.get(t)));
        }
        List<Uid> flat = new ArrayList<>(layout.numAtoms());
        for (var atom : layout.atoms()) {
            flat.add(new Uid(layout.chains().get(atom.chain()).id(), atom.residueId(), atom.name()));
        }
        return new DenseToFlat(tokenSlots.size(), gather(slots, flat));
    }

    private record Uid(String chain, int residue, String atom) {
    }

    private static Uid[] slotUids(String chain, int residueId, List<String> names) {
        var out = new Uid[names.size()];
        for (int s = 0; s < names.size(); s++) {
            out[s] = names.get(s).isEmpty() ? null : new Uid(chain, residueId, names.get(s));
        }
        return out;
    }

    // Later slots win, as AlphaFold 3's compute_gather_idxs keeps the last match.
    private static int[] gather(List<Uid[]> tokenSlots, List<Uid> flat) {
        Map<Uid, Integer> slotOf = new HashMap<>();
        for (int t = 0; t < tokenSlots.size(); t++) {
            Uid[] slots = tokenSlots.get(t);
            for (int s = 0; s < slots.length; s++) {
                if (slots[s] != null) {
                    slotOf.put(slots[s], t * SLOTS + s);
                }
            }
        }
        int[] out = new int[flat.size()];
        for (int a = 0; a < out.length; a++) {
            out[a] = slotOf.getOrDefault(flat.get(a), -1);
        }
        return out;
    }

    /** T, the real token count; inputs may be padded to any N ≥ T. */
    public int numTokens() {
        return numTokens;
    }

    /** A, the number of flat output atoms. */
    public int numAtoms() {
        return denseIndex.length;
    }

    /** The dense position {@code token * 24 + slot} the flat atom is read from, or -1 when no slot carries it. */
    public int denseIndex(int atom) {
        return denseIndex[atom];
    }

    /** Flat indices of the atoms no dense slot carries; their values come out as zeros. */
    public List<Integer> missingAtoms() {
        List<Integer> missing = new ArrayList<>();
        for (int a = 0; a < denseIndex.length; a++) {
            if (denseIndex[a] < 0) {
                missing.add(a);
            }
        }
        return missing;
    }

    /** {@code [N][24][C]} → {@code [A][C]}: positions (C = 3), pLDDT logits (C = 50), ... */
    public float[][] perAtom(float[][][] dense) {
        checkTokens("dense per-atom array", dense.length);
        float[][] out = new float[denseIndex.length][];
        int channels = -1;
        for (int a = 0; a < denseIndex.length; a++) {
            int index = denseIndex[a];
            if (index < 0) {
                continue;
            }
            float[][] token = dense[index / SLOTS];
            if (token.length != SLOTS) {
                throw new IllegalArgumentException("dense per-atom array: token " + index / SLOTS + " has "
                        + token.length + " atom slots, expected " + SLOTS);
            }
            float[] value = token[index % SLOTS];
            if (channels < 0) {
                channels = value.length;
            } else if (value.length != channels) {
                throw new IllegalArgumentException("dense per-atom array: slot " + index + " has " + value.length
                        + " channels, expected " + channels);
            }
            out[a] = value.clone();
        }
        int width = Math.max(channels, 0);
        for (int a = 0; a < out.length; a++) {
            if (out[a] == null) {
                out[a] = new float[width];
            }
        }
        return out;
    }

    /** Row-major {@code [N * 24 * channels]} (as the network returns it) → {@code [A][channels]}. */
    public float[][] perAtom(float[] dense, int channels) {
        if (channels < 1 || dense.length % (SLOTS * channels) != 0) {
            throw new IllegalArgumentException("dense per-atom array: length " + dense.length
                    + " is not a whole number of tokens of 24 slots x " + channels + " channels");
        }
        checkTokens("dense per-atom array", dense.length / (SLOTS * channels));
        float[][] out = new float[denseIndex.length][channels];
        for (int a = 0; a < denseIndex.length; a++) {
            if (denseIndex[a] >= 0) {
                System.arraycopy(dense, denseIndex[a] * channels, out[a], 0, channels);
            }
        }
        return out;
    }

    /** Row-major {@code [N * 24]} of one value per slot (pLDDT, resolved probability) → {@code [A]}. */
    public float[] perAtom(float[] dense) {
        float[][] column = perAtom(dense, 1);
        float[] out = new float[column.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = column[a][0];
        }
        return out;
    }

    /** {@code [N][N][C]} → {@code [T][T][C]}: PAE logits (C = 64), distogram, ... */
    public float[][][] perTokenPair(float[][][] padded) {
        checkTokens("token-pair array", padded.length);
        float[][][] out = new float[numTokens][numTokens][];
        for (int i = 0; i < numTokens; i++) {
            checkTokens("token-pair array row " + i, padded[i].length);
            for (int j = 0; j < numTokens; j++) {
                out[i][j] = padded[i][j].clone();
            }
        }
        return out;
    }

    /** {@code [N][N]} → {@code [T][T]}: contact probabilities, PAE, TM-adjusted PAE. */
    public float[][] perTokenPair(float[][] padded) {
        checkTokens("token-pair array", padded.length);
        float[][] out = new float[numTokens][];
        for (int i = 0; i < numTokens; i++) {
            checkTokens("token-pair array row " + i, padded[i].length);
            out[i] = java.util.Arrays.copyOf(padded[i], numTokens);
        }
        return out;
    }

    /** Row-major {@code [N * N]} (as the network returns it) → {@code [T][T]}. */
    public float[][] perTokenPair(float[] padded) {
        int n = (int) Math.round(Math.sqrt(padded.length));
        if ((long) n * n != padded.length) {
            throw new IllegalArgumentException("token-pair array: length " + padded.length + " is not N x N");
        }
        checkTokens("token-pair array", n);
        float[][] out = new float[numTokens][numTokens];
        for (int i = 0; i < numTokens; i++) {
            System.arraycopy(padded, i * n, out[i], 0, numTokens);
        }
        return out;
    }

    /**
     * One sample from the network's already-reduced outputs, row-major and padded as the network returns them:
     * positions {@code [N*24*3]}, pLDDT {@code [N*24]} (0-100), PAE and both TM-adjusted PAE {@code [N*N]}, contact
     * probabilities {@code [N*N]}.
     */
    public SampleResult sample(long seed, int sample, float[] atomPositions, float[] plddt, float[] pae,
                               float[] tmAdjustedPaeGlobal, float[] tmAdjustedPaeInterface, float[] contactProbs) {
        return new SampleResult(seed, sample, perAtom(atomPositions, 3), perAtom(plddt), perTokenPair(pae),
                perTokenPair(tmAdjustedPaeGlobal), perTokenPair(tmAdjustedPaeInterface), perTokenPair(contactProbs));
    }

    /** Throws unless the layout's atoms and tokens are the ones this mapping was built for. */
    public void checkFits(StructureLayout layout) {
        if (layout.numAtoms() != numAtoms() || layout.numTokens() != numTokens) {
            throw new IllegalArgumentException("DenseToFlat for " + numTokens + " tokens and " + numAtoms()
                    + " atoms does not fit layout " + layout.name() + " (" + layout.numTokens() + " tokens, "
                    + layout.numAtoms() + " atoms)");
        }
    }

    private void checkTokens(String what, int padded) {
        if (padded < numTokens) {
            throw new IllegalArgumentException(what + ": " + padded + " tokens, fewer than the " + numTokens
                    + " real tokens");
        }
    }
}
