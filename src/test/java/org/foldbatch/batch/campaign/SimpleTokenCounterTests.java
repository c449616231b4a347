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
            RnaChain.of("B", "ACGU"), Ligand.ofCcd("C", "ARG", "GLY"), Ligand.ofSmiles("D", "CC(=O)O")));

    @Test
    void residuesPlusLigandHeavyAtomsFromTheCcdFiles() {
        CcdHeavyAtoms ccd = CcdHeavyAtoms.read(Path.of("samples/inputs/parsing/ccd_ARG.cif"));

        int tokens = new SimpleTokenCounter(ccd).count(INPUT);

        assertThat(ccd.heavyAtoms("ARG")).hasValue(12);
        assertThat(tokens).as("5 + 4 residues, ARG 12 heavy atoms, GLY unknown (1), acetic acid 4").isEqualTo(5 + 4 + 12 + 1 + 4);
    }

    @Test
    void withoutACcdEachCodeCountsOnce() {
        assertThat(new SimpleTokenCounter(SimpleTokenCounter.CcdAtoms.NONE).count(INPUT)).isEqualTo(5 + 4 + 2 + 4);
    }
}
