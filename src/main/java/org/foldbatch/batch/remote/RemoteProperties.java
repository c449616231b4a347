package org.foldbatch.batch.remote;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foldbatch.remote.*}: remote partitioning over RabbitMQ (broker settings are Spring's
 * {@code spring.rabbitmq.*}).
 *
 * @param enabled           search, featurisation and inference partitions are sent to {@code foldbatch worker}
 *                          processes instead of run here
 * @param queue             prefix of the stage queues: {@code <queue>.search}, {@code <queue>.featurise},
 *                          {@code <queue>.inference} (and {@code <queue>.inference.<max tokens>} per worker size)
 * @param queues            a name per stage queue, overriding the prefix
 * @param pollInterval      how often the manager reads the partitions' state from the job repository
 * @param timeout           a partition not finished by then fails the step
 * @param workerTimeout     a worker on another host whose heartbeat is older than this is taken for dead
 * @param heartbeat         how often a worker records that it is alive
 * @param workerConcurrency partitions one worker process runs at the same time
 * @param stages            the stages a worker takes ({@code search,featurise,inference}, default all)
 * @param maxTokens         largest token bucket a worker infers (0: no limit)
 * @param waitForCapacity   an inference partition no live worker is large enough for waits (true) instead of failing
 */
@ConfigurationProperties("foldbatch.remote")
public record RemoteProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("foldbatch.partitions") String queue,
        @DefaultValue Queues queues,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("24h") Duration timeout,
        @DefaultValue("2m") Duration workerTimeout,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("1") int workerConcurrency,
        @DefaultValue("all") String stages,
        @DefaultValue("0") int maxTokens,
        @DefaultValue("false") boolean waitForCapacity) {

    /** @param search, featurise, inference queue names (blank: the prefix {@code queue} and the stage) */
    public record Queues(String search, String featurise, String inference) {
    }

    /** The queue of a stage; inference partitions go to {@link #inferenceQueue(int)} instead. */
    public String queueOf(Stage stage) {
        String named = queues == null ? null : switch (stage) {
            case SEARCH -> queues.search();
            case FEATURISE -> queues.featurise();
            case INFERENCE -> queues.inference();
        };
        return named == null || named.isBlank() ? queue + "." + stage.label() : named.strip();
    }

    /** The inference queue of workers folding at most {@code maxTokens} tokens (0: the unlimited workers' queue). */
    public String inferenceQueue(int maxTokens) {
        String base = queueOf(Stage.INFERENCE);
        return maxTokens <= 0 ? base : base + "." + maxTokens;
    }

    public Set<Stage> workerStages() {
        return Stage.parse(stages);
    }
}
