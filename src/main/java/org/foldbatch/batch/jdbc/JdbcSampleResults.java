package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** One row per predicted sample (seed, sample, scores, files), for ranking across seeds and for SQL reports. */
public final class JdbcSampleResults {

    /** A sample as stored; {@code chainPairIptm} is the summary's JSON matrix text. */
    public record SampleRow(String inputHash, long seed, int sample, double rankingScore, double ptm, double iptm,
            String chainPairIptm, String outputPath) {
    }

    /** What ranking needs of a stored sample. */
    public record Score(long seed, int sample, double rankingScore) {
    }

    private final JdbcTemplate jdbc;

    public JdbcSampleResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the rows an earlier, unfinished execution of this job instance may have left for the seed. */
    public void replaceSeed(long jobExecutionId, long jobInstanceId, String inputHash, long seed, List<SampleRow> rows) {
        jdbc.update(SqlStatements.get("sample_results_delete_seed"), inputHash, seed, jobInstanceId);
        Timestamp now = Timestamp.from(Instant.now());
        for (SampleRow r : rows) {
            jdbc.update(SqlStatements.get("sample_result_insert"), jobExecutionId, r.inputHash(), r.seed(), r.sample(),
                    nullIfNan(r.rankingScore()), nullIfNan(r.ptm()), nullIfNan(r.iptm()), r.chainPairIptm(),
                    r.outputPath(), now);
        }
    }

    public List<Score> scoresOfInstance(long jobInstanceId, String inputHash) {
        return jdbc.query(SqlStatements.get("sample_results_of_instance"),
                (rs, i) -> new Score(rs.getLong(1), rs.getInt(2), rs.getDouble(3)), jobInstanceId, inputHash);
    }

    private static Double nullIfNan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
