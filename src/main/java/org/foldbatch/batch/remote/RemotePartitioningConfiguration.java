package org.foldbatch.batch.remote;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
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
    RemotePartitionHandlers remotePartitionHandlers(org.springframework.beans.factory.ObjectProvider<AmqpTemplate> amqp,
            JobRepository repository, JdbcPartitionWorkers workers, RemoteProperties properties) {
        return new RemotePartitionHandlers(amqp, repository, workers, properties);
    }

    @Bean
    Queue partitionQueue(RemoteProperties properties) {
        return new Queue(properties.queue(), true);
    }

    @Bean
    @ConditionalOnProperty(name = "foldbatch.remote.worker", havingValue = "true")
    PartitionWorker partitionWorker(JobRepository repository, JdbcPartitionWorkers workers, RemoteProperties properties,
            BeanFactory beanFactory) {
        BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
        locator.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(locator);
        return new PartitionWorker(handler, repository, workers, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "foldbatch.remote.worker", havingValue = "true")
    SimpleMessageListenerContainer partitionListener(ConnectionFactory connectionFactory, PartitionWorker worker,
            RemoteProperties properties) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queue());
        container.setMessageListener(worker);
        // One request at a time per consumer: a worker does not hoard partitions other workers could run.
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(Math.max(1, properties.workerConcurrency()));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        return container;
    }
}
