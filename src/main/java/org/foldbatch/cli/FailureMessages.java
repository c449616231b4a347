package org.foldbatch.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The first line of each step failure of an execution, for a one-line report per failed job. */
final class FailureMessages {

    private FailureMessages() {
    }

    static String of(JobExecution execution) {
        List<String> lines = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable t : step.getFailureExceptions()) {
                lines.add(step.getStepName() + ": " + firstLine(t));
            }
        }
        for (Throwable t : execution.getFailureExceptions()) {
            lines.add(firstLine(t));
        }
        return lines.isEmpty() ? execution.getExitStatus().getExitDescription() : String.join("; ", lines);
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
