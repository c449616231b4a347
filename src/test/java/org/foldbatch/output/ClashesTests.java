package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.output.StructureLayout.Atom;
import org.foldbatch.output.StructureLayout.Chain;
import org.foldbatch.output.StructureLayout.Residue;
import org.junit.jupiter.api.Test;

class ClashesTests {

    /** Chains A and B (protein, 4 one-atom residues each) and ligand L (one atom). Positions set per test. */
    private static StructureLayout layout() {
        var atoms = new ArrayList<Atom>();
        for (int c = 0; c < 2; c++) {
            for (int r = 1; r <= 4; r++) {
                atoms.add(new Atom(c, r, "CA", "C"));
            }
        }
        atoms.add(new Atom(2, 1, "C1", "C"));
        return new StructureLayout("clash", List.of(TestLayouts.protein("A", "ALA", "ALA", "ALA", "ALA"),
                TestLayouts.protein("B", "ALA", "ALA", "ALA", "ALA"),
                new Chain("L", ChainKind.LIGAND, List.of(new Residue(1, "LIG")))),
                new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2}, new int[] {1, 2, 3, 4, 1, 2, 3, 4, 1}, new boolean[9], atoms,
                List.of(), List.of());
    }

    /** Chain A along x at 10 Å spacing, chain B 20 Å away, ligand far off. */
    private static float[][] apart() {
        var p = new float[9][3];
        for (int i = 0; i < 4; i++) {
            p[i] = new float[] {10 * i, 0, 0};
            p[4 + i] = new float[] {10 * i, 20, 0};
        }
        p[8] = new float[] {500, 500, 500};
        return p;
    }

    @Test
    void wellSeparatedChainsDoNotClash() {
        assertThat(Clashes.hasClash(layout(), apart())).isFalse();
    }

    @Test
    void moreThanHalfOfAChainClashingIsAClash() {
        var p = apart();
        for (int i = 0; i < 3; i++) {
            p[4 + i] = new float[] {10 * i, 1.0f, 0};      // 3 of B's 4 atoms 1.0 Å from A's atoms
        }
        assertThat(Clashes.hasClash(layout(), p)).isTrue();
    }

    @Test
    void exactlyHalfIsNotEnough() {
        var p = apart();
        for (int i = 0; i < 2; i++) {
            p[4 + i] = new float[] {10 * i, 1.05f, 0};     // 2 of 4 in each chain: fraction 0.5 is not > 0.5
        }
        assertThat(Clashes.hasClash(layout(), p)).isFalse();
    }

    @Test
    void distanceBeyondCutoffIsNoClash() {
        var p = apart();
        for (int i = 0; i < 4; i++) {
            p[4 + i] = new float[] {10 * i, 1.2f, 0};
        }
        assertThat(Clashes.hasClash(layout(), p)).isFalse();
    }

    @Test
    void neighbouringResiduesMayTouchButNotResiduesTwoApart() {
        var p = apart();
        p[1] = new float[] {0.5f, 0, 0};                    // residue 2 on residue 1: allowed
        p[2] = new float[] {30, 0, 0};
        assertThat(Clashes.hasClash(layout(), p)).isFalse();
        p[2] = new float[] {0.2f, 0.5f, 0};                 // residue 3 on residue 1: atoms 1 and 3 clash, 2 of 4
        assertThat(Clashes.hasClash(layout(), p)).isFalse();
        p[3] = new float[] {0.3f, -0.5f, 0};                // residue 4 on residues 1 and 2: all 4 atoms clash
        assertThat(Clashes.hasClash(layout(), p)).isTrue();
    }

    @Test
    void ligandAtomsAreIgnored() {
        var p = apart();
        for (int i = 0; i < 4; i++) {
            p[i] = new float[] {0.1f * i, 0, 500};           // whole chain A piled up... on a ligand far away
        }
        p[8] = new float[] {0, 0, 500};
        var q = apart();
        q[8] = q[0].clone();                                  // ligand on top of A's first atom only
        assertThat(Clashes.hasClash(layout(), q)).isFalse();
        assertThat(Clashes.hasClash(layout(), p)).isTrue();   // A's residues 1 and 3/4 are within 1.1 Å
    }
}
