package org.foldbatch.cli;

import java.sql.SQLException;

import org.foldbatch.FoldbatchException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * Why the Spring context (settings, database, Flyway) did not start, as one line: the setting and its value for a
 * bad setting, the database URL for a database that cannot be opened. Stack traces are for our bugs, not for these.
 */
final class StartupFailures {

    private StartupFailures() {
    }

    static FoldbatchException describe(Throwable failure, String dbUrl) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FoldbatchException f) {
                return f;
            }
            if (t instanceof BindException bind) {
                ConfigurationProperty property = bind.getProperty();
                String setting = property != null ? property.getName() + " = '" + property.getValue() + "'"
                        : bind.getName().toString();
                return new FoldbatchException("setting " + setting + ": " + firstLine(root(bind)), failure);
            }
            if (t instanceof SQLException || t.getClass().getName().startsWith("org.flywaydb")
                    || String.valueOf(t.getMessage()).contains("jdbcUrl")) {
                return new FoldbatchException("cannot open the database " + dbUrl + ": " + firstLine(root(t)), failure);
            }
        }
        return new FoldbatchException("cannot start: " + firstLine(root(failure)), failure);
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
