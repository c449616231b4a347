package org.foldbatch.cli;

import org.foldbatch.FoldbatchException;
import picocli.CommandLine;

/**
 * Turns a user-facing failure into its one-line message and exit code {@link ExitCodes#BAD_INPUT}; anything else is
 * an internal error ({@link ExitCodes#INTERNAL}) and keeps its stack trace.
 */
final class UserFacingErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof FoldbatchException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            cli.getErr().println("error: " + cause.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                cli.getErr().println("error: database: " + StartupFailures.firstLine(root)
                        + "; run the same command again once the database is reachable");
                return 1;
            }
        }
        e.printStackTrace(cli.getErr());
        return ExitCodes.INTERNAL;
    }
}
