package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StockholmTests {

    // Column 2 is a gap in the first row (dropped or lower-cased), column 5 is an insert column ('.' in the query).
    private static final String SMALL = """
            # STOCKHOLM 1.0
            #=GF ID query-i1
            #=GS query DE
            #=GS hit1/2-5 DE some   protein
            #=GS hit2 AC P12345

            query     AC-DE.F
            hit1/2-5  A-GDEkF
            #=GR hit1/2-5 PP 9999999
            hit2      --G-E.-
            #=GC RF   xx.xx.x
            //
            """;

    @Test
    void convertsToA3mRelativeToTheFirstRow() {
        assertThat(Stockholm.toA3m(SMALL, 0, true, null)).isEqualTo(
                ">query \nACDEF\n>hit1/2-5 some   protein\nA-gDEkF\n>hit2 \n--g-E-\n");
    }

    @Test
    void keepsOnlyTheFirstRowsAndTheirDescriptions() {
        assertThat(Stockholm.toA3m(SMALL, 2, true, null)).isEqualTo(
                ">query \nACDEF\n>hit1/2-5 some   protein\nA-gDEkF\n");
    }

    @Test
    void withoutGapRemovalOnlyDropsDotsAndWrapsLines() {
        assertThat(Stockholm.toA3m(SMALL, 0, false, 3)).isEqualTo(
                ">query \nAC-\nDEF\n>hit1/2-5 some   protein\nA-G\nDEk\nF\n>hit2 \n--G\n-E-\n");
    }

    @Test
    void joinsInterleavedBlocksByName() {
        String interleaved = """
                # STOCKHOLM 1.0
                #=GS hit1/2-5 DE some   protein

                query     AC-
                hit1/2-5  A-G
                hit2      --G

                query     DE.F
                hit1/2-5  DEkF
                hit2      -E.-
                //
                """;
        assertThat(Stockholm.toA3m(interleaved, 0, true, null))
                .isEqualTo(">query \nACDEF\n>hit1/2-5 some   protein\nA-gDEkF\n>hit2 \n--g-E-\n");
    }

    @Test
    void acceptsARowBlockBeforeTheFirstRowsBlock() {
        String outOfOrder = """
                query     AC-
                hit1/2-5  A-G
                hit2      --G

                hit2      -E.-
                query     DE.F
                hit1/2-5  DEkF
                //
                """;
        assertThat(Stockholm.toA3m(outOfOrder, 0, true, null))
                .isEqualTo(">query \nACDEF\n>hit1/2-5 \nA-gDEkF\n>hit2 \n--g-E-\n");
    }

    @Test
    void readsFilesLikeStrings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.sto");
        Files.writeString(file, SMALL.replace("\n", "\r\n"));
        assertThat(Stockholm.toA3m(file, 2, true, 60)).isEqualTo(Stockholm.toA3m(SMALL, 2, true, 60));
        assertThat(Stockholm.convert(file, 2, true, null).totalRows()).isEqualTo(3);
    }

    @Test
    void emptyAlignmentGivesEmptyA3m() {
        assertThat(Stockholm.toA3m("# STOCKHOLM 1.0\n//\n", 10, true, null)).isEmpty();
        assertThat(Stockholm.toA3m("", 10, true, null)).isEmpty();
    }

    @Test
    void rejectsRowsOfDifferentLength() {
        assertThatThrownBy(() -> Stockholm.toA3m("q ACD\nh AC\n//\n", 0, true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sequence (2) and the query sequence (3) don't have the same length.");
    }

    @Test
    void rejectsNonPositiveLineWidth() {
        assertThatThrownBy(() -> Stockholm.toA3m(SMALL, 0, true, 0)).hasMessageContaining("lineWidth");
    }

    private static final String A3M = ">query desc one\nACDEF\n>hit1\nA-gDEkF\n>hit2\ttabbed desc\nAcCDE-\n";

    @Test
    void convertsA3mToStockholmWithInsertColumnsAndReferenceLine() {
        assertThat(Stockholm.fromA3m(A3M)).isEqualTo("""
                # STOCKHOLM 1.0

                #=GS query_0 DE desc one
                #=GS hit1_1 DE <EMPTY>
                #=GS hit2_2 DE tabbed desc

                query_0 A-C-DE-F
                hit1_1  A--GDEKF
                hit2_2  ACC-DE--
                #=GC RF x.x.xx.x
                //""");
    }

    @Test
    void padsTheReferenceLabelToTheLongestName() {
        assertThat(Stockholm.fromA3m(">a_long_name\nAC\n>b\nA-\n")).endsWith(
                "a_long_name_0 AC\nb_1           A-\n#=GC RF       xx\n//");
    }

    @Test
    void roundTripRestoresTheA3mRowsUnderNumberedNames() {
        assertThat(Stockholm.toA3m(Stockholm.fromA3m(A3M), 0, true, null)).isEqualTo(
                ">query_0 desc one\nACDEF\n>hit1_1 <EMPTY>\nA-gDEkF\n>hit2_2 tabbed desc\nAcCDE-\n");
    }

    @Test
    void rejectsRaggedA3m() {
        assertThatThrownBy(() -> Stockholm.fromA3m(">q\nACD\n>h\nAC\n"))
                .hasMessageContaining("inconsistent lengths");
        assertThatThrownBy(() -> Stockholm.fromA3m("")).hasMessageContaining("without sequences");
    }
}
