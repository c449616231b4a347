package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.foldbatch.template.HmmsearchAlignment.Hit;
import org.junit.jupiter.api.Test;

class HmmsearchAlignmentTests {

    @Test
    void joinsRowBlocksKeepsCaseAndDropsDots() {
        var stockholm = """
                # STOCKHOLM 1.0

                #=GS 5y2e_A/4-32  DE [subseq from] mol:protein length:47  Non-structural glycoprotein 4
                #=GS 6s61_M/42-67 DE [subseq from] mol:protein length:182  Ferritin

                5y2e_A/4-32         ---KQMD..RVv
                6s61_M/42-67        FDR-..aLKN-
                #=GR 6s61_M/42-67 PP 8889999999
                #=GC PP_cons        9999999999
                #=GC RF             xxxxxxx..xxx

                5y2e_A/4-32         E-Q
                6s61_M/42-67        HA.
                //
                """;
        assertThat(HmmsearchAlignment.parse(stockholm)).containsExactly(
                new Hit("5y2e_A/4-32", "5y2e_A/4-32 [subseq from] mol:protein length:47  Non-structural glycoprotein 4",
                        "---KQMDRVvE-Q"),
                new Hit("6s61_M/42-67", "6s61_M/42-67 [subseq from] mol:protein length:182  Ferritin",
                        "FDR-aLKN-HA"));
    }

    @Test
    void emptyOutputHasNoHits() {
        assertThat(HmmsearchAlignment.parse("")).isEmpty();
        assertThat(HmmsearchAlignment.parse("# STOCKHOLM 1.0\n//\n")).isEmpty();
    }
}
