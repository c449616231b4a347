package org.foldbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmilesTests {

    @ParameterizedTest
    @ValueSource(strings = {"C=C", "O=O", "CC(=O)O", "c1ccccc1", "Clc1ccccc1Br", "[Na+].[Cl-]", "[13CH4]",
            "C%10CC%10", "F/C=C/F", "C[C@@H](N)C(=O)O", "[nH]1cccc1", "OC(=O)CCCC[C@@H]1SC[C@@H]2NC(=O)N[C@H]12",
            "c1nc(c2c(n1)n(cn2)[C@H]3[C@@H]([C@@H]([C@H](O3)CO[P@@](=O)(O)O[P@](=O)(O)OP(=O)(O)O)O)O)N",
            "[Mg+2]", "[NH4+]", "C=1CC1", "C1CC=1", "[Fe]", "*C", "C(C)(C)C", "[2H]C", "C[N+](C)(C)C",
            "[O-][n+]1ccccc1", "OB(O)O", "C(Cl)(Cl)Cl", "[Se]"})
    void acceptsValidSmiles(String smiles) {
        assertThat(Smiles.problem(smiles)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "invalid_smiles", "C1CC", "C(C", "CC)", "[Xx]", "C==C", "C..C", ".C", "C.",
            "C1CC2", "Q", "C(C)(C)(C)(C)C", "N(C)(C)(C)C", "[CH3", "C11", "()C", "C()", "=C", "C=", "1CC1",
            "C(=)C", "[C@@XX]"})
    void rejectsInvalidSmiles(String smiles) {
        assertThat(Smiles.problem(smiles)).isNotBlank();
    }
}
