package org.foldbatch.constants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidueNamesTests {

    /** Template realignment compares these letters with hmmsearch's seqres, so modified residues need their parent. */
    @Test
    void modifiedResiduesBecomeTheirParentAndUnknownsTheChainDefault() {
        assertThat(ResidueNames.oneLetter("SEP", "polypeptide(L)")).isEqualTo('S');
        assertThat(ResidueNames.oneLetter("PTR", "polypeptide(L)")).isEqualTo('Y');
        assertThat(ResidueNames.oneLetter("MSE", "polypeptide(L)")).isEqualTo('M');
        assertThat(ResidueNames.oneLetter("5MC", "polyribonucleotide")).isEqualTo('C');
        assertThat(ResidueNames.oneLetter("DT", "polydeoxyribonucleotide")).isEqualTo('T');
        assertThat(ResidueNames.oneLetter("NOT_A_CCD", "polyribonucleotide")).isEqualTo('N');
        assertThat(ResidueNames.oneLetter("NOT_A_CCD", "polypeptide(L)")).isEqualTo('X');
    }
}
