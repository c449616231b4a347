package org.foldbatch.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MmcifWriterTests {

    static final Path MMCIF_DIR = Path.of("samples/databases/pdb_mmcif");

    /** The miniature-database files were written by AF3's own CIF writer, so re-writing them must be byte-identical. */
    @ParameterizedTest
    @ValueSource(strings = {"5y2e", "6s61", "6ydw", "7rye"})
    void rewritesAf3WrittenFilesByteForByte(String pdbId) throws IOException {
        var file = MMCIF_DIR.resolve(pdbId + ".cif");
        assertThat(MmcifWriter.write(CifReader.read(file))).isEqualTo(Files.readString(file));
    }

    @Test
    void ordersCategoriesAndKeysAsAf3() {
        var block = new CifBlock("x", List.of(
                category("_atom_site", Map.of("id", List.of("1"), "group_PDB", List.of("ATOM"))),
                category("_zeta", Map.of("b", List.of("2"), "a", List.of("1"))),
                category("_entry", Map.of("id", List.of("x"))),
                category("_alpha", Map.of("k", List.of("v")))));
        assertThat(MmcifWriter.write(block)).isEqualTo("""
                data_x
                #
                _entry.id x
                #
                _alpha.k v
                #
                _zeta.a 1
                _zeta.b 2
                #
                loop_
                _atom_site.group_PDB
                _atom_site.id
                ATOM 1\s
                #
                """);
    }

    /** A text field in the first column is followed by the row's newline, leaving an empty line, as in AF3. */
    @Test
    void quotesValuesOnlyWhenNeeded() {
        var values = List.of("plain", "two words", "it's", "say \"hi\"", "_leading", "data_block", "", "x,y,z",
                "O5'", "both ' and \"", "line1\nline2");
        var block = new CifBlock("q", List.of(category("_t", Map.of("v", values))));
        assertThat(MmcifWriter.write(block)).isEqualTo("""
                data_q
                #
                loop_
                _t.v
                plain       \s
                "two words" \s
                "it's"      \s
                'say "hi"'  \s
                "_leading"  \s
                "data_block"\s
                ""          \s
                x,y,z       \s
                "O5'"       \s
                ;both ' and "
                ;

                ;line1
                line2
                ;

                #
                """);
    }

    @Test
    void writesSingleRowMultiLineValueAsTextField() {
        var block = new CifBlock("m", List.of(category("_d", Map.of("text", List.of("a\nb"), "id", List.of("1")))));
        assertThat(MmcifWriter.write(block, List.of("licence line"))).isEqualTo("""
                # licence line
                data_m
                #
                _d.id   1
                _d.text\s
                ;a
                b
                ;
                #
                """);
    }

    @Test
    void writtenTextReadsBackToTheSameValues() {
        var values = List.of("two words", "it's", "both ' and \"", "line1\nline2", "?", ".");
        var block = new CifBlock("r", List.of(category("_t", Map.of("v", values, "n", List.of("1", "2", "3", "4",
                "5", "6")))));
        var reread = CifReader.read(MmcifWriter.write(block), "written.cif");
        assertThat(reread.category("_t").orElseThrow().column("v").orElseThrow()).isEqualTo(values);
    }

    private static CifCategory category(String name, Map<String, List<String>> columns) {
        return new CifCategory(name, new LinkedHashMap<>(columns));
    }
}
