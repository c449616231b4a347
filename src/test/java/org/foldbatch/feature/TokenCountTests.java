package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;
import org.junit.jupiter.api.Test;

/** The campaign guard's numbers: {@link TokenCount#estimate} where the exact count cannot be made. */
class TokenCountTests {

    private static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
    private static final FoldInput INPUT = FoldInput.of("t", List.of(1L), List.of(ProteinChain.of("A", "MKVLA"),
            RnaChain.of("B", "ACGU"), Ligand.ofCcd("C", "ATP", "XYZ"), Ligand.ofSmiles("D", "CC(=O)O")));

    @Test
    void anUnknownCodeMakesAnEstimateOfResiduesPlusLigandHeavyAtoms() {
        assertThat(TokenCount.estimate(INPUT, CCD)).as("5 + 4 residues, ATP 31 heavy atoms, XYZ unknown (1), acetic"
                + " acid 4").isEqualTo(5 + 4 + 31 + 1 + 4);
    }

    @Test
    void withoutADictionaryEachCodeCountsOnce() {
        assertThat(TokenCount.estimate(INPUT, Ccd.empty())).isEqualTo(5 + 4 + 2 + 4);
    }

    @Test
    void whenEveryComponentIsKnownTheEstimateIsTheExactCount() {
        FoldInput known = FoldInput.of("k", List.of(1L), List.of(ProteinChain.of("A", "GASGA"),
                Ligand.ofCcd("B", "SO4")));

        assertThat(TokenCount.estimate(known, CCD)).isEqualTo(TokenCount.of(known, CCD)).isEqualTo(10);
    }
}
