package org.foldbatch.batch.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs the campaigns of a directory on their cron schedules. Files are re-read every pass, so editing, adding or
 * removing a campaign needs no restart. A campaign whose previous run is still going when its time comes is skipped
 * for that time, and the skip is recorded like any run; times missed while the scheduler was down are not caught up.
 */
public final class CampaignScheduler {

    private static final Logger log = LoggerFactory.getLogger(CampaignScheduler.class);
    private static final Duration MAX_SLEEP = Duration.ofSeconds(30);

    /** What a due campaign does; the default launches it through {@link CampaignLauncher}. */
    @FunctionalInterface
    public interface Runner {
        void run(Campaign campaign, Instant scheduledFor);
    }

    private final Path jobsDir;
    private final Runner runner;
    private final JdbcCampaignStore store;
    private final Clock clock;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "campaign-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<?>> running = new HashMap<>();
    private final Map<Path, String> badFiles = new HashMap<>();
    private Instant checkedUntil;

    public CampaignScheduler(Path jobsDir, Runner runner, JdbcCampaignStore store, Clock clock) {
        this.jobsDir = jobsDir;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.checkedUntil = clock.instant();
    }

    public static Runner launching(CampaignLauncher launcher, Path outputDir) {
        return (campaign, at) -> launcher.run(campaign, outputDir, CampaignLauncher.Trigger.SCHEDULE, at);
    }

    /** Runs until the thread is interrupted. */
    public void runForever() {
        log.info("scheduler: watching {}", jobsDir.toAbsolutePath());
        while (!Thread.currentThread().isInterrupted()) {
            Instant next = tick();
            Duration sleep = Duration.between(clock.instant(), next);
            if (sleep.compareTo(MAX_SLEEP) > 0) {
                sleep = MAX_SLEEP;
            }
            try {
                Thread.sleep(Math.max(10, sleep.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdownNow();
    }

    /**
     * Fires every campaign with a scheduled time in (last check, now]; returns the earliest next time (or now plus
     * the longest sleep when nothing is scheduled).
     */
    public synchronized Instant tick() {
        Instant now = clock.instant();
        Instant earliest = now.plus(MAX_SLEEP);
        if (!Files.isDirectory(jobsDir)) {
            log.warn("scheduler: no campaign directory {}", jobsDir.toAbsolutePath());
            checkedUntil = now;
            return earliest;
        }
        for (Path file : CampaignReader.files(jobsDir)) {
            Campaign campaign;
            try {
                campaign = CampaignReader.read(file);
                badFiles.remove(file);
            } catch (RuntimeException e) {
                if (!e.getMessage().equals(badFiles.put(file, e.getMessage()))) {
                    log.error("scheduler: {}", e.getMessage());
                }
                continue;
            }
            if (campaign.schedule() == null) {
                continue;
            }
            CronExpression cron = CronExpression.parse(campaign.schedule());
            ZonedDateTime due = cron.next(checkedUntil.atZone(clock.getZone()));
            Instant fireAt = null;
            while (due != null && !due.toInstant().isAfter(now)) {
                fireAt = due.toInstant();
                due = cron.next(due);
            }
            if (fireAt != null) {
                fire(campaign, fireAt);
            }
            if (due != null && due.toInstant().isBefore(earliest)) {
                earliest = due.toInstant();
            }
        }
        checkedUntil = now;
        return earliest;
    }

    private void fire(Campaign campaign, Instant at) {
        Future<?> previous = running.get(campaign.name());
        if (previous != null && !previous.isDone()) {
            String message = "previous run still going in this scheduler at " + at;
            store.startRun(campaign.name(), campaign.planHash(), CampaignLauncher.Trigger.SCHEDULE.name(), at,
                    "SKIPPED", ProcessOwner.hostName(), ProcessHandle.current().pid(), message);
            log.info("scheduler: {} skipped for {}: previous run still going", campaign.name(), at);
            return;
        }
        log.info("scheduler: {} due at {}: starting", campaign.name(), at);
        running.put(campaign.name(), pool.submit(() -> {
            try {
                runner.run(campaign, at);
            } catch (RuntimeException e) {
                log.error("scheduler: {} run for {} failed: {}", campaign.name(), at, e.getMessage());
            }
        }));
    }

    /** Waits for the runs started so far (for tests and a clean shutdown). */
    public void awaitRuns(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        for (Future<?> f : Map.copyOf(running).values()) {
            long left = Math.max(1, Duration.between(Instant.now(), end).toMillis());
            f.get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
