package org.foldbatch.batch;

import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.util.ProcessOwner;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Records which host and process run an execution, so a later launch can recognise a crashed run. */
final class FoldRunListener implements JobExecutionListener {

    private final JdbcFoldRunRegistry registry;

    FoldRunListener(JdbcFoldRunRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        registry.register(execution.getId(), ProcessOwner.hostName(), ProcessHandle.current().pid());
    }
}
