package org.foldbatch.batch.remote;

import java.util.function.ToIntFunction;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/** Makes the remote partition handler of a partitioned step when remote partitioning is on. */
public final class RemotePartitionHandlers {

    private final ObjectProvider<AmqpTemplate> amqp;
    private final ObjectProvider<AmqpAdmin> admin;
    private final JobRepository repository;
    private final JdbcPartitionWorkers workers;
    private final JdbcFleet fleet;
    private final RemoteProperties properties;

    RemotePartitionHandlers(ObjectProvider<AmqpTemplate> amqp, ObjectProvider<AmqpAdmin> admin,
            JobRepository repository, JdbcPartitionWorkers workers, JdbcFleet fleet, RemoteProperties properties) {
        this.amqp = amqp;
        this.admin = admin;
        this.repository = repository;
        this.workers = workers;
        this.fleet = fleet;
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * A handler sending the partitions of {@code workerStepName} to the workers of {@code stage}.
     *
     * @param bucket the token bucket of a manager's partitions, read only for {@link Stage#INFERENCE}
     */
    public PartitionHandler handler(Stage stage, String workerStepName, ToIntFunction<StepExecution> bucket) {
        return new AmqpPartitionHandler(amqp.getObject(), admin.getObject(), stage, bucket, workerStepName, repository, workers, fleet,
                properties);
    }
}
