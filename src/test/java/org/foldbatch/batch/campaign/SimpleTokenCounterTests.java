package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.junit.jupiter.api.Test;

class SimpleTokenCounterTests {

    private static final FoldInput INPUT = FoldInput.of("t", List.of(1L), List.of(ProteinChain.of("A", "MKVLA"),
            RnaChain.of("B", "ACGU"), Ligand.ofCcd("C", "ATP", "XYZ"), Ligand.ofSmiles("D", "CC(=O)O")));

    @Test
    void residuesPlusLigandHeavyAtomsFromTheCcd() {
        CcdHeavyAtoms ccd = CcdHeavyAtoms.read(Path.of("samples/ccd/components-subset.cif"));

        int tokens = new SimpleTokenCounter(ccd).count(INPUT);

        assertThat(ccd.heavyAtoms("ATP")).as("C10 N5 O13 P3").hasValue(31);
        assertThat(ccd.heavyAtoms("XYZ")).isEmpty();
        assertThat(tokens).as("5 + 4 residues, ATP 31 heavy atoms, XYZ unknown (1), acetic acid 4")
                .isEqualTo(5 + 4 + 31 + 1 + 4);
    }

    @Test
    void withoutACcdEachCodeCountsOnce() {
        assertThat(new SimpleTokenCounter(SimpleTokenCounter.CcdAtoms.NONE).count(INPUT)).isEqualTo(5 + 4 + 2 + 4);
    }
}
