package org.foldbatch.feature;

import java.util.List;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;

/**
 * One residue of the structure built from the input: its kept heavy atoms in CCD order (hydrogens and linking
 * leaving atoms dropped) and the component it came from (a CCD entry or a SMILES-derived one).
 */
record Residue(String chainId, ChainType chainType, int resId, String name, List<String> atomNames,
               List<String> elements, ChemComp component) {

    Residue {
        atomNames = List.copyOf(atomNames);
        elements = List.copyOf(elements);
    }
}
