package org.foldbatch.batch.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foldbatch.remote.*}: remote partitioning over RabbitMQ (broker settings are Spring's
 * {@code spring.rabbitmq.*}).
 *
 * @param enabled           search, featurisation and inference partitions are sent to {@code foldbatch worker}
 *                          processes instead of run here
 * @param queue             the durable queue partition requests go through
 * @param pollInterval      how often the manager reads the partitions' state from the job repository
 * @param timeout           a partition not finished by then fails the step
 * @param workerTimeout     a worker on another host whose heartbeat is older than this is taken for dead
 * @param heartbeat         how often a worker records that it is alive
 * @param workerConcurrency partitions one worker process runs at the same time
 */
@ConfigurationProperties("foldbatch.remote")
public record RemoteProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("foldbatch.partitions") String queue,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("24h") Duration timeout,
        @DefaultValue("2m") Duration workerTimeout,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("1") int workerConcurrency) {
}
