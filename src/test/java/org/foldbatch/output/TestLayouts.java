package org.foldbatch.output;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.output.StructureLayout.Atom;
import org.foldbatch.output.StructureLayout.Chain;
import org.foldbatch.output.StructureLayout.Residue;

/** Small layouts for the output tests. */
final class TestLayouts {

    private TestLayouts() {
    }

    /**
     * Chains A and B: three one-CA protein residues each (tokens 0-2 and 3-5); chain C: one zinc ion (token 6, no
     * frame). Token 3 has no frame either, so its row must be ignored.
     */
    static StructureLayout twoChainsAndIon() {
        var chains = List.of(protein("A", "ALA", "GLY", "SER"), protein("B", "LYS", "ALA", "ALA"),
                new Chain("C", ChainKind.LIGAND, List.of(new Residue(1, "ZN"))));
        var atoms = new ArrayList<Atom>();
        for (int c = 0; c < 2; c++) {
            for (int r = 1; r <= 3; r++) {
                atoms.add(new Atom(c, r, "CA", "C"));
            }
        }
        atoms.add(new Atom(2, 1, "ZN", "ZN"));
        return new StructureLayout("hand", chains, new int[] {0, 0, 0, 1, 1, 1, 2}, new int[] {1, 2, 3, 1, 2, 3, 1},
                new boolean[] {true, true, true, false, true, true, false}, atoms, List.of(), List.of());
    }

    static Chain protein(String id, String... names) {
        var residues = new ArrayList<Residue>();
        for (int i = 0; i < names.length; i++) {
            residues.add(new Residue(i + 1, names[i]));
        }
        return new Chain(id, ChainKind.PROTEIN, residues);
    }

    static float[][] constant(int n, float value) {
        var m = new float[n][n];
        for (float[] row : m) {
            java.util.Arrays.fill(row, value);
        }
        return m;
    }

    static float[][] positionsOnLine(int atoms, float spacing) {
        var p = new float[atoms][3];
        for (int i = 0; i < atoms; i++) {
            p[i][0] = i * spacing;
        }
        return p;
    }
}
