package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileStockholmTests {

    @Test
    void insertionsBecomeColumnsMarkedOffTheReferenceLine() {
        var a3m = """
                >query
                MVLSEGEW
                >hit1\tfirst hit
                MV-SEGEWak
                >hit2
                MVLSEaGEW
                """;
        assertThat(ProfileStockholm.fromA3m(a3m)).isEqualTo("""
                # STOCKHOLM 1.0

                #=GS query_0 DE <EMPTY>
                #=GS hit1_1 DE first hit
                #=GS hit2_2 DE <EMPTY>

                query_0 MVLSE-GEW--
                hit1_1  MV-SE-GEWAK
                hit2_2  MVLSEAGEW--
                #=GC RF xxxxx.xxx..
                //""");
    }

    /** Names are padded to the longest sequence name only, so a short name leaves "#=GC RF" wider, as in AF3. */
    @Test
    void queryOnlyProfileHasAllColumnsInTheReference() {
        assertThat(ProfileStockholm.fromA3m(">q\nACDE\n")).isEqualTo("""
                # STOCKHOLM 1.0

                #=GS q_0 DE <EMPTY>

                q_0 ACDE
                #=GC RF xxxx
                //""");
    }

    @Test
    void rowsShorterThanTheQueryAreRejected() {
        assertThatThrownBy(() -> ProfileStockholm.fromA3m(">q\nACDE\n>h\nAC\n"))
                .hasMessage("A3M row 2 is shorter than the query once insertions (lower-case letters) are removed");
        assertThatThrownBy(() -> ProfileStockholm.fromA3m("")).hasMessageContaining("A3M has no sequences");
    }
}
