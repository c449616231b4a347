package org.foldbatch.batch;

import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.batch.remote.Stage;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds every step of the fold job the same way: each logs its progress, and each body gets its {@link FoldStep}.
 * Partitions go to remote workers when {@code foldbatch.remote.enabled}, else run in this process.
 */
final class FoldSteps {

    private final JobRepository repository;
    private final PlatformTransactionManager tx;
    private final FoldInputs inputs;
    private final RemotePartitionHandlers remote;

    FoldSteps(JobRepository repository, PlatformTransactionManager tx, FoldInputs inputs,
            RemotePartitionHandlers remote) {
        this.repository = repository;
        this.tx = tx;
        this.inputs = inputs;
        this.remote = remote;
    }

    FoldStep of(StepExecution execution) {
        return FoldStep.of(execution, inputs);
    }

    /** A step that runs {@code body} once; the body returns how many items it wrote. */
    Step tasklet(String name, ToIntFunction<FoldStep> body) {
        Tasklet tasklet = (contribution, chunk) -> {
            contribution.incrementWriteCount(body.applyAsInt(of(contribution.getStepExecution())));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, repository)
                .tasklet(tasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    /**
     * The manager of {@code worker}'s partitions, at most {@code concurrency} at a time when they run here. The
     * partitions are made from the manager's own {@link FoldStep} when it splits, so no step-scoped bean is needed.
     */
    Step partitioned(String name, Stage stage, Step worker, int concurrency,
            Function<FoldStep, Partitioner> partitions) {
        return partitioned(name, stage, worker, concurrency, partitions, fold -> 0);
    }

    /**
     * As {@link #partitioned(String, Stage, Step, int, Function)}, for inference: {@code bucket} gives the token bucket
     * of the manager's partitions, by which remote partitions are routed to a worker large enough.
     */
    Step partitioned(String name, Stage stage, Step worker, int concurrency, Function<FoldStep, Partitioner> partitions,
            ToIntFunction<FoldStep> bucket) {
        String workerName = worker.getName();
        PartitionHandler handler = remote.enabled()
                ? remote.handler(stage, workerName, manager -> bucket.applyAsInt(of(manager)))
                : local(worker, concurrency);
        StepExecutionSplitter splitter = new StepExecutionSplitter() {
            @Override
            public String getStepName() {
                return workerName;
            }

            @Override
            public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
                Partitioner partitioner = partitions.apply(of(manager));
                return new SimpleStepExecutionSplitter(repository, workerName, partitioner).split(manager, gridSize);
            }
        };
        return new StepBuilder(name, repository)
                .partitioner(worker)
                .splitter(splitter)
                .partitionHandler(handler)
                .listener(new StepProgressListener())
                .build();
    }

    private static PartitionHandler local(Step worker, int concurrency) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        if (concurrency <= 1) {
            handler.setTaskExecutor(new SyncTaskExecutor());
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(worker.getName() + "-");
            executor.setConcurrencyLimit(concurrency);
            handler.setTaskExecutor(executor);
        }
        return handler;
    }
}
