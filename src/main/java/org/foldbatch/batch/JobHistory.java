package org.foldbatch.batch;

import java.sql.Timestamp;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.FoldbatchException;

import org.foldbatch.batch.jdbc.SqlStatements;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/** Recent job executions with the name of their input, for {@code foldbatch jobs}. */
public final class JobHistory {

    public record Row(long executionId, String jobName, String inputName, String started, String status, Double seconds,
            String exitMessage) {
    }

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final FoldInputs inputs;

    public JobHistory(JdbcTemplate jdbc, JobRepository repository, FoldInputs inputs) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.inputs = inputs;
    }

    /** The output directory of the fold job execution {@code executionId} ({@code <output>/<name>}). */
    public Path foldDirectory(long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null) {
            throw new FoldbatchException("job execution " + executionId + ": no such execution in the job repository");
        }
        JobParameters parameters = execution.getJobParameters();
        String hash = parameters.getString(FoldJobParameters.INPUT_HASH);
        if (hash == null || parameters.getString(FoldJobParameters.OUTPUT_DIR) == null) {
            throw new FoldbatchException("job execution " + executionId + ": not a fold job ("
                    + execution.getJobInstance().getJobName() + ")");
        }
        return FoldJobParameters.outputLayout(parameters, inputs.get(hash)).jobDir();
    }

    public List<Row> recent(int limit) {
        return jdbc.query(SqlStatements.get("recent_jobs"), (rs, i) -> {
            Timestamp start = rs.getTimestamp("START_TIME");
            Timestamp end = rs.getTimestamp("END_TIME");
            Double seconds = start != null && end != null
                    ? Duration.between(start.toInstant(), end.toInstant()).toMillis() / 1000.0 : null;
            String message = rs.getString("EXIT_MESSAGE");
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                    start == null ? "" : start.toLocalDateTime().withNano(0).toString(), rs.getString("STATUS"),
                    seconds, firstLine(message));
        }, limit);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
