package org.foldbatch.batch.remote;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remote partitioning over RabbitMQ. Nothing here connects to a broker unless {@code foldbatch.remote.enabled} (a
 * manager sends partitions) or {@code foldbatch.remote.worker} ({@code foldbatch worker} takes them) is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemoteProperties.class)
public class RemotePartitioningConfiguration {

    @Bean
    JdbcPartitionWorkers partitionWorkers(JdbcTemplate jdbc) {
        return new JdbcPartitionWorkers(jdbc);
    }

    @Bean
    JdbcFleet fleet(JdbcTemplate jdbc) {
        return new JdbcFleet(jdbc);
    }

    @Bean
    RemotePartitionHandlers remotePartitionHandlers(ObjectProvider<AmqpTemplate> amqp, ObjectProvider<AmqpAdmin> admin,
            JobRepository repository, JdbcPartitionWorkers workers, JdbcFleet fleet, RemoteProperties properties) {
        return new RemotePartitionHandlers(amqp, admin, repository, workers, fleet, properties);
    }

    /**
     * The stage queues, durable, declared by managers and workers alike so that no request is dropped whoever starts
     * first; a worker also declares its own inference size class (see {@link #workerQueues}).
     */
    @Bean
    Declarables partitionQueues(RemoteProperties properties) {
        List<Queue> queues = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            queues.add(new Queue(properties.queueOf(stage), true));
        }
        if (properties.maxTokens() > 0) {
            queues.add(new Queue(properties.inferenceQueue(properties.maxTokens()), true));
        }
        return new Declarables(queues);
    }

    /** The queues a worker takes requests from: one per stage it runs, inference from its own size class. */
    static List<String> workerQueues(RemoteProperties properties) {
        return properties.workerStages().stream().map(stage -> stage == Stage.INFERENCE
                ? properties.inferenceQueue(properties.maxTokens()) : properties.queueOf(stage)).toList();
    }

    @Bean
    @ConditionalOnProperty(name = "foldbatch.remote.worker", havingValue = "true")
    PartitionWorker partitionWorker(JobRepository repository, JdbcPartitionWorkers workers, JdbcFleet fleet,
            RemoteProperties properties, BeanFactory beanFactory) {
        BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
        locator.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(locator);
        return new PartitionWorker(handler, repository, workers, fleet, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "foldbatch.remote.worker", havingValue = "true")
    SimpleMessageListenerContainer partitionListener(ConnectionFactory connectionFactory, PartitionWorker worker,
            RemoteProperties properties) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(workerQueues(properties).toArray(String[]::new));
        container.setMessageListener(worker);
        // One request at a time per consumer: a worker does not hoard partitions other workers could run.
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(Math.max(1, properties.workerConcurrency()));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        return container;
    }
}
