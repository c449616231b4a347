package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.List;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.RingCollection;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.conf.BondLengthSet;

/**
 * How far a SMILES ligand's conformer is from standard geometry (issue 13 item 5), for ligands that have no
 * dictionary coordinates to compare with. Tolerances are {@link ConformerGeometry}'s: 0.1 Å and 10°.
 *
 * <p>Bond lengths: OpenChemLib's {@link BondLengthSet}, bond lengths by element pair, bond order, π electrons,
 * aromaticity and ring membership, tabulated from crystal structures (CSD/COD); pairs it lacks get the sum of
 * covalent radii. Element pair and order alone would not do: a carboxylic C–OH or an amide C–N is 0.1 Å shorter
 * than a plain single bond.
 *
 * <p>Angles from the centre's hybridisation by VSEPR: σ neighbours (hydrogens included) plus lone pairs give 4
 * (109.47°), 3 (120°) or 2 (180°) electron domains; aromatic atoms and nitrogens conjugated with a π system
 * ({@link StereoMolecule#isFlatNitrogen}) are trigonal. Heavier main-group centres with a lone pair (thioethers,
 * sulfoxides, phosphines) bend to about 100° (dimethyl sulfide's C–S–C is 98.9°; Drago's rule). Rings of 3 to 5
 * atoms cannot reach those angles: their ring angles are the centres' own angles shifted by one amount per ring so
 * that they add up to a planar polygon's (n−2)·180° (60° for cyclopropane, 90° cyclobutane, 108° cyclopentane,
 * about 100° at the sulfur of a thiolane); a six-membered ring of trigonal atoms is planar at 120°. A trigonal
 * centre's angles outside such rings share what is left of 360° (132° between a purine's C6 and N7), and a
 * tetrahedral centre's what is left of the six tetrahedral angles' sum (6 × 109.47°): a ring pinches one angle and
 * opens the others. Centres of other elements (metals) have no standard angle and are not compared.
 */
final class StandardGeometry {

    static final double TETRAHEDRAL = Math.toDegrees(Math.acos(-1.0 / 3));
    static final double HEAVY_LONE_PAIR = 100;

    private StandardGeometry() {
    }

    /** Compares the heavy-atom coordinates {@code xyz} (component order) with standard geometry and the SMILES's stereo. */
    static ConformerGeometry compare(SmilesMolecule smiles, List<String> names, double[][] xyz) {
        StereoMolecule m = smiles.molecule();
        double bond = 0;
        for (int b = 0; b < m.getAllBonds(); b++) {
            int i = smiles.componentIndex(m.getBondAtom(0, b));
            int j = smiles.componentIndex(m.getBondAtom(1, b));
            if (i >= 0 && j >= 0) {
                bond = Math.max(bond, Math.abs(distance(xyz[i], xyz[j]) - BondLengthSet.lookupBondLength(m, b)));
            }
        }
        double angle = 0;
        double[] ideal = idealAngles(m);
        for (int c = 0; c < m.getAtoms(); c++) {
            int centre = smiles.componentIndex(c);
            if (centre < 0) {
                continue;
            }
            for (int x = 0; x < m.getConnAtoms(c); x++) {
                for (int y = x + 1; y < m.getConnAtoms(c); y++) {
                    int a = m.getConnAtom(c, x);
                    int b = m.getConnAtom(c, y);
                    double expected = angle(m, ideal, a, c, b);
                    int i = smiles.componentIndex(a);
                    int j = smiles.componentIndex(b);
                    if (!Double.isNaN(expected) && i >= 0 && j >= 0) {
                        angle = Math.max(angle, Math.abs(ConformerGeometry.angle(xyz, i, centre, j) - expected));
                    }
                }
            }
        }
        return new ConformerGeometry(bond, angle, stereoMismatches(smiles, names, xyz));
    }

