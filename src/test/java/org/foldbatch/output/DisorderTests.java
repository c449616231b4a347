package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.output.StructureLayout.Atom;
import org.foldbatch.output.StructureLayout.Chain;
import org.foldbatch.output.StructureLayout.Residue;
import org.junit.jupiter.api.Test;

class DisorderTests {

    /** Reference values from numpy: convolve(pad(x, 12, 'reflect'), ones(25), 'valid') / 25. */
    @Test
    void windowMeanMatchesNumpyReflectPadding() {
        assertThat(Disorder.windowMean(new double[] {0, 1, 2, 3, 4}, 25))
                .containsExactly(new double[] {2.08, 2.04, 2.0, 1.96, 1.92}, within(1e-12));
        var x = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = Math.pow(i, 1.5) / 10;
        }
        double[] w = Disorder.windowMean(x, 25);
        assertThat(w[0]).isCloseTo(1.76579522195455, within(1e-12));
        assertThat(w[13]).isCloseTo(5.252398075856727, within(1e-12));
        assertThat(w[29]).isCloseTo(10.961140655363552, within(1e-12));
        assertThat(Disorder.windowMean(new double[] {0.3}, 25)[0]).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void anIsolatedAtomExposesItsWholeProbeSphere() {
        var atom = new RelativeAsa.SurfaceAtom(0, 0, 0, 1.8);
        var grid = new RelativeAsa.Grid(List.of(atom), 6.54);
        assertThat(RelativeAsa.surface(atom, grid)).isCloseTo(4 * Math.PI * 3.2 * 3.2, within(1e-9));
    }

    /** Dot counting against the exact area of a sphere minus the cap its neighbour's probe sphere covers. */
    @Test
    void twoOverlappingAtomsLoseTheSphericalCap() {
        double d = 3.0;
        var a = new RelativeAsa.SurfaceAtom(0, 0, 0, 1.8);
        var b = new RelativeAsa.SurfaceAtom(d, 0, 0, 1.4);
        var grid = new RelativeAsa.Grid(List.of(a, b), 6.54);
        double ra = 1.8 + 1.4;
        double rb = 1.4 + 1.4;
        double capHeight = ra - (d * d + ra * ra - rb * rb) / (2 * d);
        double exact = 4 * Math.PI * ra * ra - 2 * Math.PI * ra * capHeight;
        assertThat(RelativeAsa.surface(a, grid)).isCloseTo(exact, within(0.02 * exact));
    }

    @Test
    void atomsOnTheSameSpotDoNotHideEachOther() {
        var a = new RelativeAsa.SurfaceAtom(1, 1, 1, 1.8);
        var b = new RelativeAsa.SurfaceAtom(1, 1, 1, 1.8);
        assertThat(RelativeAsa.surface(a, new RelativeAsa.Grid(List.of(a, b), 6.54)))
                .isCloseTo(4 * Math.PI * 3.2 * 3.2, within(1e-9));
    }

    /** An extended chain (residues 30 Å apart) is all exposed; a chain packed into a tiny box is buried. */
    @Test
    void fractionDisorderedOfExposedAndBuriedChains() {
        int n = 30;
        var layout = glycines(n);
        var exposed = new float[4 * n][];
        var buried = new float[4 * n][];
        var random = new java.util.SplittableRandom(3);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 4; k++) {
                exposed[4 * r + k] = new float[] {30 * r + 5 * k, 0, 0};
                buried[4 * r + k] = new float[] {(float) random.nextDouble(6), (float) random.nextDouble(6),
                        (float) random.nextDouble(6)};
            }
        }
        assertThat(RelativeAsa.ofChain(layout, 0, exposed)).containsOnly(1.0);
        assertThat(Disorder.fractionDisordered(layout, exposed)).isEqualTo(1.0);
        assertThat(Disorder.fractionDisordered(layout, buried)).isEqualTo(0.0);
    }

    @Test
    void ligandsAndIncompleteResiduesGiveNoDisorder() {
        var layout = TestLayouts.twoChainsAndIon();              // one CA per residue: no full backbone
        assertThat(Disorder.fractionDisordered(layout, TestLayouts.positionsOnLine(7, 30f))).isZero();
    }

    private static StructureLayout glycines(int n) {
        var residues = new ArrayList<Residue>();
        var atoms = new ArrayList<Atom>();
        for (int r = 1; r <= n; r++) {
            residues.add(new Residue(r, "GLY"));
            for (var name : List.of("N", "CA", "C", "O")) {
                atoms.add(new Atom(0, r, name, name.substring(0, 1)));
            }
        }
        var tokens = new int[n];
        var resIds = new int[n];
        for (int i = 0; i < n; i++) {
            resIds[i] = i + 1;
        }
        return new StructureLayout("gly", List.of(new Chain("A", ChainKind.PROTEIN, residues)), tokens, resIds,
                new boolean[n], atoms, List.of(), List.of());
    }
}
