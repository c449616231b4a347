package org.foldbatch.pipeline;

import java.util.Optional;

/**
 * Claims on cached work shared by processes: whoever claims a cache key computes its result while the others wait
 * for it, so a chain wanted by two jobs at once is searched once. A claim whose holder died is taken over.
 */
public interface WorkClaims {

    /**
     * Takes {@code key} for the calling thread: true when it was free or its holder is gone (killed, or silent longer
     * than the claim timeout); false while a live holder, in this process or another, has it.
     */
    boolean tryClaim(String key);

    /** Gives {@code key} up, whether the result was stored or the work failed. */
    void release(String key);

    /** Who holds {@code key} now, for telling the user what a wait is for. */
    Optional<String> holder(String key);
}
