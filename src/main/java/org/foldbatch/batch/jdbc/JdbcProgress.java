package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Progress of running steps ({@code fb_progress}), written in a transaction of its own so that another process sees
 * it while the step's own transaction is still open.
 */
public final class JdbcProgress {

    /** One running step's latest progress line. */
    public record Row(long jobExecutionId, String stepName, String phase, int done, int total, String detail,
            Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final NewTransactions own;

    public JdbcProgress(JdbcTemplate jdbc, NewTransactions own) {
        this.jdbc = jdbc;
        this.own = own;
    }

    public void record(long stepExecutionId, long jobExecutionId, String stepName, String phase, int done, int total,
            String detail) {
        Timestamp now = Timestamp.from(Instant.now());
        // Two threads of one step (parallel searches, the ticker) may both find no row: the loser updates instead.
        try {
            own.run(() -> {
                int updated = jdbc.update(SqlStatements.get("progress_update"), phase, done, total, detail, now,
                        stepExecutionId);
                if (updated == 0) {
                    jdbc.update(SqlStatements.get("progress_insert"), stepExecutionId, jobExecutionId, stepName,
                            phase, done, total, detail, now, now);
                }
            });
        } catch (DuplicateKeyException e) {
            own.run(() -> jdbc.update(SqlStatements.get("progress_update"), phase, done, total, detail, now,
                    stepExecutionId));
        }
    }

    /** Running steps' progress: all, one job execution's, or one campaign's jobs'. */
    public List<Row> running(Long jobExecutionId, String campaign) {
        return jdbc.query(SqlStatements.get("progress_running"), (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                jobExecutionId, jobExecutionId, campaign, campaign);
    }

    /** A partition the manager holds back, not yet sent to any worker, and why. */
    public record Waiting(long jobExecutionId, String stepName, String reason, Instant since) {
    }

    /** Partitions held back because no live worker can take them yet: all, or one job execution's. */
    public List<Waiting> waiting(Long jobExecutionId) {
        return jdbc.query(SqlStatements.get("partition_waits"), (rs, i) -> new Waiting(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant()), jobExecutionId, jobExecutionId);
    }
}
