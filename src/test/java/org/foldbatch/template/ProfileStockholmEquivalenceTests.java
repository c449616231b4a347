package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.foldbatch.msa.Stockholm;
import org.junit.jupiter.api.Test;

/** Temporary: checks msa.Stockholm.fromA3m writes byte for byte what ProfileStockholm writes, before deleting it. */
class ProfileStockholmEquivalenceTests {

    @Test
    void sameBytesOnFixedAndRandomA3m() {
        var inputs = new ArrayList<>(List.of(
                ">query\nMVLSEGEW\n>hit1\tfirst hit\nMV-SEGEWak\n>hit2\nMVLSEaGEW\n",
                ">q\nACDE\n",
                ">query desc one\nACDEF\n>hit1\nA-gDEkF\n>hit2\ttabbed desc\nAcCDE-\n",
                ">a_long_name\nAC\n>b\nA-\n",
                ">query\n" + TemplateSearchTests.QUERY + "\n"));
        var random = new Random(42);
        for (int n = 0; n < 300; n++) {
            inputs.add(randomA3m(random));
        }
        for (var a3m : inputs) {
            assertThat(Stockholm.fromA3m(a3m)).as(a3m).isEqualTo(ProfileStockholm.fromA3m(a3m));
        }
    }

    private static String randomA3m(Random random) {
        int columns = 1 + random.nextInt(30);
        int rows = 1 + random.nextInt(6);
        var out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            out.append('>').append("seq").append(random.nextInt(3) == 0 ? "" : r)
                    .append(random.nextBoolean() ? " some desc " + r : "").append(random.nextBoolean() ? "\t x" : "")
                    .append('\n');
            var row = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                while (random.nextInt(5) == 0) {
                    row.append((char) ('a' + random.nextInt(26)));
                }
                row.append(random.nextInt(4) == 0 ? '-' : (char) ('A' + random.nextInt(26)));
            }
            while (random.nextInt(5) == 0) {
                row.append((char) ('a' + random.nextInt(26)));
            }
            if (random.nextBoolean() && row.length() > 5) {
                row.insert(row.length() / 2, "\n");
            }
            out.append(row).append('\n');
        }
        return out.toString();
    }
}
