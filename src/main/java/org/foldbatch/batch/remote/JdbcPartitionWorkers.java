package org.foldbatch.batch.remote;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which worker runs each remote partition, and when it last said it was alive. */
public final class JdbcPartitionWorkers {

    public record Claim(long stepExecutionId, String host, long pid, Instant heartbeatAt, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    public JdbcPartitionWorkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void claim(long stepExecutionId, long jobExecutionId, String stepName, String host, long pid) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("DELETE FROM fb_partition_worker WHERE step_execution_id = ?", stepExecutionId);
        jdbc.update("INSERT INTO fb_partition_worker (step_execution_id, job_execution_id, step_name, host, pid,"
                + " started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)", stepExecutionId, jobExecutionId, stepName,
                host, pid, now, now);
    }

    public void heartbeat(Collection<Long> stepExecutionIds) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Long id : stepExecutionIds) {
            jdbc.update("UPDATE fb_partition_worker SET heartbeat_at = ? WHERE step_execution_id = ?", now, id);
        }
    }

    public void finish(long stepExecutionId) {
        jdbc.update("UPDATE fb_partition_worker SET finished_at = ? WHERE step_execution_id = ?",
                Timestamp.from(Instant.now()), stepExecutionId);
    }

    public Optional<Claim> find(long stepExecutionId) {
        List<Claim> rows = jdbc.query("SELECT step_execution_id, host, pid, heartbeat_at, finished_at"
                + " FROM fb_partition_worker WHERE step_execution_id = ?", (rs, i) -> new Claim(rs.getLong(1),
                rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), stepExecutionId);
        return rows.stream().findFirst();
    }
}
