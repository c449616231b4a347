package org.foldbatch.batch.remote;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Worker side: takes one partition request at a time from the queue, claims the partition (host, pid, heartbeat) and
 * runs it with Spring Batch's {@link StepExecutionRequestHandler}. Requests for partitions that are no longer waiting
 * (left in the queue after a manager gave up, or redelivered after a worker died) are dropped, so a stale request
 * never completes a partition of a failed job.
 */
public final class PartitionWorker implements MessageListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final StepExecutionRequestHandler handler;
    private final JobRepository repository;
    private final JdbcPartitionWorkers workers;
    private final JdbcFleet fleet;
    private final ProcessOwner self = ProcessOwner.current();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partition-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Registers this worker's stages and token limit in the fleet, and beats for it until closed. */
    public PartitionWorker(StepExecutionRequestHandler handler, JobRepository repository, JdbcPartitionWorkers workers,
            JdbcFleet fleet, RemoteProperties properties) {
        this.handler = handler;
        this.repository = repository;
        this.workers = workers;
        this.fleet = fleet;
        fleet.register(self, properties.workerStages(), properties.maxTokens());
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onMessage(Message message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8).strip();
        String[] parts = body.split("\\s+");
        if (parts.length != 2 || !parts[1].matches("\\d+")) {
            log.error("dropping a malformed partition request: {}", forLog(body));
            return;
        }
        String stepName = parts[0];
        long stepExecutionId = Long.parseLong(parts[1]);
        StepExecution execution;
        try {
            execution = repository.getStepExecution(stepExecutionId);
        } catch (EmptyResultDataAccessException unknown) {
            execution = null;
        }
        if (execution == null) {
            log.warn("dropping request for unknown step execution {}", stepExecutionId);
            return;
        }
        JobExecution job = execution.getJobExecution();
        if (execution.getStatus() != BatchStatus.STARTING || job == null || !job.getStatus().isRunning()) {
            log.warn("dropping request for partition {} ({}): it is {} in a {} job", execution.getStepName(),
                    stepExecutionId, execution.getStatus(), job == null ? "missing" : job.getStatus());
            return;
        }
        workers.claim(stepExecutionId, job.getId(), execution.getStepName(), ProcessOwner.hostName(),
                ProcessHandle.current().pid());
        running.add(stepExecutionId);
        try {
            log.info("running partition {} ({})", execution.getStepName(), stepExecutionId);
            StepExecution result = handler.handle(new StepExecutionRequest(stepName, stepExecutionId));
            log.info("partition {} ({}) {}", execution.getStepName(), stepExecutionId,
                    result == null ? "done" : result.getStatus());
        } finally {
            running.remove(stepExecutionId);
            workers.finish(stepExecutionId);
        }
    }

    private void beat() {
        try {
            fleet.beat(self);
            if (!running.isEmpty()) {
                workers.heartbeat(Set.copyOf(running));
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat not recorded: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            fleet.stop(self);
        } catch (RuntimeException e) {
            log.warn("worker stop not recorded: {}", e.getMessage());
        }
    }

    /** Longest part of a message body written to the log: a queue may carry anything, of any size. */
    static final int LOGGED_PREFIX = 80;

    /** A message body for the log: its first characters on one line, control characters escaped, and its length. */
    static String forLog(String body) {
        StringBuilder out = new StringBuilder("'");
        body.codePoints().limit(LOGGED_PREFIX).forEach(c -> out.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        out.append(body.length() > LOGGED_PREFIX ? "...'" : "'");
        return out.append(" (").append(body.length()).append(" characters)").toString();
    }
}
