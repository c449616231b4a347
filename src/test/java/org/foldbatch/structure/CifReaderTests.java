package org.foldbatch.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsb.cif.CifIO;

class CifReaderTests {

    static final Path FIVE_Y2E = Path.of("samples/databases/pdb_mmcif/5y2e.cif");

    @Test
    void keepsDotAndQuestionMarkTokens() {
        var block = CifReader.read(FIVE_Y2E);
        var scheme = block.category("_pdbx_poly_seq_scheme").orElseThrow();
        assertThat(scheme.value("pdb_ins_code", 0)).isEqualTo(".");
        assertThat(scheme.value("auth_seq_num", 45)).isEqualTo("?");
        assertThat(block.firstValue("_entity", "pdbx_description")).contains("Non-structural glycoprotein 4");
    }

    @Test
    void readsGzippedAndBinaryCif(@TempDir Path dir) throws IOException {
        var text = Files.readAllBytes(FIVE_Y2E);
        var gz = dir.resolve("5y2e.cif.gz");
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        Files.write(gz, bytes.toByteArray());
        var bcif = dir.resolve("5y2e.bcif");
        CifIO.writeBinary(CifIO.readFromPath(FIVE_Y2E), bcif);

        var expected = CifReader.read(FIVE_Y2E);
        assertThat(CifReader.read(gz)).isEqualTo(expected);
        var binary = CifReader.read(bcif).category("_atom_site").orElseThrow();
        var text5y2e = expected.category("_atom_site").orElseThrow();
        assertThat(binary.rowCount()).isEqualTo(text5y2e.rowCount());
        for (int row = 0; row < text5y2e.rowCount(); row++) {
            assertThat(new java.math.BigDecimal(binary.value("Cartn_x", row)))
                    .isEqualByComparingTo(text5y2e.value("Cartn_x", row));
            assertThat(binary.value("label_atom_id", row)).isEqualTo(text5y2e.value("label_atom_id", row));
        }
    }

    @Test
    void malformedCifNamesFileAndLine() {
        assertThatThrownBy(() -> CifReader.read("data_x\nloop_\n_a.b\n_a.c\n1 2\n3\n", "bad.cif"))
                .isInstanceOf(MmcifParseException.class)
                .hasMessage("bad.cif: line 2: loop_ of _a has 3 values, not a multiple of its 2 columns");
        assertThatThrownBy(() -> CifReader.read("data_x\n_a.b 1\n_a.b 2\n", "bad.cif"))
                .hasMessage("bad.cif: line 3: duplicate key _a.b");
        assertThatThrownBy(() -> CifReader.read("data_x\n_a.b\n_a.c 2\n", "bad.cif"))
                .hasMessage("bad.cif: line 2: key _a.b has no value");
        assertThatThrownBy(() -> CifReader.read("data_x\n_a.b\n;text\n", "bad.cif"))
                .hasMessage("bad.cif: line 3: text field opened with ';' is never closed");
        assertThatThrownBy(() -> CifReader.read("ATOM 1 N\n", "bad.cif"))
                .hasMessage("bad.cif: line 1: expected a data_ block header; the file is not mmCIF");
        assertThatThrownBy(() -> CifReader.read("", "empty.cif")).hasMessage("empty.cif: empty CIF, no data_ block");
    }
}