    /**
     * Atoms whose CIP label (R/S) and double bonds whose CIP label (E/Z) at {@code xyz} differ from the one the
     * SMILES specifies; a double bond is named by its two atoms, {@code C3=C4}. Centres the SMILES leaves open may
     * take either label.
     */
    static List<String> stereoMismatches(SmilesMolecule smiles, List<String> names, double[][] xyz) {
        StereoMolecule expected = smiles.molecule();
        StereoMolecule actual = smiles.at(xyz);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int label = expected.getAtomCIPParity(smiles.heavy()[i]);
            if (specified(label) && label != actual.getAtomCIPParity(i)) {
                mismatches.add(names.get(i));
            }
        }
        for (int b = 0; b < actual.getAllBonds(); b++) {
            int i = actual.getBondAtom(0, b);
            int j = actual.getBondAtom(1, b);
            int original = expected.getBond(smiles.heavy()[i], smiles.heavy()[j]);
            int label = original < 0 ? Molecule.cBondCIPParityNone : expected.getBondCIPParity(original);
            if (specified(label) && label != actual.getBondCIPParity(b)) {
                mismatches.add(names.get(i) + "=" + names.get(j));
            }
        }
        return mismatches;
    }

    /** R/S or E/Z: the two labels have the same values ({@code cAtomCIPParityRorM == cBondCIPParityEorP}). */
    private static boolean specified(int label) {
        return label == Molecule.cAtomCIPParityRorM || label == Molecule.cAtomCIPParitySorP;
    }

    /** The standard angle a–c–b in degrees, or NaN when the centre has none. */
    static double angle(StereoMolecule m, double[] ideal, int a, int c, int b) {
        if (Double.isNaN(ideal[c])) {
            return Double.NaN;
        }
        RingCollection rings = m.getRingSet();
        double ringAngles = 0;
        int ringAngleCount = 0;
        double inRing = Double.NaN;
        int inRingSize = Integer.MAX_VALUE;
        List<int[]> counted = new ArrayList<>();
        for (int r = 0; r < rings.getSize(); r++) {
            int size = rings.getRingSize(r);
            int[] members = rings.getRingAtoms(r);
            int at = indexOf(members, c);
            if (at < 0 || size > 6 || size == 6 && !allTrigonal(ideal, members)) {
                continue;
            }
            double value = ringAngle(ideal, members, at);
            int previous = members[(at + size - 1) % size];
            int next = members[(at + 1) % size];
            if (((previous == a && next == b) || (previous == b && next == a)) && size < inRingSize) {
                inRing = value;
                inRingSize = size;
            }
            if (counted.stream().noneMatch(p -> (p[0] == previous && p[1] == next) || (p[0] == next && p[1] == previous))) {
                counted.add(new int[]{previous, next});
                ringAngles += value;
                ringAngleCount++;
            }
        }
        if (!Double.isNaN(inRing)) {
            return inRing;
        }
        int domains = m.getAllConnAtoms(c) + m.getImplicitHydrogens(c);
        if (ideal[c] == 120 && domains == 3 && ringAngleCount > 0 && ringAngleCount < 3) {
            return (360 - ringAngles) / (3 - ringAngleCount);
        }
        if (ideal[c] == TETRAHEDRAL && domains == 4 && ringAngleCount > 0 && ringAngleCount < 6) {
            return (6 * TETRAHEDRAL - ringAngles) / (6 - ringAngleCount);
        }
        return ideal[c];
    }

    private static boolean allTrigonal(double[] ideal, int[] members) {
        for (int member : members) {
            if (ideal[member] != 120) {
                return false;
            }
        }
        return true;
    }

    /** The centre's own angle shifted so that the ring's angles add up to a planar polygon's. */
    private static double ringAngle(double[] ideal, int[] members, int at) {
        double sum = 0;
        for (int member : members) {
            if (Double.isNaN(ideal[member])) {
                return 180.0 * (members.length - 2) / members.length;
            }
            sum += ideal[member];
        }
        return ideal[members[at]] + (180.0 * (members.length - 2) - sum) / members.length;
    }

    /** Each atom's angle from its hybridisation, NaN for an element without a standard (metals, noble gases). */
    static double[] idealAngles(StereoMolecule m) {
        double[] ideal = new double[m.getAllAtoms()];
        for (int c = 0; c < ideal.length; c++) {
            ideal[c] = hybridisationAngle(m, c);
        }
        return ideal;
    }

    private static double hybridisationAngle(StereoMolecule m, int c) {
        int valenceElectrons = valenceElectrons(m.getAtomicNo(c));
        if (valenceElectrons < 0) {
            return Double.NaN;
        }
        if (m.isAromaticAtom(c) || m.isFlatNitrogen(c)) {
            return 120;
        }
        int sigma = m.getAllConnAtoms(c) + m.getImplicitHydrogens(c);
        int bonded = m.getImplicitHydrogens(c);
        for (int n = 0; n < m.getAllConnAtoms(c); n++) {
            bonded += m.getConnBondOrder(c, n);
        }
        int lonePairs = Math.max(0, (valenceElectrons - m.getAtomCharge(c) - bonded) / 2);
        int domains = sigma + lonePairs;
        if (domains >= 4) {
            return lonePairs > 0 && m.getAtomicNo(c) > 10 ? HEAVY_LONE_PAIR : TETRAHEDRAL;
        }
        return domains == 3 ? 120 : 180;
    }

    /** Valence electrons of the main-group elements a ligand is made of; -1 for the others. */
    private static int valenceElectrons(int atomicNo) {
        return switch (atomicNo) {
            case 5, 13 -> 3;
            case 6, 14, 32 -> 4;
            case 7, 15, 33 -> 5;
            case 8, 16, 34, 52 -> 6;
            case 9, 17, 35, 53 -> 7;
            default -> -1;
        };
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static double distance(double[] p, double[] q) {
        double dx = p[0] - q[0];
        double dy = p[1] - q[1];
        double dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
