package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.List;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.StereoMolecule;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * How far a conformer is from a component's reference geometry (issue 13 item 5): the largest bond-length and
 * bond-angle deviations over the heavy-atom bond graph, and the stereocentres whose CIP label (R/S, perceived by
 * OpenChemLib from 3D coordinates with implicit hydrogens) differs. Tolerances: 0.1 Å and 10°.
 *
 * @param maxBondDeviation  largest |length − reference length| in Å
 * @param maxAngleDeviation largest |angle − reference angle| in degrees
 * @param cipMismatches     names of atoms whose CIP label differs from the reference's
 */
record ConformerGeometry(double maxBondDeviation, double maxAngleDeviation, List<String> cipMismatches) {

    static final double BOND_TOLERANCE = 0.1;
    static final double ANGLE_TOLERANCE = 10;

    boolean acceptable() {
        return maxBondDeviation <= BOND_TOLERANCE && maxAngleDeviation <= ANGLE_TOLERANCE && cipMismatches.isEmpty();
    }

    /** Compares {@code xyz} with the reference coordinates {@code reference}, both in heavy-atom order. */
    static ConformerGeometry compare(ChemComp component, List<ChemComp.Atom> atoms, double[][] reference,
            double[][] xyz) {
        List<String> names = atoms.stream().map(ChemComp.Atom::name).toList();
        List<List<Integer>> neighbours = new ArrayList<>();
        atoms.forEach(a -> neighbours.add(new ArrayList<>()));
        double bond = 0;
        for (ChemComp.Bond b : component.bonds()) {
            int i = names.indexOf(b.atom1());
            int j = names.indexOf(b.atom2());
            if (i < 0 || j < 0) {
                continue;
            }
            neighbours.get(i).add(j);
            neighbours.get(j).add(i);
            bond = Math.max(bond, Math.abs(distance(xyz[i], xyz[j]) - distance(reference[i], reference[j])));
        }
        double angle = 0;
        for (int centre = 0; centre < atoms.size(); centre++) {
            List<Integer> n = neighbours.get(centre);
            for (int a = 0; a < n.size(); a++) {
                for (int b = a + 1; b < n.size(); b++) {
                    angle = Math.max(angle, Math.abs(angle(xyz, n.get(a), centre, n.get(b))
                            - angle(reference, n.get(a), centre, n.get(b))));
                }
            }
        }
        int[] expected = cip(component, atoms, reference);
        int[] actual = cip(component, atoms, xyz);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            if (expected[i] != actual[i]) {
                mismatches.add(names.get(i));
            }
        }
        return new ConformerGeometry(bond, angle, mismatches);
    }

    /** OpenChemLib's CIP parity per heavy atom from 3D coordinates: 0 none, 1 R, 2 S, 3 unknown. */
    static int[] cip(ChemComp component, List<ChemComp.Atom> atoms, double[][] xyz) {
        StereoMolecule molecule = Conformers.molecule(component, atoms, xyz);
        molecule.ensureHelperArrays(Molecule.cHelperCIP);
        int[] labels = new int[atoms.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = molecule.getAtomCIPParity(i);
        }
        return labels;
    }

    static double angle(double[][] xyz, int a, int centre, int b) {
        double[] u = new double[3];
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            u[k] = xyz[a][k] - xyz[centre][k];
            v[k] = xyz[b][k] - xyz[centre][k];
        }
        double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (norm(u) * norm(v));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static double distance(double[] p, double[] q) {
        return norm(new double[] {p[0] - q[0], p[1] - q[1], p[2] - q[2]});
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
