package org.foldbatch.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The job repository's data source, made to give up at once after the database became unreachable. Without it each
 * of Spring Batch's status updates after the loss waits for its own connection timeout (a run took minutes to end);
 * with it the first failure ends the run and the relaunch, once the database is back, resumes the job.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    private final AtomicReference<String> lost = new AtomicReference<>();

    FailFastDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        String reason = lost.get();
        if (reason != null) {
            throw new SQLTransientConnectionException("the database became unreachable during this run: " + reason,
                    "08006");
        }
        try {
            return super.getConnection();
        } catch (SQLException e) {
            if (unreachable(e)) {
                lost.compareAndSet(null, rootMessage(e));
            }
            throw e;
        }
    }

    /** Closes the pool underneath when the context closes (it would otherwise stay open behind this wrapper). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Connection failures: SQL state class 08, or the pool's timeout waiting for one. */
    private static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return String.valueOf(r.getMessage());
    }
}
