package org.foldbatch.batch.campaign;

import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.util.ProcessOwner;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Links each campaign execution to its run record and records its host and process (to tell a crash later). */
final class CampaignRunListener implements JobExecutionListener {

    private final JdbcCampaignStore store;
    private final JdbcFoldRunRegistry processes;

    CampaignRunListener(JdbcCampaignStore store, JdbcFoldRunRegistry processes) {
        this.store = store;
        this.processes = processes;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        processes.register(execution.getId(), ProcessOwner.hostName(), ProcessHandle.current().pid());
        Long runId = execution.getJobParameters().getLong(CampaignJobParameters.RUN_ID);
        if (runId != null) {
            store.attachExecution(runId, execution.getId());
        }
    }
}
