package org.foldbatch.batch.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Manager side of remote partitioning: sends one request per partition ({@code <step name> <step execution id>}, plain
 * text, so no Java deserialization on the worker) to a RabbitMQ queue, then follows the partitions in the job
 * repository. A partition whose worker died (its process is gone on this host, or its heartbeat is older than the
 * worker timeout) is marked FAILED, so the step fails and a restart sends it again, to whichever worker takes it.
 * spring-batch-integration's {@code MessageChannelPartitionHandler} has no place for that check (its repository
 * poller is private and waits for every partition up to one overall timeout); docs/ARCHITECTURE.md says more.
 */
public final class AmqpPartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(AmqpPartitionHandler.class);

    private final AmqpTemplate amqp;
    private final String queue;
    private final String workerStepName;
    private final JobRepository repository;
    private final JdbcPartitionWorkers workers;
    private final RemoteProperties properties;

    public AmqpPartitionHandler(AmqpTemplate amqp, String workerStepName, JobRepository repository,
            JdbcPartitionWorkers workers, RemoteProperties properties) {
        this.amqp = amqp;
        this.queue = properties.queue();
        this.workerStepName = workerStepName;
        this.repository = repository;
        this.workers = workers;
        this.properties = properties;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Map<Long, StepExecution> open = new HashMap<>();
        for (StepExecution partition : partitions) {
            if (partition.getStatus().isRunning() || partition.getStatus() == BatchStatus.STARTING) {
                amqp.convertAndSend("", queue, workerStepName + " " + partition.getId());
            }
            open.put(partition.getId(), partition);
        }
        log.info("{}: sent {} partition(s) to queue {}", manager.getStepName(), open.size(), queue);
        Set<StepExecution> done = new HashSet<>();
        Instant deadline = Instant.now().plus(properties.timeout());
        long jobExecutionId = manager.getJobExecutionId();
        while (!open.isEmpty()) {
            Thread.sleep(properties.pollInterval().toMillis());
            for (Long id : Set.copyOf(open.keySet())) {
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
                    done.add(fail(repository.getStepExecution(jobExecutionId, id),
                            "not finished within the remote timeout " + properties.timeout()));
                }
                open.clear();
            }
        }
        return done;
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
