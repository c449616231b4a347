package org.foldbatch;

/**
 * A problem the user can fix (bad input, missing database or tool, a job that cannot be launched). Its message is
 * one line naming the file, field and reason; the CLI prints it without a stack trace and exits non-zero.
 */
public class FoldbatchException extends RuntimeException {

    public FoldbatchException(String message) {
        super(message);
    }

    public FoldbatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
