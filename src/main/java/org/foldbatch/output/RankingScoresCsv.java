package org.foldbatch.output;

import java.util.List;

import org.foldbatch.util.PythonFloat;

/**
 * {@code *_ranking_scores.csv} as AF3 writes it with Python's csv module: header {@code seed,sample,ranking_score},
 * one row per sample (seed by seed, samples in order), the score as Python's float repr, rows ended by CRLF (the
 * csv module's default line terminator).
 */
public final class RankingScoresCsv {

    public record Row(long seed, int sample, double rankingScore) {
    }

    private RankingScoresCsv() {
    }

    public static String write(List<Row> rows) {
        var out = new StringBuilder("seed,sample,ranking_score\r\n");
        for (var row : rows) {
            out.append(row.seed()).append(',').append(row.sample()).append(',')
                    .append(PythonFloat.repr(row.rankingScore())).append("\r\n");
        }
        return out.toString();
    }
}
