package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/** Records every external search that really ran: the proof that a cache hit started no process. */
public final class JdbcToolRunLog {

    private final JdbcTemplate jdbc;

    private final NewTransactions writes;

    public JdbcToolRunLog(JdbcTemplate jdbc) {
        this(jdbc, NewTransactions.none());
    }

    public JdbcToolRunLog(JdbcTemplate jdbc, NewTransactions writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** One search that really ran: what it searched, what it found and kept, what it cost. */
    public record ToolRunRecord(String cacheKey, String sequenceSha256, String tool, String databaseName, int hits,
            int rowsKept, double cpuSeconds, double wallSeconds) {
    }

    public void record(Long jobExecutionId, String stepName, ToolRunRecord run) {
        writes.run(() -> jdbc.update(SqlStatements.get("tool_run_insert"), jobExecutionId, stepName, run.cacheKey(),
                run.sequenceSha256(), run.tool(), run.databaseName(), run.hits(), run.rowsKept(), run.cpuSeconds(),
                run.wallSeconds(), Timestamp.from(Instant.now())));
    }

    public int countForSequence(String sequenceSha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run WHERE sequence_sha256 = ?", Integer.class,
                sequenceSha256);
        return n == null ? 0 : n;
    }
}
