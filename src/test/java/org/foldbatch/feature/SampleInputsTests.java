package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.structure.ccd.Ccd;

/** The repository's sample inputs against the shipped CCD subset. */
class SampleInputsTests {

    static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
    static final Map<String, Integer> TOKENS = Map.of(
            "ubiquitin_monomer.json", 76,
            "barnase_barstar.json", 110 + 89,
            "calmodulin_4calcium.json", 149 + 4,
            "streptavidin_biotin_smiles.json", -1,
            "tetr_homodimer.json", -1,
            "tetr_dimer_dna.json", -1,
            "u1a_rna_hairpin.json", -1);

    @ParameterizedTest
    @ValueSource(strings = {"ubiquitin_monomer.json", "barnase_barstar.json", "calmodulin_4calcium.json",
            "streptavidin_biotin_smiles.json", "tetr_homodimer.json", "tetr_dimer_dna.json", "u1a_rna_hairpin.json"})
    void featurisesWithTheShippedDictionary(String file) {
        FoldInput input = new FoldInputLoader().load(Path.of("samples/inputs/examples", file)).get(0);
        int tokens = TokenCount.of(input, CCD);

        FeatureBatch batch = new Featuriser(FeaturiserConfig.defaults(CCD)).featurise(input, input.modelSeeds().get(0));

        assertThat(batch.tokenCount()).isEqualTo(tokens);
        if (TOKENS.get(file) > 0) {
            assertThat(tokens).isEqualTo(TOKENS.get(file));
        }
        assertThat(batch.get("token_index").shape()[0]).isEqualTo(FeaturiserConfig.defaults(CCD).paddedTokens(tokens));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kras_g12c_sotorasib.json:MOV", "tetr_dimer_tetracycline.json:TAC"})
    void examplesWhoseLigandIsNotShippedNameIt(String fileAndCode) {
        String[] parts = fileAndCode.split(":");
        FoldInput input = new FoldInputLoader().load(Path.of("samples/inputs/examples", parts[0])).get(0);

        assertThatThrownBy(() -> TokenCount.of(input, CCD)).isInstanceOf(FeaturisationException.class)
                .hasMessageContaining("residue " + parts[1] + " is not in the chemical component dictionary");
    }
}
