package org.foldbatch.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Prints a logged exception as one line, its root cause's class and message. Libraries log what they catch with a
 * stack trace (a transaction manager whose rollback fails after the database went away, say); on a user's terminal
 * that buries the one-line report the command ends with. A bug still shows its stack trace: the command prints it
 * on exit ({@link UserFacingErrors}); {@code logging.pattern.console} with {@code %ex} brings traces back for a run.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy cause = event.getThrowableProxy();
        if (cause == null) {
            return "";
        }
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return " (" + simpleName(cause.getClassName()) + message + ")";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
