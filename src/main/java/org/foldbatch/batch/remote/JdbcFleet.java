package org.foldbatch.batch.remote;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.foldbatch.util.ProcessOwner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fleet in the job repository: each worker's capability (stages, largest token bucket) with a heartbeat
 * ({@code fb_worker}), and the partitions the manager holds back because no live worker can take them yet
 * ({@code fb_partition_wait}).
 */
public final class JdbcFleet {

    /** A worker that beat within the worker timeout and, on this host, whose process is alive. */
    public record LiveWorker(String host, long pid, Set<Stage> stages, int maxTokens) {
    }

    private final JdbcTemplate jdbc;

    public JdbcFleet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String idOf(ProcessOwner owner) {
        return owner.host() + ":" + owner.pid();
    }

    public void register(ProcessOwner owner, Set<Stage> stages, int maxTokens) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("DELETE FROM fb_worker WHERE worker_id = ?", idOf(owner));
        jdbc.update("INSERT INTO fb_worker (worker_id, host, pid, stages, max_tokens, started_at, heartbeat_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", idOf(owner), owner.host(), owner.pid(), Stage.format(stages),
                maxTokens, now, now);
    }

    public void beat(ProcessOwner owner) {
        jdbc.update("UPDATE fb_worker SET heartbeat_at = ? WHERE worker_id = ?", Timestamp.from(Instant.now()),
                idOf(owner));
    }

    public void stop(ProcessOwner owner) {
        jdbc.update("UPDATE fb_worker SET stopped_at = ? WHERE worker_id = ?", Timestamp.from(Instant.now()),
                idOf(owner));
    }

    public List<LiveWorker> live(Duration timeout) {
        Timestamp since = Timestamp.from(Instant.now().minus(timeout));
        return jdbc.query("SELECT host, pid, stages, max_tokens FROM fb_worker WHERE stopped_at IS NULL"
                + " AND heartbeat_at >= ? ORDER BY worker_id", (rs, i) -> new LiveWorker(rs.getString(1),
                rs.getLong(2), Stage.parse(rs.getString(3)), rs.getInt(4)), since)
                .stream().filter(w -> new ProcessOwner(w.host(), w.pid()).mayRunSince(null)).toList();
    }

    /** Records (or updates) why a partition is held back. */
    public void waiting(long stepExecutionId, long jobExecutionId, String stepName, String reason) {
        int updated = jdbc.update("UPDATE fb_partition_wait SET reason = ? WHERE step_execution_id = ?", reason,
                stepExecutionId);
        if (updated == 0) {
            jdbc.update("INSERT INTO fb_partition_wait (step_execution_id, job_execution_id, step_name, reason, since)"
                    + " VALUES (?, ?, ?, ?, ?)", stepExecutionId, jobExecutionId, stepName, reason,
                    Timestamp.from(Instant.now()));
        }
    }

    public void released(long stepExecutionId) {
        jdbc.update("DELETE FROM fb_partition_wait WHERE step_execution_id = ?", stepExecutionId);
    }
}
