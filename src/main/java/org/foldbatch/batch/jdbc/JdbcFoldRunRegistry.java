package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which host and process run each job execution. A relaunch uses it to tell a crashed execution (its process is gone)
 * from one that is still running elsewhere, before it marks the old execution failed.
 */
public final class JdbcFoldRunRegistry {

    public record FoldRun(long jobExecutionId, String host, long pid) {
    }

    private final JdbcTemplate jdbc;

    public JdbcFoldRunRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(long jobExecutionId, String host, long pid) {
        jdbc.update("INSERT INTO fb_fold_run (job_execution_id, host, pid, started_at) VALUES (?, ?, ?, ?)",
                jobExecutionId, host, pid, Timestamp.from(Instant.now()));
    }

    public Optional<FoldRun> find(long jobExecutionId) {
        List<FoldRun> rows = jdbc.query("SELECT job_execution_id, host, pid FROM fb_fold_run WHERE job_execution_id = ?",
                (rs, i) -> new FoldRun(rs.getLong(1), rs.getString(2), rs.getLong(3)), jobExecutionId);
        return rows.stream().findFirst();
    }

    /**
     * The status the job repository holds for an execution, read from the table (not from any cached object). The
     * embedded H2 database writes its store in the background, so it is first made to write to disk (CHECKPOINT
     * SYNC): a full disk then fails here instead of after the command said it completed.
     */
    public String recordedStatus(long jobExecutionId) {
        Boolean h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("H2"));
        if (Boolean.TRUE.equals(h2)) {
            jdbc.execute("CHECKPOINT SYNC");
        }
        return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                jobExecutionId);
    }
}
