package org.foldbatch.batch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a campaign is: folds done, failed, running and waiting, and the time left estimated from the folds its
 * latest run has finished so far (elapsed time per finished fold, so parallel folds are accounted for).
 *
 * @param completedThisRun folds the latest run finished; {@code runStarted} null when it never ran
 */
public record CampaignProgress(String campaign, int total, int completed, int failed, int running, int waiting,
        int excluded, int completedThisRun, Instant runStarted) {

    /** Estimated time until every waiting and running fold is done; null until the run has finished one. */
    public Duration timeLeft(Instant now) {
        if (runStarted == null || completedThisRun == 0 || running + waiting == 0) {
            return null;
        }
        Duration elapsed = Duration.between(runStarted, now);
        return elapsed.dividedBy(completedThisRun).multipliedBy(running + waiting);
    }

    public String line(Instant now) {
        Duration left = timeLeft(now);
        return String.format(Locale.ROOT, "campaign %s: folds %d of %d done, %d failed, %d running, %d waiting%s, %s",
                campaign, completed, total - excluded, failed, running, waiting,
                excluded == 0 ? "" : " (" + excluded + " rejected or routed)",
                left == null ? "time left unknown until a fold of this run finishes"
                        : "about " + left.toSeconds() + " s left");
    }
}
