package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

class OneLineThrowableConverterTests {

    private final LoggerContext context = new LoggerContext();

    @Test
    void aLoggedExceptionChainPrintsAsItsRootCauseOnOneLine() {
        Exception chain = new IllegalStateException("JDBC rollback failed",
                new SQLException("I/O error", new IOException("connection reset\nby peer")));

        String line = format(new LoggingEvent("x", context.getLogger("tx"), Level.ERROR, "Commit failed", chain, null));

        assertThat(line).isEqualTo("ERROR Commit failed (IOException: connection reset)\n");
    }

    @Test
    void anEventWithoutExceptionPrintsOnlyItsMessage() {
        String line = format(new LoggingEvent("x", context.getLogger("tx"), Level.INFO, "started", null, null));

        assertThat(line).isEqualTo("INFO started\n");
    }

    private String format(LoggingEvent event) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("oneLineEx", OneLineThrowableConverter::new);
        layout.setPattern("%level %msg%oneLineEx%n");
        layout.start();
        return layout.doLayout(event);
    }
}
