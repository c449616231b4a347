package org.foldbatch.input;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;

/**
 * SMILES validity at load time, standing in for AlphaFold 3's RDKit {@code MolFromSmiles} check: a strict syntax check,
 * then OpenChemLib's parser (element labels, aromaticity) and a valence check.
 */
final class Smiles {

    private Smiles() {
    }

    /** Returns null when the SMILES is usable, else the problem. */
    static String problem(String smiles) {
        String syntax = SmilesSyntax.problem(smiles);
        if (syntax != null) {
            return syntax;
        }
        StereoMolecule molecule = new StereoMolecule();
        try {
            new SmilesParser(SmilesParser.SMARTS_MODE_IS_SMILES).parse(molecule, smiles);
        } catch (Exception e) {
            return String.valueOf(e.getMessage()).replaceFirst("^SmilesParser: ", "");
        }
        molecule.ensureHelperArrays(Molecule.cHelperNeighbours);
        for (int atom = 0; atom < molecule.getAtoms(); atom++) {
            if (molecule.getOccupiedValence(atom) > molecule.getMaxValence(atom)) {
                return "valence of atom " + (atom + 1) + " (" + molecule.getAtomLabel(atom) + ") exceeded: "
                        + molecule.getOccupiedValence(atom) + " > " + molecule.getMaxValence(atom);
            }
        }
        return null;
    }
}
