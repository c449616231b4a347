package org.foldbatch.feature;

import java.util.List;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * A SMILES ligand as OpenChemLib reads it, which keeps what the component built by {@link SmilesComponent} drops:
 * the stereo parities of {@code @}/{@code @@} centres and {@code /}/{@code \} double bonds. OpenChemLib keeps the
 * written order of the atoms and moves plain hydrogens to the end, so its heavy atoms line up with the component's;
 * {@link #of} checks that element by element.
 *
 * @param molecule the parsed molecule, stereo perceived ({@code cHelperCIP})
 * @param heavy    for each heavy atom of the component, its index in {@code molecule}
 */
record SmilesMolecule(StereoMolecule molecule, int[] heavy) {

    /** The parsed SMILES of a component built from one, or null when it has none or OpenChemLib reads it otherwise. */
    static SmilesMolecule of(ChemComp component, List<ChemComp.Atom> atoms) {
        if (component.smiles() == null) {
            return null;
        }
        StereoMolecule molecule;
        try {
            molecule = new SmilesParser().parseMolecule(component.smiles());
        } catch (RuntimeException e) {
            return null;
        }
        if (molecule == null) {
            return null;
        }
        molecule.ensureHelperArrays(Molecule.cHelperCIP);
        int[] heavy = new int[atoms.size()];
        int next = 0;
        for (int i = 0; i < molecule.getAllAtoms(); i++) {
            if (molecule.getAtomicNo(i) == 1) {
                continue;
            }
            if (next == atoms.size()
                    || molecule.getAtomicNo(i) != Molecule.getAtomicNoFromLabel(atoms.get(next).element())) {
                return null;
            }
            heavy[next++] = i;
        }
        return next == atoms.size() ? new SmilesMolecule(molecule, heavy) : null;
    }

    /** The component index of the molecule's atom {@code atom}, or -1 for a hydrogen. */
    int componentIndex(int atom) {
        for (int i = 0; i < heavy.length; i++) {
            if (heavy[i] == atom) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The heavy atoms and the bonds between them at {@code xyz} (component order), with no stereo information other
     * than the coordinates, so that OpenChemLib perceives the stereo of the coordinates.
     */
    StereoMolecule at(double[][] xyz) {
        StereoMolecule bare = new StereoMolecule();
        for (int i = 0; i < heavy.length; i++) {
            int atom = bare.addAtom(molecule.getAtomicNo(heavy[i]));
            bare.setAtomCharge(atom, molecule.getAtomCharge(heavy[i]));
            bare.setAtomX(atom, xyz[i][0]);
            bare.setAtomY(atom, xyz[i][1]);
            bare.setAtomZ(atom, xyz[i][2]);
        }
        for (int b = 0; b < molecule.getAllBonds(); b++) {
            int i = componentIndex(molecule.getBondAtom(0, b));
            int j = componentIndex(molecule.getBondAtom(1, b));
            if (i >= 0 && j >= 0) {
                bare.addBond(i, j, switch (molecule.getBondOrder(b)) {
                    case 2 -> Molecule.cBondTypeDouble;
                    case 3 -> Molecule.cBondTypeTriple;
                    default -> Molecule.cBondTypeSingle;
                });
            }
        }
        bare.ensureHelperArrays(Molecule.cHelperCIP);
        return bare;
    }
}
