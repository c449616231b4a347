package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything about a predicted structure except the numbers the network produces: chains in AF3's order (asym_id
 * 1..C), their residues, the tokens (chain index, residue id, whether the token has a valid frame) and the flat
 * output atoms (AF3's {@code flat_output_layout}: every residue's heavy atoms in CCD order, chain by chain).
 *
 * @param name          the sanitised job name; becomes the mmCIF data block name
 * @param chains        chains in order; chain index = asym_id - 1
 * @param tokenChain    per token, index into {@code chains}
 * @param tokenResidueId per token, the residue id (1-based) within its chain; ligand atom tokens carry their residue
 * @param tokenFrameMask per token, AF3's {@code frames.mask}: false when the token has no valid frame (ions, colinear)
 * @param atoms         the output atoms in file order; they must be grouped by chain in chain order, then by residue
 * @param bonds         covalent bonds written to {@code _struct_conn} (AF3 writes ligand-ligand and polymer-ligand
 *                      bonds from bondedAtomPairs; not the polymer backbone)
 * @param chemComps     {@code _chem_comp} rows by component id; residue names without a row get a minimal one
 */
public record StructureLayout(String name, List<Chain> chains, int[] tokenChain, int[] tokenResidueId,
                              boolean[] tokenFrameMask, List<Atom> atoms, List<Bond> bonds,
                              List<ChemComp> chemComps) {

    public record Chain(String id, ChainKind type, List<Residue> residues) {
        public Chain {
            residues = List.copyOf(residues);
        }
    }

    /** @param id 1-based residue index in its chain (AF3's res_id; label_seq_id for polymers) */
    public record Residue(int id, String name) {
    }

    /** @param chain index into {@link StructureLayout#chains()} */
    public record Atom(int chain, int residueId, String name, String element) {
    }

    /** A covalent bond between two output atoms (indices into {@link StructureLayout#atoms()}). */
    public record Bond(int atom1, int atom2) {
    }

    /** One {@code _chem_comp} row; use {@code ?} for unknown values. */
    public record ChemComp(String id, String type, String name, String formula, String formulaWeight,
                           String monNstdFlag, String smiles, String synonyms) {

        public static ChemComp minimal(String id, String type) {
            boolean standard = org.foldbatch.constants.ResidueNames.isStandardPolymerResidue(id);
            return new ChemComp(id, type, "?", "?", "?", standard ? "y" : ".", "?", "?");
        }
    }

    public StructureLayout {
        chains = List.copyOf(chains);
        atoms = List.copyOf(atoms);
        bonds = List.copyOf(bonds);
        chemComps = List.copyOf(chemComps);
        validate(name, chains, tokenChain, tokenResidueId, tokenFrameMask, atoms, bonds);
    }

    public int numTokens() {
        return tokenChain.length;
    }

    public int numAtoms() {
        return atoms.size();
    }

    public List<String> tokenChainIds() {
        var out = new ArrayList<String>(tokenChain.length);
        for (int c : tokenChain) {
            out.add(chains.get(c).id());
        }
        return out;
    }

    public List<String> atomChainIds() {
        return atoms.stream().map(a -> chains.get(a.chain()).id()).toList();
    }

    public String residueName(int chain, int residueId) {
        return chains.get(chain).residues().get(residueIndex(chains.get(chain), residueId)).name();
    }

    private static int residueIndex(Chain chain, int residueId) {
        var residues = chain.residues();
        int guess = residueId - 1;
        if (guess >= 0 && guess < residues.size() && residues.get(guess).id() == residueId) {
            return guess;
        }
        for (int i = 0; i < residues.size(); i++) {
            if (residues.get(i).id() == residueId) {
                return i;
            }
        }
        return -1;
    }

    private static void validate(String name, List<Chain> chains, int[] tokenChain, int[] tokenResidueId,
                                 boolean[] tokenFrameMask, List<Atom> atoms, List<Bond> bonds) {
        String where = "StructureLayout " + name + ": ";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("StructureLayout: name: must not be empty");
        }
        if (chains.isEmpty()) {
            throw new IllegalArgumentException(where + "chains: must not be empty");
        }
        var ids = new HashSet<String>();
        for (int c = 0; c < chains.size(); c++) {
            var chain = chains.get(c);
            if (!ids.add(chain.id())) {
                throw new IllegalArgumentException(where + "chains[" + c + "].id: duplicate chain id " + chain.id());
            }
            if (chain.residues().isEmpty()) {
                throw new IllegalArgumentException(where + "chains[" + c + "].residues: chain " + chain.id()
                        + " has no residues");
            }
            var seen = new HashSet<Integer>();
            for (var r : chain.residues()) {
                if (r.id() < 1 || !seen.add(r.id())) {
                    throw new IllegalArgumentException(where + "chains[" + c + "].residues: residue id " + r.id()
                            + " is not positive or repeats in chain " + chain.id());
                }
            }
        }
        int t = tokenChain.length;
        if (t == 0) {
            throw new IllegalArgumentException(where + "tokenChain: no tokens");
        }
        if (tokenResidueId.length != t || tokenFrameMask.length != t) {
            throw new IllegalArgumentException(where + "tokenResidueId/tokenFrameMask: lengths " + tokenResidueId.length
                    + "/" + tokenFrameMask.length + " differ from " + t + " tokens");
        }
        for (int i = 0; i < t; i++) {
            if (tokenChain[i] < 0 || tokenChain[i] >= chains.size()) {
                throw new IllegalArgumentException(where + "tokenChain[" + i + "]: " + tokenChain[i]
                        + " is not a chain index");
            }
            if (i > 0 && tokenChain[i] < tokenChain[i - 1]) {
                throw new IllegalArgumentException(where + "tokenChain[" + i + "]: tokens must follow chain order");
            }
        }
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException(where + "atoms: no atoms");
        }
        Map<Integer, Integer> lastResidue = new HashMap<>();
        int lastChain = 0;
        for (int a = 0; a < atoms.size(); a++) {
            var atom = atoms.get(a);
            if (atom.chain() < 0 || atom.chain() >= chains.size()) {
                throw new IllegalArgumentException(where + "atoms[" + a + "].chain: " + atom.chain()
                        + " is not a chain index");
            }
            if (atom.chain() < lastChain) {
                throw new IllegalArgumentException(where + "atoms[" + a + "].chain: atoms must follow chain order");
            }
            lastChain = atom.chain();
            var chain = chains.get(atom.chain());
            int index = residueIndex(chain, atom.residueId());
            if (index < 0) {
                throw new IllegalArgumentException(where + "atoms[" + a + "].residueId: " + atom.residueId()
                        + " is not a residue of chain " + chain.id());
            }
            Integer previous = lastResidue.put(atom.chain(), index);
            if (previous != null && index < previous) {
                throw new IllegalArgumentException(where + "atoms[" + a + "].residueId: atoms must follow residue order");
            }
            if (atom.name() == null || atom.name().isEmpty() || atom.element() == null || atom.element().isEmpty()) {
                throw new IllegalArgumentException(where + "atoms[" + a + "]: atom name and element are required");
            }
        }
        for (int b = 0; b < bonds.size(); b++) {
            var bond = bonds.get(b);
            if (bond.atom1() < 0 || bond.atom1() >= atoms.size() || bond.atom2() < 0 || bond.atom2() >= atoms.size()) {
                throw new IllegalArgumentException(where + "bonds[" + b + "]: atom index out of range 0.."
                        + (atoms.size() - 1));
            }
        }
    }
}
