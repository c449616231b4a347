package org.foldbatch.batch;

import java.time.Duration;
import java.util.Locale;

import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.model.InferenceProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Where one seed's inference is: recycle k of N, diffusion step k of N per sample group, elapsed and estimated time
 * left. Stored in {@code fb_progress} (for {@code foldbatch status} elsewhere) at most every second, logged as a
 * plain line at most every {@code logInterval}, and drawn as a live bar on stderr when a terminal is attached.
 */
final class SeedProgress implements InferenceProgress, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("org.foldbatch.progress");
    private static final long STORE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    /** The step execution the progress belongs to. */
    record Target(long stepExecutionId, long jobExecutionId, String stepName) {
    }

    private final String subject;
    private final Target target;
    private final JdbcProgress store;
    private final long logEveryNanos;
    private final long start = System.nanoTime();
    private long diffusionStart;
    private long lastLog = Long.MIN_VALUE;
    private long lastStore = Long.MIN_VALUE;
    private ProgressBar bar;

    SeedProgress(String subject, Target target, JdbcProgress store, Duration logInterval) {
        this.subject = subject;
        this.target = target;
        this.store = store;
        this.logEveryNanos = logInterval.toNanos();
    }

    @Override
    public void recycle(int done, int total) {
        report("trunk", done, total, String.format(Locale.ROOT, "%s: recycle %d of %d, elapsed %s", subject, done,
                total, seconds(System.nanoTime() - start)), done == total);
    }

    /** {@code done} of {@code total} denoiser calls of the seed: every step of every sample group. */
    @Override
    public void diffusionStep(int done, int total) {
        long now = System.nanoTime();
        if (done == 1) {
            diffusionStart = now;
        }
        long remaining = (now - diffusionStart) / Math.max(1, done - 1) * (total - done);
        String line = String.format(Locale.ROOT, "%s: diffusion step %d of %d, elapsed %s, about %s left", subject,
                done, total, seconds(now - start), done > 1 ? seconds(remaining) : "?");
        report("diffusion", done, total, line, done == total);
        if (System.console() != null) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(subject + " diffusion").setInitialMax(total)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.stepTo(done);
        }
    }

    private void report(String phase, int done, int total, String line, boolean last) {
        long now = System.nanoTime();
        if (last || lastStore == Long.MIN_VALUE || now - lastStore >= STORE_EVERY_NANOS) {
            store.record(target.stepExecutionId(), target.jobExecutionId(), target.stepName(), phase, done, total,
                    line);
            lastStore = now;
        }
        if (System.console() == null && (last || lastLog == Long.MIN_VALUE || now - lastLog >= logEveryNanos)) {
            log.info("[inference] {}", line);
            lastLog = now;
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
