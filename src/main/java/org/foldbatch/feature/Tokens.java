package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;

/**
 * AlphaFold 3's tokenisation: one token per standard protein or nucleic residue (its representative atom CA or C1',
 * else the first atom; its atoms in up to 24 slots in CCD order, absent heavy atoms left as empty slots) and one token
 * per heavy atom for ligands and for non-standard polymer residues. {@code standardTokenIndex} maps each token to
 * the MSA/template column it takes its values from.
 */
final class Tokens {

    static final int ATOMS_PER_TOKEN = 24;

    static final Set<String> STANDARD_PROTEIN = Set.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS",
            "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL", "UNK");
    static final Set<String> STANDARD_NUCLEIC = Set.of("A", "G", "C", "U", "DA", "DG", "DC", "DT", "N", "DN");

    final List<Residue> residueOfToken = new ArrayList<>();
    final List<String> atomOfToken = new ArrayList<>();
    final List<String> elementOfToken = new ArrayList<>();
    final List<String[]> slotNames = new ArrayList<>();
    final List<String[]> slotElements = new ArrayList<>();
    final List<Integer> standardTokenIndex = new ArrayList<>();

    private Tokens() {
    }

    static Tokens of(Assembly assembly) {
        Tokens tokens = new Tokens();
        int standardIndex = 0;
        for (BuiltChain chain : assembly.chains()) {
            for (Residue residue : chain.residues()) {
                if (isSingleToken(residue)) {
                    tokens.addResidueToken(residue, standardIndex);
                    standardIndex++;
                } else {
                    for (int a = 0; a < residue.atomNames().size(); a++) {
                        tokens.addAtomToken(residue, a, standardIndex);
                        if (chain.type().isLigand()) {
                            standardIndex++;
                        }
                    }
                    if (!chain.type().isLigand()) {
                        standardIndex++;
                    }
                }
            }
        }
        return tokens;
    }

    static boolean isSingleToken(Residue residue) {
        return switch (residue.chainType()) {
            case PROTEIN -> STANDARD_PROTEIN.contains(residue.name()) || residue.name().equals("MSE");
            case RNA, DNA -> STANDARD_NUCLEIC.contains(residue.name());
            default -> false;
        };
    }

    /** True for residues whose reference conformer adds its CCD bond graph to the ligand–ligand bonds. */
    static boolean isStandardResidueName(String name) {
        return STANDARD_PROTEIN.contains(name) || STANDARD_NUCLEIC.contains(name);
    }

    int count() {
        return residueOfToken.size();
    }

    private void addResidueToken(Residue residue, int standardIndex) {
        String representative = residue.chainType() == ChainType.PROTEIN ? "CA" : "C1'";
        int rep = residue.atomNames().indexOf(representative);
        if (rep < 0) {
            rep = 0;
        }
        Set<String> present = new HashSet<>(residue.atomNames());
        List<String> names = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        for (ChemComp.Atom atom : residue.layoutAtoms()) {
            if (atom.isHydrogen() && !present.contains(atom.name())) {
                continue;
            }
            boolean kept = present.contains(atom.name());
            names.add(kept ? atom.name() : "");
            elements.add(kept ? atom.element() : "");
        }
        String[] slots = new String[ATOMS_PER_TOKEN];
        String[] slotElementsOfToken = new String[ATOMS_PER_TOKEN];
        for (int s = 0; s < ATOMS_PER_TOKEN; s++) {
            slots[s] = s < names.size() ? names.get(s) : "";
            slotElementsOfToken[s] = s < elements.size() ? elements.get(s) : "";
        }
        residueOfToken.add(residue);
        atomOfToken.add(residue.atomNames().isEmpty() ? "" : residue.atomNames().get(rep));
        elementOfToken.add(residue.elements().isEmpty() ? "" : residue.elements().get(rep));
        slotNames.add(slots);
        slotElements.add(slotElementsOfToken);
        standardTokenIndex.add(standardIndex);
    }

    private void addAtomToken(Residue residue, int atom, int standardIndex) {
        String[] slots = new String[ATOMS_PER_TOKEN];
        String[] slotElementsOfToken = new String[ATOMS_PER_TOKEN];
        java.util.Arrays.fill(slots, "");
        java.util.Arrays.fill(slotElementsOfToken, "");
        slots[0] = residue.atomNames().get(atom);
        slotElementsOfToken[0] = residue.elements().get(atom);
        residueOfToken.add(residue);
        atomOfToken.add(slots[0]);
        elementOfToken.add(slotElementsOfToken[0]);
        slotNames.add(slots);
        slotElements.add(slotElementsOfToken);
        standardTokenIndex.add(standardIndex);
    }
}
