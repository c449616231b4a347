package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.foldbatch.msa.FastaRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmmsearchHitsTests {

    @Test
    void joinsRowBlocksKeepsCaseAndDropsDots(@TempDir Path dir) throws IOException {
        var stockholm = Files.writeString(dir.resolve("output.sto"), """
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
                """);
        assertThat(TemplateSearch.parseHits(stockholm)).containsExactly(
                new FastaRecord("5y2e_A/4-32 [subseq from] mol:protein length:47  Non-structural glycoprotein 4",
                        "---KQMDRVvE-Q"),
                new FastaRecord("6s61_M/42-67 [subseq from] mol:protein length:182  Ferritin", "FDR-aLKN-HA"));
    }

    @Test
    void missingOrEmptyOutputHasNoHits(@TempDir Path dir) throws IOException {
        assertThat(TemplateSearch.parseHits(dir.resolve("absent.sto"))).isEmpty();
        assertThat(TemplateSearch.parseHits(Files.writeString(dir.resolve("empty.sto"), "# STOCKHOLM 1.0\n//\n")))
                .isEmpty();
    }
}
