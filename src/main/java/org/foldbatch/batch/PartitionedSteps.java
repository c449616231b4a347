package org.foldbatch.batch;

import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The manager half of every partitioned step of the fold job: partitions go to remote workers when
 * {@code foldbatch.remote.enabled}, else run in this process, at most {@code concurrency} at a time.
 */
final class PartitionedSteps {

    private PartitionedSteps() {
    }

    static Step manager(JobRepository repository, String name, String workerName, Step worker, Partitioner partitioner,
            RemotePartitionHandlers remote, int concurrency) {
        PartitionHandler handler = remote.enabled() ? remote.handler(workerName) : local(worker, workerName, concurrency);
        return new StepBuilder(name, repository)
                .partitioner(workerName, partitioner)
                .partitionHandler(handler)
                .listener(new StepProgressListener())
                .build();
    }

    private static PartitionHandler local(Step worker, String workerName, int concurrency) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        if (concurrency <= 1) {
            handler.setTaskExecutor(new SyncTaskExecutor());
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(workerName + "-");
            executor.setConcurrencyLimit(concurrency);
            handler.setTaskExecutor(executor);
        }
        return handler;
    }
}
