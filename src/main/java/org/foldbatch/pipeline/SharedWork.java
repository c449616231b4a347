package org.foldbatch.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a cached result once across processes: the caller that claims its key computes and stores it, the others
 * poll the cache until it appears. A holder that gave up without a result (its work failed) or died lets the next
 * waiter claim the key and compute it itself.
 */
public final class SharedWork {

    private static final Logger log = LoggerFactory.getLogger(SharedWork.class);

    private final WorkClaims claims;
    private final Duration poll;

    public SharedWork(WorkClaims claims, Duration poll) {
        this.claims = claims;
        this.poll = poll;
    }

    /** For one process alone: computes at once, without claims or a second look at the cache. */
    public static SharedWork alone() {
        return new SharedWork(null, Duration.ZERO);
    }

    /**
     * The stored result of {@code key}, or the one this caller computes (and stores) under the key's claim.
     *
     * @param what    names the work in the log line of a wait
     * @param stored  reads the stored result, without counting a cache lookup
     * @param compute computes and stores it
     */
    public <T> T once(String key, String what, Supplier<Optional<T>> stored, Supplier<T> compute) {
        if (claims == null) {
            return compute.get();
        }
        boolean told = false;
        while (true) {
            if (claims.tryClaim(key)) {
                try {
                    // the holder before us may have stored it between our cache miss and our claim
                    return stored.get().orElseGet(compute);
                } finally {
                    claims.release(key);
                }
            }
            Optional<T> done = stored.get();
            if (done.isPresent()) {
                if (told) {
                    log.info("{}: using the result the other process stored", what);
                }
                return done.get();
            }
            if (!told) {
                log.info("{}: {} is computing it; waiting for its result", what,
                        claims.holder(key).map(h -> "process " + h).orElse("another process"));
                told = true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted while waiting for another process's result", e);
            }
        }
    }
}
