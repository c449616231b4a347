package org.foldbatch.feature;

import java.util.List;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;

/**
 * One residue of the structure built from the input: its kept heavy atoms (hydrogens and linking leaving atoms
 * dropped), the component it came from (a CCD entry or a SMILES-derived one; reference features and bonds come from
 * it) and the atom list its token layout follows. The two differ only for {@code UNK}, which AlphaFold 3 lays out
 * with glycine's atoms (its {@code get_all_atoms_in_entry}: the CCD's UNK also has CB and CG).
 */
record Residue(String chainId, ChainType chainType, int resId, String name, List<String> atomNames,
               List<String> elements, ChemComp component, List<ChemComp.Atom> layoutAtoms) {

    Residue {
        atomNames = List.copyOf(atomNames);
        elements = List.copyOf(elements);
        layoutAtoms = List.copyOf(layoutAtoms);
    }
}
