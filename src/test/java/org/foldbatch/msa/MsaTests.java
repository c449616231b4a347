package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MsaTests {

    @Test
    void parsesLikeAlphaFold3() {
        List<FastaRecord> records = A3m.parse("junk before\n  >q  first \r\nAC\n\n  DE \n>\n>h2 x\tdesc\nK");
        assertThat(records).containsExactly(
                new FastaRecord("q  first", "ACDE"),
                new FastaRecord("", ""),
                new FastaRecord("h2 x\tdesc", "K"));
        assertThat(A3m.parse("")).isEmpty();
        assertThat(A3m.parse("ACDE\n")).isEmpty();
    }

    @Test
    void deduplicatesIgnoringInsertionsButNotGaps() {
        String a3m = ">query\nACDE\n>a\nAcCDE\n>b\nAC-E\n>c\nACDE\n>d\nAC-Ex\n";
        Msa msa = Msa.fromA3m("ACDE", MoleculeType.PROTEIN, a3m, true);
        assertThat(msa.toA3m()).isEqualTo(">query\nACDE\n>b\nAC-E\n");
        assertThat(Msa.fromA3m("ACDE", MoleculeType.PROTEIN, a3m, false).depth()).isEqualTo(5);
    }

    @Test
    void emptyMsaIsTheOriginalQuery() {
        assertThat(Msa.empty("ACDE", MoleculeType.PROTEIN).toA3m()).isEqualTo(">Original query\nACDE\n");
        assertThat(Msa.fromA3m("ACGU", MoleculeType.RNA, "", true).toA3m()).isEqualTo(">Original query\nACGU\n");
    }

    @Test
    void mergesInOrderAndDeduplicatesAcrossMsas() {
        Msa first = Msa.fromA3m("ACDE", MoleculeType.PROTEIN, ">query \nACDE\n>x\nAC-E\n", false);
        Msa second = Msa.fromA3m("ACDE", MoleculeType.PROTEIN, ">query\nACDE\n>y\nA-DE\n>z\nACkDE\n", false);
        assertThat(Msa.merge(List.of(first, second), true).toA3m())
                .isEqualTo(">query\nACDE\n>x\nAC-E\n>y\nA-DE\n");
        assertThat(Msa.merge(List.of(second), false).toA3m()).isEqualTo(">query\nACDE\n>y\nA-DE\n>z\nACkDE\n");
    }

    @Test
    void firstRowMustBeFeatureEquivalentToTheQuery() {
        assertThat(Msa.fromA3m("ABZUX", MoleculeType.PROTEIN, ">q\nADECJ\n", false).depth()).isEqualTo(1);
        assertThat(Msa.fromA3m("ACGUN", MoleculeType.RNA, ">q\nACGUX\n", false).depth()).isEqualTo(1);
        assertThatThrownBy(() -> Msa.fromA3m("ACDE", MoleculeType.PROTEIN, ">q\nACDF\n", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("First MSA sequence ACDF is not the query sequence ACDE");
        assertThatThrownBy(() -> Msa.merge(List.of(Msa.empty("AC", MoleculeType.PROTEIN),
                Msa.empty("AD", MoleculeType.PROTEIN)), true)).hasMessageContaining("Query sequences must match");
    }
}
