package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;

import com.actelion.research.chem.StereoMolecule;
import org.junit.jupiter.api.Test;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * The standard-geometry check of SMILES conformers (issue 13 item 5): the standard angles it derives, worked out by
 * hand, and that it fails conformers that are stretched, bent or mirrored.
 */
class StandardGeometryTests {

    static final String BIOTIN = SmilesLigandFeaturesTests.BIOTIN;

    @Test
    void biotinsConformerPassesAndEveryDistortionFails() {
        ChemComp biotin = SmilesComponent.of("LIG_B", BIOTIN, "B");
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(biotin);
        List<String> names = atoms.stream().map(ChemComp.Atom::name).toList();
        SmilesMolecule smiles = SmilesMolecule.of(biotin, atoms);
        double[][] xyz = Conformers.generate(biotin, Conformers.seed(Conformers.key(biotin), 42)).coordinates();
        assertThat(StandardGeometry.compare(smiles, names, xyz).acceptable()).isTrue();

        // S1 (index 8) pulled 0.3 Å away from the midpoint of its two ring carbons (its nearest atoms), whatever
        // way the conformer lies: both C–S bonds stretch past 0.1 Å.
        double[][] stretched = copy(xyz);
        int[] nearest = java.util.stream.IntStream.range(0, xyz.length).filter(i -> i != 8).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> distance(xyz[i], xyz[8])))
                .mapToInt(Integer::intValue).limit(2).toArray();
        double[] away = new double[3];
        for (int a = 0; a < 3; a++) {
            away[a] = xyz[8][a] - (xyz[nearest[0]][a] + xyz[nearest[1]][a]) / 2;
        }
        double length = Math.sqrt(away[0] * away[0] + away[1] * away[1] + away[2] * away[2]);
        for (int a = 0; a < 3; a++) {
            stretched[8][a] += 0.3 * away[a] / length;
        }
        assertThat(StandardGeometry.compare(smiles, names, stretched).maxBondDeviation()).isGreaterThan(0.1);
        assertThat(Conformers.acceptable(biotin, atoms, null, smiles, stretched)).isFalse();

        // The carboxyl O1 (index 0) swung 25° about C1 in the O1-C1-C2 plane: bond lengths kept, the angle not.
        double[][] bent = copy(xyz);
        bent[0] = rotateAbout(xyz[0], xyz[1], xyz[3], Math.toRadians(25));
        ConformerGeometry bentGeometry = StandardGeometry.compare(smiles, names, bent);
        assertThat(bentGeometry.maxBondDeviation()).isLessThanOrEqualTo(0.1);
        assertThat(bentGeometry.maxAngleDeviation()).isGreaterThan(10);

        // The mirror image keeps every length and angle but is L-biotin's enantiomer at all three centres.
        double[][] mirrored = copy(xyz);
        Arrays.stream(mirrored).forEach(p -> p[0] = -p[0]);
        ConformerGeometry mirror = StandardGeometry.compare(smiles, names, mirrored);
        assertThat(mirror.maxBondDeviation()).isLessThanOrEqualTo(0.1);
        assertThat(mirror.cipMismatches()).containsExactly("C6", "C8", "C10");
        assertThat(mirror.acceptable()).isFalse();
    }

    @Test
    void stereoLabelsAreTheSmilesOwn() {
        // D-biotin is (3aS,4S,6aR): C6 is C4 (carries the chain), C8 is C6a (next to the CH2 C7), C10 is C3a.
        assertThat(labels(BIOTIN)).containsExactly("C6:S", "C8:R", "C10:S");
        // ATP's ribose: C1' R, C2' R, C3' S, C4' R ((2R,3S,4R,5R)-oxolane in its IUPAC name); both P are marked.
        assertThat(labels("c1nc(c2c(n1)n(cn2)[C@H]3[C@@H]([C@@H]([C@H](O3)CO[P@@](=O)(O)O[P@](=O)(O)OP(=O)(O)O)O)O)N"))
                .containsExactly("C6:R", "C7:R", "C8:S", "C9:R", "P1:R", "P2:R");
    }

    @Test
    void aDoubleBondKeepsItsSide() {
        ChemComp trans = SmilesComponent.of("LIG_B", "C/C=C/C", "B");
        ChemComp cis = SmilesComponent.of("LIG_B", "C/C=C\\C", "B");
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(trans);
        List<String> names = atoms.stream().map(ChemComp.Atom::name).toList();
        double[][] cisXyz = Conformers.generate(cis, 7).coordinates();

        assertThat(StandardGeometry.compare(SmilesMolecule.of(cis, atoms), names, cisXyz).cipMismatches()).isEmpty();
        assertThat(StandardGeometry.compare(SmilesMolecule.of(trans, atoms), names, cisXyz).cipMismatches())
                .containsExactly("C2=C3");
    }

    @Test
    void openStereocentresMayTakeEitherLabel() {
        ChemComp open = SmilesComponent.of("LIG_B", "CC(N)O", "B");
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(open);
        double[][] xyz = Conformers.generate(open, 3).coordinates();
        Arrays.stream(xyz).forEach(p -> p[0] = -p[0]);

        assertThat(StandardGeometry.stereoMismatches(SmilesMolecule.of(open, atoms),
                atoms.stream().map(ChemComp.Atom::name).toList(), xyz)).isEmpty();
    }

    @Test
    void standardAnglesFollowHybridisationAndSmallRings() {
        // ethanol C-C-O: tetrahedral
        assertThat(angle("CCO", 0, 1, 2)).isCloseTo(109.47, offset(0.01));
        // acetonitrile C-C#N: linear; acetone C-C(=O)-C: trigonal
        assertThat(angle("CC#N", 0, 1, 2)).isCloseTo(180, offset(1e-9));
        assertThat(angle("CC(=O)C", 0, 1, 3)).isCloseTo(120, offset(1e-9));
        // dimethyl sulfide: a heavier centre with lone pairs; dimethyl sulfoxide too; DMSO's S is not trigonal
        assertThat(angle("CSC", 0, 1, 2)).isCloseTo(100, offset(1e-9));
        assertThat(angle("CS(=O)C", 0, 1, 3)).isCloseTo(100, offset(1e-9));
        // acetamide's nitrogen is flat; a phosphate is tetrahedral despite its P=O
        assertThat(angle("CC(=O)NC", 1, 3, 4)).isCloseTo(120, offset(1e-9));
        assertThat(angle("OP(=O)(O)O", 0, 1, 2)).isCloseTo(109.47, offset(0.01));
        // cyclopropane 60°, cyclobutane 90°, cyclopentane 108°; imidazole (all trigonal) 108°
        assertThat(angle("C1CC1", 0, 1, 2)).isCloseTo(60, offset(1e-9));
        assertThat(angle("C1CCC1", 0, 1, 2)).isCloseTo(90, offset(1e-9));
        assertThat(angle("C1CCCC1", 0, 1, 2)).isCloseTo(108, offset(1e-9));
        assertThat(angle("c1cnc[nH]1", 0, 1, 2)).isCloseTo(108, offset(1e-9));
        // thiolane: S 100 + 4 x 109.47 = 537.9, shifted by (540 - 537.9)/5 to S 100.42
        assertThat(angle("C1CSCC1", 1, 2, 3)).isCloseTo(100 + (540 - 100 - 4 * 109.4712) / 5, offset(1e-3));
        // methylcyclopropane's exocyclic angle: (6 x 109.47 - 60) / 5
        assertThat(angle("CC1CC1", 0, 1, 2)).isCloseTo((6 * 109.4712 - 60) / 5, offset(1e-3));
        // adenine C5: 6-ring angle 120, 5-ring angle 108, so C6-C5-N7 takes the remaining 132°
        // (atoms of Nc1ncnc2[nH]cnc12: N0 c1 n2 c3 n4 c5 n6 c7 n8 c9; C5 is atom 9, C6 atom 1, N7 atom 8)
        assertThat(angle("Nc1ncnc2[nH]cnc12", 1, 9, 8)).isCloseTo(132, offset(1e-9));
        // the urea carbon of biotin's imidazolidinone: C 120, 2 N 120, 2 C 109.47 shifted to 540, O=C-N the rest
        double ring = 120 + (540 - 3 * 120 - 2 * 109.4712) / 5;
        assertThat(angle(BIOTIN, 11, 12, 14)).isCloseTo(ring, offset(1e-3));
        assertThat(angle(BIOTIN, 13, 12, 11)).isCloseTo((360 - ring) / 2, offset(1e-3));
    }

    private static double angle(String smiles, int a, int c, int b) {
        ChemComp component = SmilesComponent.of("LIG_B", smiles, "B");
        StereoMolecule m = SmilesMolecule.of(component, Conformers.heavyAtoms(component)).molecule();
        return StandardGeometry.angle(m, StandardGeometry.idealAngles(m), a, c, b);
    }

    private static List<String> labels(String smiles) {
        ChemComp component = SmilesComponent.of("LIG_B", smiles, "B");
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(component);
        SmilesMolecule parsed = SmilesMolecule.of(component, atoms);
        return java.util.stream.IntStream.range(0, atoms.size())
                .filter(i -> parsed.molecule().getAtomCIPParity(parsed.heavy()[i]) > 0)
                .mapToObj(i -> atoms.get(i).name() + ":"
                        + (parsed.molecule().getAtomCIPParity(parsed.heavy()[i]) == 1 ? "R" : "S"))
                .toList();
    }

    private static double[][] copy(double[][] xyz) {
        return Arrays.stream(xyz).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@code p} rotated by {@code radians} about the axis through {@code centre} normal to the plane p-centre-q. */
    private static double[] rotateAbout(double[] p, double[] centre, double[] q, double radians) {
        double[] u = sub(p, centre);
        double[] axis = cross(u, sub(q, centre));
        double n = Math.sqrt(dot(axis, axis));
        axis = new double[]{axis[0] / n, axis[1] / n, axis[2] / n};
        double[] k = cross(axis, u);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double along = dot(axis, u) * (1 - cos);
        return new double[]{centre[0] + u[0] * cos + k[0] * sin + axis[0] * along,
            centre[1] + u[1] * cos + k[1] * sin + axis[1] * along, centre[2] + u[2] * cos + k[2] * sin + axis[2] * along};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double distance(double[] p, double[] q) {
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }
}
