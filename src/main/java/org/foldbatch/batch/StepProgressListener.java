package org.foldbatch.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** One progress line when a step (or partition) starts and one when it ends, with its duration. */
final class StepProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("org.foldbatch.progress");

    @Override
    public void beforeStep(StepExecution step) {
        log.info("[{}] started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        double seconds = step.getStartTime() == null ? 0
                : java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toMillis() / 1000.0;
        log.info("[{}] {} in {} s{}", step.getStepName(), step.getExitStatus().getExitCode().toLowerCase(),
                String.format("%.1f", seconds), step.getFailureExceptions().isEmpty() ? ""
                        : ": " + step.getFailureExceptions().get(0).getMessage());
        return null;
    }
}
