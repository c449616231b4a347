package org.foldbatch.batch.remote;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;

/** Makes the remote partition handler of a partitioned step when remote partitioning is on. */
public final class RemotePartitionHandlers {

    private final ObjectProvider<AmqpTemplate> amqp;
    private final JobRepository repository;
    private final JdbcPartitionWorkers workers;
    private final RemoteProperties properties;

    RemotePartitionHandlers(ObjectProvider<AmqpTemplate> amqp, JobRepository repository, JdbcPartitionWorkers workers,
            RemoteProperties properties) {
        this.amqp = amqp;
        this.repository = repository;
        this.workers = workers;
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** A handler sending the partitions of {@code workerStepName} to the workers. */
    public PartitionHandler handler(String workerStepName) {
        return new AmqpPartitionHandler(amqp.getObject(), workerStepName, repository, workers, properties);
    }
}
