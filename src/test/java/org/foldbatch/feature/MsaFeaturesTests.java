package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;

class MsaFeaturesTests {

    static final Featuriser FEATURISER = new Featuriser(FeaturiserConfig.defaults(
            Ccd.load(Path.of("samples/ccd/components-subset.cif"))).withBuckets(null));

    @Test
    void speciesFollowsUniProtHeaders() {
        assertThat(MsaFeatures.speciesOf("tr|A0A146SKV9|A0A146SKV9_FUNHE desc OS=x")).isEqualTo("FUNHE");
        assertThat(MsaFeatures.speciesOf("  sp|P0C2L1|A3X1_LOXLA")).isEqualTo("LOXLA");
        assertThat(MsaFeatures.speciesOf("sp|Q32KD2|SETB1_DROME/444-700")).isEqualTo("DROME");
        assertThat(MsaFeatures.speciesOf("sp|O88974-2|SETB1_MOUSE")).isEmpty();
        assertThat(MsaFeatures.speciesOf("sp|O88974|SETB1_MOUSE|extra")).isEmpty();
        assertThat(MsaFeatures.speciesOf("UniRef90_A0A000 n=1 Tax=x")).isEmpty();
        assertThat(MsaFeatures.speciesOf("query")).isEmpty();
    }

    @Test
    void unknownCharacterInAnMsaIsAClearError() {
        FoldInput input = FoldInput.of("msa", List.of(1L), List.of(new ProteinChain("A", "GASGA", List.of(), null,
                ">query\nGASGA\n>s1\nGA.GA\n", "", List.of())));

        assertThatThrownBy(() -> FEATURISER.featurise(input, 1)).isInstanceOf(FeaturisationException.class)
                .hasMessage("msa: sequences[A].unpairedMsa row 2 column 3: unknown residue '.'");
    }

    @Test
    void rowsOfTheWrongWidthAndAForeignFirstRowAreClearErrors() {
        FoldInput narrow = FoldInput.of("msa", List.of(1L), List.of(new ProteinChain("A", "GASGA", List.of(), null,
                ">query\nGASGA\n>s1\nGAGA\n", "", List.of())));
        FoldInput foreign = FoldInput.of("msa", List.of(1L), List.of(new ProteinChain("A", "GASGA", List.of(), null,
                ">query\nGAAGA\n", "", List.of())));

        assertThatThrownBy(() -> FEATURISER.featurise(narrow, 1))
                .hasMessage("msa: sequences[A].unpairedMsa row 2 does not have 5 aligned columns (the query length)");
        assertThatThrownBy(() -> FEATURISER.featurise(foreign, 1))
                .hasMessage("msa: sequences[A].unpairedMsa: the first row GAAGA is not the query sequence GASGA");
    }

    @Test
    void shortChainsIgnoreTheirMsaAndRnaUsesItsAlphabet() {
        FoldInput shortChain = FoldInput.of("msa", List.of(1L), List.of(new ProteinChain("A", "GASG", List.of(),
                null, ">query\nGASG\n>s1\nGAAG\n", "", List.of())));
        FoldInput rna = FoldInput.of("rna", List.of(1L), List.of(new org.foldbatch.input.RnaChain("A", "AGCUA",
                List.of(), null, ">query\nAGCUA\n>s1\nAGTUa-\n")));

        assertThat(FEATURISER.featurise(shortChain, 1).get("num_alignments").ints()).containsExactly(2);
        FeatureBatch batch = FEATURISER.featurise(rna, 1);
        byte[] msa = batch.get("msa").int8s();
        assertThat(new byte[]{msa[10], msa[11], msa[12], msa[13], msa[14]}).containsExactly(22, 23, 30, 25, 21);
        assertThat(batch.get("deletion_matrix").int8s()[14]).isEqualTo((byte) 1);
    }
}
