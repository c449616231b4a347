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
        e.printStackTrace(cli.getErr());
        return ExitCodes.INTERNAL;
    }
}
