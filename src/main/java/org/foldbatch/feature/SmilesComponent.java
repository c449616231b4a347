package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * A chemical component made from a SMILES ligand: heavy atoms named from the graph ({@code C1, C2, O1, ...} per
 * element in atom order, as AlphaFold 3 names them), formal charges and bonds; there are no ideal coordinates.
 */
final class SmilesComponent {

    private SmilesComponent() {
    }

    static ChemComp of(String componentId, String smiles, String chainId) {
        StereoMolecule molecule = parse(smiles, chainId);
        molecule.ensureHelperArrays(Molecule.cHelperRings);
        List<ChemComp.Atom> atoms = new ArrayList<>();
        Map<String, Integer> perElement = new HashMap<>();
        String[] names = new String[molecule.getAllAtoms()];
        for (int a = 0; a < molecule.getAllAtoms(); a++) {
            int atomicNo = molecule.getAtomicNo(a);
            String symbol = atomicNo == 1 ? "H" : Molecule.cAtomLabel[atomicNo];
            if (atomicNo == 1) {
                continue;
            }
            int count = perElement.merge(symbol.toUpperCase(), 1, Integer::sum);
            names[a] = symbol.toUpperCase() + count;
            atoms.add(new ChemComp.Atom(names[a], symbol, String.valueOf(molecule.getAtomCharge(a)), false, null,
                    null));
        }
        List<ChemComp.Bond> bonds = new ArrayList<>();
        for (int b = 0; b < molecule.getAllBonds(); b++) {
            String first = names[molecule.getBondAtom(0, b)];
            String second = names[molecule.getBondAtom(1, b)];
            if (first == null || second == null) {
                continue;
            }
            boolean aromatic = molecule.isAromaticBond(b);
            String order = aromatic ? "AROM" : switch (molecule.getBondOrder(b)) {
                case 2 -> "DOUB";
                case 3 -> "TRIP";
                default -> "SING";
            };
            bonds.add(new ChemComp.Bond(first, second, order, aromatic));
        }
        return new ChemComp(componentId, componentId, "non-polymer", null, null, atoms, bonds);
    }

    static StereoMolecule parse(String smiles, String chainId) {
        StereoMolecule molecule = new StereoMolecule();
        try {
            new SmilesParser(SmilesParser.SMARTS_MODE_IS_SMILES).parse(molecule, smiles);
        } catch (Exception e) {
            throw new FeaturisationException("chain " + chainId + ": SMILES " + smiles + " does not parse: "
                    + String.valueOf(e.getMessage()).replaceFirst("^SmilesParser: ", ""), e);
        }
        if (molecule.getAllAtoms() == 0) {
            throw new FeaturisationException("chain " + chainId + ": SMILES " + smiles + " has no atoms");
        }
        return molecule;
    }
}
