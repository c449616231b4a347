package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.foldbatch.output.RankingScoresCsv.Row;
import org.junit.jupiter.api.Test;

class RankingScoresCsvTests {

    @Test
    void rowsUsePythonFloatReprAndCrlf() {
        var csv = RankingScoresCsv.write(List.of(new Row(793709, 0, 0.8740434844369133), new Row(793709, 1, 1e-05),
                new Row(42, 0, -99.38), new Row(42, 1, 1.0), new Row(42, 2, Double.NaN)));
        assertThat(csv).isEqualTo("seed,sample,ranking_score\r\n793709,0,0.8740434844369133\r\n793709,1,1e-05\r\n"
                + "42,0,-99.38\r\n42,1,1.0\r\n42,2,nan\r\n");
    }
}
