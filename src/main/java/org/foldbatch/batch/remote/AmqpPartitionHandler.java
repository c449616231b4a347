package org.foldbatch.batch.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Manager side of remote partitioning: sends one request per partition ({@code <step name> <step execution id>}, plain
 * text, so no Java deserialization on the worker) to its stage's RabbitMQ queue (an inference partition to the queue
 * of the smallest live worker class that fits its token bucket, see {@link InferenceRoute}), then follows the
 * partitions in the job repository. A partition whose worker died (its process is gone on this host, or its
 * heartbeat is older than the worker timeout) is marked FAILED, so the step fails and a restart sends it again, to
 * whichever worker takes it. spring-batch-integration's {@code MessageChannelPartitionHandler} has no place for
 * that check (its repository poller is private and waits for every partition up to one overall timeout);
 * docs/ARCHITECTURE.md says more.
 */
public final class AmqpPartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(AmqpPartitionHandler.class);

    private final AmqpTemplate amqp;
    private final AmqpAdmin admin;
    private final Stage stage;
    private final ToIntFunction<StepExecution> bucket;
    private final String workerStepName;
    private final JobRepository repository;
    private final JdbcPartitionWorkers workers;
    private final JdbcFleet fleet;
    private final RemoteProperties properties;

    /** @param bucket the token bucket of the manager's partitions (inference only) */
    public AmqpPartitionHandler(AmqpTemplate amqp, AmqpAdmin admin, Stage stage, ToIntFunction<StepExecution> bucket,
            String workerStepName, JobRepository repository, JdbcPartitionWorkers workers, JdbcFleet fleet,
            RemoteProperties properties) {
        this.amqp = amqp;
        this.admin = admin;
        this.stage = stage;
        this.bucket = bucket;
        this.workerStepName = workerStepName;
        this.repository = repository;
        this.workers = workers;
        this.fleet = fleet;
        this.properties = properties;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Map<Long, StepExecution> open = new HashMap<>();
        Set<Long> held = new HashSet<>();
        for (StepExecution partition : partitions) {
            if (partition.getStatus().isRunning() || partition.getStatus() == BatchStatus.STARTING) {
                held.add(partition.getId());
            }
            open.put(partition.getId(), partition);
        }
        // only a step with seeds to infer has a bucket (a data-pipeline job may hold ligands no featuriser knows)
        int tokens = stage == Stage.INFERENCE && !held.isEmpty() ? bucket.applyAsInt(manager) : 0;
        Set<StepExecution> done = new HashSet<>();
        Instant deadline = Instant.now().plus(properties.timeout());
        long jobExecutionId = manager.getJobExecutionId();
        boolean first = true;
        while (!open.isEmpty()) {
            if (!first) {
                Thread.sleep(properties.pollInterval().toMillis());
            }
            first = false;
            if (!held.isEmpty()) {
                done.addAll(send(manager, held, tokens));
                done.forEach(d -> open.remove(d.getId()));
            }
            for (Long id : Set.copyOf(open.keySet())) {
                if (held.contains(id)) {
                    continue;
                }
                StepExecution current = repository.getStepExecution(jobExecutionId, id);
                if (!current.getStatus().isRunning() && current.getStatus() != BatchStatus.STARTING) {
                    done.add(current);
                    open.remove(id);
                } else if (current.getStatus() == BatchStatus.STARTED) {
                    Optional<String> death = deadWorker(id);
                    if (death.isPresent()) {
                        done.add(fail(current, death.get()));
                        open.remove(id);
                    }
                }
            }
            if (!open.isEmpty() && Instant.now().isAfter(deadline)) {
                for (Long id : open.keySet()) {
                    fleet.released(id);
                    done.add(fail(repository.getStepExecution(jobExecutionId, id),
                            "not finished within the remote timeout " + properties.timeout()));
                }
                open.clear();
            }
        }
        return done;
    }

    /**
     * Sends the held partitions that a live worker can take now and removes them from {@code held}; returns those
     * failed because no live worker ever will (their bucket is over every live inference worker's limit).
     */
    private Set<StepExecution> send(StepExecution manager, Set<Long> held, int tokens) {
        String queue;
        if (stage == Stage.INFERENCE) {
            InferenceRoute route = InferenceRoute.of(tokens, fleet.live(properties.workerTimeout()));
            if (route instanceof InferenceRoute.Hold hold) {
                Set<StepExecution> failed = new HashSet<>();
                for (Long id : Set.copyOf(held)) {
                    StepExecution partition = repository.getStepExecution(manager.getJobExecutionId(), id);
                    if (hold.tooLarge() && !properties.waitForCapacity()) {
                        held.remove(id);
                        fleet.released(id);
                        failed.add(fail(partition, partition.getStepName() + ": " + hold.reason() + "; start an "
                                + "inference worker with --max-tokens " + tokens + " or more, or set "
                                + "foldbatch.remote.wait-for-capacity=true to wait for one"));
                    } else {
                        fleet.waiting(id, manager.getJobExecutionId(), partition.getStepName(), "waiting: "
                                + hold.reason() + (hold.tooLarge() ? " (foldbatch.remote.wait-for-capacity)" : ""));
                    }
                }
                return failed;
            }
            queue = properties.inferenceQueue(((InferenceRoute.Send) route).maxTokens());
        } else {
            queue = properties.queueOf(stage);
        }
        // A worker registers before its listener has declared its queue, and the broker drops a message sent to a queue
        // that does not exist yet: declaring it here (idempotent) keeps the request until the worker takes it.
        admin.declareQueue(new Queue(queue, true));
        for (Long id : held) {
            amqp.convertAndSend("", queue, workerStepName + " " + id);
            fleet.released(id);
        }
        log.info("{}: sent {} partition(s) to queue {}", manager.getStepName(), held.size(), queue);
        held.clear();
        return Set.of();
    }

    /** Why the worker of a started partition is taken for dead, if it is. */
    private Optional<String> deadWorker(long stepExecutionId) {
        Optional<JdbcPartitionWorkers.Claim> claim = workers.find(stepExecutionId);
        if (claim.isEmpty() || claim.get().finishedAt() != null) {
            return Optional.empty();
        }
        JdbcPartitionWorkers.Claim c = claim.get();
        ProcessOwner owner = new ProcessOwner(c.host(), c.pid());
        if (owner.onThisHost() && !owner.aliveSince(null)) {
            return Optional.of("worker process " + c.pid() + " on " + c.host() + " died");
        }
        Duration silent = Duration.between(c.heartbeatAt(), Instant.now());
        if (silent.compareTo(properties.workerTimeout()) > 0) {
            return Optional.of("worker " + c.pid() + " on " + c.host() + " silent for " + silent.toSeconds() + " s");
        }
        return Optional.empty();
    }

    private StepExecution fail(StepExecution partition, String reason) {
        log.warn("partition {} ({}) failed: {}", partition.getStepName(), partition.getId(), reason);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        repository.update(partition);
        return partition;
    }

}
