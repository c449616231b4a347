package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;

/**
 * Atom-layout features: the dense token-atom mask, the representative slot, the atom cross-attention gathers
 * (32-atom query blocks, 128-atom key windows), the pseudo-beta gather and the bond gathers.
 */
final class LayoutFeatures {

    static final int QUERIES = 32;
    static final int KEYS = 128;

    private final Tokens tokens;
    private final int n;
    private final int numAtoms;
    private final AtomLayout allTokens;
    private final AtomLayout tokenAtoms;
    private final AtomLayout paddedTokenAtoms;

    LayoutFeatures(Tokens tokens, int n) {
        this.tokens = tokens;
        this.n = n;
        this.numAtoms = atomCount(n);
        int t = tokens.count();
        allTokens = AtomLayout.padded(t, t);
        for (int i = 0; i < t; i++) {
            Residue residue = tokens.residueOfToken.get(i);
            allTokens.set(i, residue.chainId(), residue.resId(), tokens.atomOfToken.get(i));
        }
        tokenAtoms = tokenAtomLayout(t);
        paddedTokenAtoms = tokenAtomLayout(n);
    }

    /** AlphaFold 3's flat atom padding: 24 atoms per token, rounded up to whole 32-atom query blocks. */
    static int atomCount(int paddedTokens) {
        return (int) Math.ceil(paddedTokens * (double) Tokens.ATOMS_PER_TOKEN / QUERIES) * QUERIES;
    }

    private AtomLayout tokenAtomLayout(int rows) {
        AtomLayout layout = AtomLayout.padded(rows * Tokens.ATOMS_PER_TOKEN, rows, Tokens.ATOMS_PER_TOKEN);
        for (int i = 0; i < tokens.count(); i++) {
            Residue residue = tokens.residueOfToken.get(i);
            String[] slots = tokens.slotNames.get(i);
            for (int s = 0; s < Tokens.ATOMS_PER_TOKEN; s++) {
                layout.set(i * Tokens.ATOMS_PER_TOKEN + s, residue.chainId(), residue.resId(), slots[s]);
            }
        }
        return layout;
    }

    AtomLayout allTokens() {
        return allTokens;
    }

    List<Feature> predictedStructureInfo() {
        boolean[] mask = new boolean[n * Tokens.ATOMS_PER_TOKEN];
        int[] centre = new int[n];
        for (int i = 0; i < tokens.count(); i++) {
            String[] slots = tokens.slotNames.get(i);
            for (int s = 0; s < Tokens.ATOMS_PER_TOKEN; s++) {
                mask[i * Tokens.ATOMS_PER_TOKEN + s] = !slots[s].isEmpty();
            }
            int index = List.of(slots).indexOf(tokens.atomOfToken.get(i));
            centre[i] = Math.max(index, 0);
        }
        return List.of(Feature.ofBools("pred_dense_atom_mask", mask, n, Tokens.ATOMS_PER_TOKEN),
                Feature.ofInts("residue_center_index", centre, n));
    }

    List<Feature> atomCrossAttention() {
        List<Integer> flat = new ArrayList<>();
        for (int i = 0; i < paddedTokenAtoms.size(); i++) {
            if (!paddedTokenAtoms.atom[i].isEmpty()) {
                flat.add(i);
            }
        }
        int realAtoms = flat.size();
        int blocks = numAtoms / QUERIES;
        AtomLayout queries = AtomLayout.padded(numAtoms, blocks, QUERIES);
        for (int q = 0; q < realAtoms; q++) {
            int src = flat.get(q);
            queries.set(q, paddedTokenAtoms.chain[src], paddedTokenAtoms.resId[src], paddedTokenAtoms.atom[src]);
        }
        AtomLayout keys = AtomLayout.padded(blocks * KEYS, blocks, KEYS);
        for (int b = 0; b < blocks; b++) {
            int start = QUERIES / 2 + b * QUERIES - KEYS / 2;
            if (start < 0) {
                start = 0;
            } else if (start + KEYS - 1 > realAtoms - 1) {
                start -= start + KEYS - 1 - (realAtoms - 1);
            }
            for (int k = 0; k < KEYS; k++) {
                int index = Math.floorMod(start + k, numAtoms);
                keys.set(b * KEYS + k, queries.chain[index], queries.resId[index], queries.atom[index]);
            }
        }
        AtomLayout.Gather atomsToQueries = AtomLayout.gather(paddedTokenAtoms, queries);
        AtomLayout.Gather atomsToKeys = AtomLayout.gather(paddedTokenAtoms, keys);
        List<Feature> features = new ArrayList<>();
        features.addAll(atomsToQueries.features("token_atoms_to_queries"));
        features.addAll(tokensGather(atomsToQueries).features("tokens_to_queries"));
        features.addAll(tokensGather(atomsToKeys).features("tokens_to_keys"));
        features.addAll(AtomLayout.gather(queries, keys).features("queries_to_keys"));
        features.addAll(AtomLayout.gather(queries, paddedTokenAtoms).features("queries_to_token_atoms"));
        return features;
    }

