package org.foldbatch.batch;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.foldbatch.batch.jdbc.SqlStatements;
import org.springframework.jdbc.core.JdbcTemplate;

/** Recent job executions with the name of their input, for {@code foldbatch jobs}. */
public final class JobHistory {

    public record Row(long executionId, String jobName, String inputName, String started, String status, Double seconds,
            String exitMessage) {
    }

    private final JdbcTemplate jdbc;

    public JobHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
