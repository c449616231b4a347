package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.foldbatch.output.StructureLayout.Atom;
import org.foldbatch.output.StructureLayout.Chain;
import org.foldbatch.output.StructureLayout.Residue;
import org.junit.jupiter.api.Test;

class ConfidencesJsonTests {

    @Test
    void plddtKeepsTwoDecimalsAndDropsOneTrailingZero() {
        assertThat(ConfidencesJson.plddt(85.50f)).isEqualTo("85.5");
        assertThat(ConfidencesJson.plddt(85.00f)).isEqualTo("85.0");
        assertThat(ConfidencesJson.plddt(7.25f)).isEqualTo("7.25");
        assertThat(ConfidencesJson.plddt(0.0f)).isEqualTo("0.0");
        assertThat(ConfidencesJson.plddt(100f)).isEqualTo("99.99");
        assertThat(ConfidencesJson.plddt(-3f)).isEqualTo("0.0");
        assertThat(ConfidencesJson.plddt(12.345f)).isEqualTo("12.35");
        assertThat(ConfidencesJson.plddt(Float.NaN)).isEqualTo("null");
    }

    @Test
    void contactProbabilitiesKeepTwoDecimalsAndDropOneTrailingZero() {
        assertThat(ConfidencesJson.fraction(0.07f)).isEqualTo("0.07");
        assertThat(ConfidencesJson.fraction(0.5f)).isEqualTo("0.5");
        assertThat(ConfidencesJson.fraction(1.0f)).isEqualTo("1.0");
        assertThat(ConfidencesJson.fraction(0f)).isEqualTo("0.0");
        assertThat(ConfidencesJson.fraction(1.7f)).isEqualTo("1.0");
        assertThat(ConfidencesJson.fraction(0.004f)).isEqualTo("0.0");
        assertThat(ConfidencesJson.fraction(Float.NaN)).isEqualTo("null");
    }

    @Test
    void paeKeepsOneDecimalRoundingHalfAwayFromZero() {
        assertThat(ConfidencesJson.pae(12.34f)).isEqualTo("12.3");
        assertThat(ConfidencesJson.pae(0.26f)).isEqualTo("0.3");
        assertThat(ConfidencesJson.pae(0.25f)).isEqualTo("0.3");
        assertThat(ConfidencesJson.pae(31.75f)).isEqualTo("31.8");
        assertThat(ConfidencesJson.pae(120f)).isEqualTo("99.9");
        assertThat(ConfidencesJson.pae(0f)).isEqualTo("0.0");
        assertThat(ConfidencesJson.pae(Float.NaN)).isEqualTo("null");
    }

    @Test
    void wholeFileLayout() {
        var layout = new StructureLayout("tiny", List.of(
                new Chain("A", ChainKind.PROTEIN, List.of(new Residue(1, "GLY"))),
                new Chain("B", ChainKind.LIGAND, List.of(new Residue(1, "EOH")))),
                new int[] {0, 1, 1}, new int[] {1, 1, 1}, new boolean[] {true, true, true},
                List.of(new Atom(0, 1, "CA", "C"), new Atom(1, 1, "C1", "C"), new Atom(1, 1, "O", "O")),
                List.of(), List.of());
        var sample = new SampleResult(1, 0, new float[3][3], new float[] {85.5f, 90f, Float.NaN},
                new float[][] {{0.26f, 12.34f, 1f}, {2f, 3f, 4f}, {5f, 6f, 7.06f}},
                new float[3][3], new float[3][3],
                new float[][] {{1f, 0.07f, 0.5f}, {0f, 1f, 0.333f}, {0.5f, 0.5f, 1f}});
        assertThat(ConfidencesJson.write(layout, sample)).isEqualTo("""
                {
                  "atom_chain_ids": ["A","B","B"],
                  "atom_plddts": [85.5,90.0,null],
                  "contact_probs": [[1.0,0.07,0.5],[0.0,1.0,0.33],[0.5,0.5,1.0]],
                  "pae": [[0.3,12.3,1.0],[2.0,3.0,4.0],[5.0,6.0,7.1]],
                  "token_chain_ids": ["A","B","B"],
                  "token_res_ids": [1,1,1]
                }""");
    }
}
