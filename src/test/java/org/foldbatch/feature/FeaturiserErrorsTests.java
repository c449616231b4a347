package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;

class FeaturiserErrorsTests {

    static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
    static final Featuriser FEATURISER = new Featuriser(FeaturiserConfig.defaults(CCD));

    @Test
    void unknownCcdCodeNamesChainAndCode() {
        FoldInput input = FoldInput.of("job", List.of(1L), List.of(ProteinChain.of("A", "GASGA"),
                Ligand.ofCcd("B", "ATP", "XYZ")));

        assertThatThrownBy(() -> FEATURISER.featurise(input, 1)).isInstanceOf(FeaturisationException.class)
                .hasMessage("job: chain B residue XYZ is not in the chemical component dictionary or the input's"
                        + " userCCD");
        assertThatThrownBy(() -> TokenCount.of(input, CCD)).hasMessageContaining("chain B residue XYZ");
    }

    @Test
    void unknownModificationCodeNamesItsChain() {
        FoldInput input = FoldInput.of("job", List.of(1L), List.of(new ProteinChain("C", "GASGA",
                List.of(new org.foldbatch.input.Modification("P1L", 2)), null, null, null, null)));

        assertThatThrownBy(() -> FEATURISER.featurise(input, 1)).hasMessageContaining("chain C residue P1L");
    }

    @Test
    void smilesThatDoesNotParse() {
        assertThatThrownBy(() -> SmilesComponent.of("LIG_B", "C1CC(", "B"))
                .isInstanceOf(FeaturisationException.class)
                .hasMessageStartingWith("chain B: SMILES C1CC( does not parse: ");
    }

    @Test
    void bondToAnAtomTheComponentDoesNotHave() {
        FoldInput input = new FoldInput("job", List.of(1L), List.of(ProteinChain.of("P", "GNSGA"),
                Ligand.ofCcd("L", "SO4")), List.of(new BondedAtomPair(new BondAtom("P", 2, "UNK"),
                new BondAtom("L", 1, "S"))), null);

        assertThatThrownBy(() -> FEATURISER.featurise(input, 1)).isInstanceOf(FeaturisationException.class)
                .hasMessage("job: bondedAtomPairs[0][0]: bonded atom \"UNK\" was not found in the list of atoms of the"
                        + " chemical component ASN (chain_id=P, res_id=2)");
    }

    @Test
    void inputOverTheTokenLimitReportsItsTokenCount() {
        Featuriser limited = new Featuriser(FeaturiserConfig.defaults(CCD).withMaxTokens(9));
        FoldInput input = FoldInput.of("big", List.of(1L), List.of(ProteinChain.of("A", "GASGA"),
                Ligand.ofCcd("B", "SO4")));

        assertThatThrownBy(() -> limited.featurise(input, 1))
                .hasMessage("big: 10 tokens, more than the limit of 9");
        assertThat(TokenCount.of(input, CCD)).isEqualTo(10);
    }

    @Test
    void chainsOfOnlyUnknownResiduesAreDroppedAndNothingLeftIsAnError() {
        FoldInput input = FoldInput.of("unk", List.of(1L), List.of(ProteinChain.of("A", "XXXX")));

        assertThatThrownBy(() -> FEATURISER.featurise(input, 1)).hasMessage("unk: No chains in structure!");
    }

    @Test
    void badBucketsAreRejected() {
        assertThatThrownBy(() -> FeaturiserConfig.defaults(CCD).withBuckets(List.of(256, 128)))
                .hasMessageContaining("strictly increasing");
    }
}