    private AtomLayout.Gather tokensGather(AtomLayout.Gather fromTokenAtoms) {
        long[] indices = new long[fromTokenAtoms.indices().length];
        boolean[] mask = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int source = (int) fromTokenAtoms.indices()[i];
            boolean keep = fromTokenAtoms.mask()[i];
            indices[i] = keep ? source / Tokens.ATOMS_PER_TOKEN : 0;
            mask[i] = keep && !paddedTokenAtoms.atom[source].isEmpty();
        }
        return new AtomLayout.Gather(indices, mask, fromTokenAtoms.shape(), new long[]{n});
    }

    List<Feature> pseudoBeta() {
        AtomLayout target = AtomLayout.padded(n, n);
        for (int i = 0; i < tokens.count(); i++) {
            Residue residue = tokens.residueOfToken.get(i);
            List<String> slots = List.of(tokens.slotNames.get(i));
            int slot = -1;
            if (residue.chainType() == ChainType.PROTEIN) {
                slot = slots.contains("CB") ? slots.indexOf("CB") : slots.indexOf("CA");
            } else if (residue.chainType().isNucleic()) {
                String name = residue.component().parentId() != null ? residue.component().parentId()
                        : residue.name();
                slot = Set.of("A", "G", "DA", "DG").contains(name) ? slots.indexOf("C4") : slots.indexOf("C2");
            } else {
                slot = 0;
            }
            if (slot < 0) {
                slot = 0;
                for (int s = 0; s < slots.size(); s++) {
                    if (!slots.get(s).isEmpty()) {
                        slot = s;
                        break;
                    }
                }
            }
            int source = i * Tokens.ATOMS_PER_TOKEN + slot;
            target.set(i, tokenAtoms.chain[source], tokenAtoms.resId[source], tokenAtoms.atom[source]);
        }
        return AtomLayout.gather(tokenAtoms, target).features("token_atoms_to_pseudo_beta");
    }

    List<Feature> polymerLigandBonds(List<BondEnd[]> bonds) {
        List<Feature> features = new ArrayList<>();
        AtomLayout adjusted = AtomLayout.padded(n * 2, n, 2);
        int kept = 0;
        for (BondEnd[] bond : bonds) {
            String[] names = new String[2];
            for (int e = 0; e < 2; e++) {
                names[e] = bond[e].chainType() == ChainType.PROTEIN ? "CA"
                        : bond[e].chainType().isNucleic() ? "C1'" : bond[e].atomName();
            }
            AtomLayout one = new AtomLayout(new String[]{bond[0].chainId(), bond[1].chainId()},
                    new int[]{bond[0].resId(), bond[1].resId()}, names, 1, 2);
            boolean[] found = AtomLayout.gather(allTokens, one).mask();
            if (found[0] && found[1] && kept < n) {
                for (int e = 0; e < 2; e++) {
                    adjusted.set(kept * 2 + e, bond[e].chainId(), bond[e].resId(), names[e]);
                }
                kept++;
            }
        }
        features.addAll(AtomLayout.gather(allTokens, adjusted).features("tokens_to_polymer_ligand_bonds"));
        if (bonds.isEmpty()) {
            features.addAll(new AtomLayout.Gather(new long[n * 2], new boolean[n * 2], new int[]{n, 2},
                    new long[]{n, Tokens.ATOMS_PER_TOKEN}).features("token_atoms_to_polymer_ligand_bonds"));
        } else {
            AtomLayout original = AtomLayout.padded(n * 2, n, 2);
            for (int b = 0; b < Math.min(bonds.size(), n); b++) {
                for (int e = 0; e < 2; e++) {
                    BondEnd end = bonds.get(b)[e];
                    original.set(b * 2 + e, end.chainId(), end.resId(), end.atomName());
                }
            }
            features.addAll(AtomLayout.gather(tokenAtoms, original).features("token_atoms_to_polymer_ligand_bonds"));
        }
        return features;
    }

    /**
     * Ligand–ligand bonds: the input's, then the CCD bond graph of every non-standard residue; bonds to atoms
     * that are not tokens and bonds to atoms named H* are dropped; padded to 10·N.
     */
    List<Feature> ligandLigandBonds(List<BondEnd[]> inputBonds) {
        List<String[]> ends = new ArrayList<>();
        List<int[]> residues = new ArrayList<>();
        for (BondEnd[] bond : inputBonds) {
            ends.add(new String[]{bond[0].chainId(), bond[0].atomName(), bond[1].chainId(), bond[1].atomName()});
            residues.add(new int[]{bond[0].resId(), bond[1].resId()});
        }
        Set<Residue> seen = new HashSet<>();
        for (Residue residue : new LinkedHashSet<>(tokens.residueOfToken)) {
            if (!seen.add(residue) || Tokens.isStandardResidueName(residue.name())) {
                continue;
            }
            for (ChemComp.Bond bond : residue.component().bonds()) {
                ends.add(new String[]{residue.chainId(), bond.atom1(), residue.chainId(), bond.atom2()});
                residues.add(new int[]{residue.resId(), residue.resId()});
            }
        }
        Set<String> tokenAtoms = new HashSet<>();
        for (int i = 0; i < allTokens.size(); i++) {
            tokenAtoms.add(allTokens.chain[i] + "\u0000" + allTokens.resId[i] + "\u0000" + allTokens.atom[i]);
        }
        AtomLayout layout = AtomLayout.padded(n * 10 * 2, n * 10, 2);
        int kept = 0;
        for (int b = 0; b < ends.size(); b++) {
            String[] e = ends.get(b);
            int[] r = residues.get(b);
            boolean exists = tokenAtoms.contains(e[0] + "\u0000" + r[0] + "\u0000" + e[1])
                    && tokenAtoms.contains(e[2] + "\u0000" + r[1] + "\u0000" + e[3]);
            if (!exists || e[1].startsWith("H") || e[3].startsWith("H")) {
                continue;
            }
            if (kept == n * 10) {
                throw new FeaturisationException("more than " + n * 10 + " ligand bonds for " + n + " tokens");
            }
            layout.set(kept * 2, e[0], r[0], e[1]);
            layout.set(kept * 2 + 1, e[2], r[1], e[3]);
            kept++;
        }
        return AtomLayout.gather(allTokens, layout).features("tokens_to_ligand_ligand_bonds");
    }
}
