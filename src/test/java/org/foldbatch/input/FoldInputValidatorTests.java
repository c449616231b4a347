package org.foldbatch.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldInputValidatorTests {

    private static final ProteinChain COMPLETE = ProteinChain.of("A", "MKV").fillMissingFields();

    @Test
    void completeInputPasses() {
        FoldInput input = FoldInput.of("job", List.of(1L), List.of(COMPLETE, RnaChain.of("B", "ACGU")
                .withUnpairedMsa(""), DnaChain.of("C", "ACGT"), Ligand.ofCcd("D", "ATP")));
        assertThatCode(() -> FoldInputValidator.requireDataComplete(input)).doesNotThrowAnyException();
    }

    @Test
    void missingPiecesAreNamedWithTheirIndexWithinTheChainType() {
        assertMissing(List.of(COMPLETE, ProteinChain.of("B", "MKV").withPairedMsa("").withTemplates(List.of())),
                "job: chain B: Protein chain 2 is missing unpaired MSA.");
        assertMissing(List.of(COMPLETE.withPairedMsa(null)), "job: chain A: Protein chain 1 is missing paired MSA.");
        assertMissing(List.of(COMPLETE.withTemplates(null)), "job: chain A: Protein chain 1 is missing Templates.");
        assertMissing(List.of(COMPLETE, DnaChain.of("B", "AC"), RnaChain.of("C", "ACGU")),
                "job: chain C: RNA chain 1 is missing unpaired MSA.");
    }

    private static void assertMissing(List<Chain> chains, String message) {
        FoldInput input = FoldInput.of("job", List.of(1L), chains);
        assertThatThrownBy(() -> FoldInputValidator.requireDataComplete(input))
                .isInstanceOf(InputException.class)
                .hasMessage(message);
    }
}
