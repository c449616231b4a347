package org.foldbatch.batch.jdbc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.foldbatch.pipeline.WorkClaims;
import org.foldbatch.util.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link WorkClaims} as rows of {@code fb_work_claim}: a claim is an insert on the key, so of two processes sharing
 * the database (H2 or PostgreSQL) only one gets it. While this process holds claims it renews their heartbeat; a
 * claim is taken over when its holder ran on this host and is gone, or when its heartbeat is older than the timeout
 * (a holder on another host). Times are the database's, so the hosts' clocks need not agree.
 */
public final class JdbcWorkClaims implements WorkClaims {

    private static final Logger log = LoggerFactory.getLogger(JdbcWorkClaims.class);

    private final JdbcTemplate jdbc;
    private final NewTransactions own;
    private final String me;
    private final Duration timeout;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;

    /** Claims of this process, renewed every quarter of {@code timeout}. */
    public JdbcWorkClaims(JdbcTemplate jdbc, NewTransactions own, Duration timeout) {
        this(jdbc, own, ProcessOwner.currentToken(), timeout);
    }

    /** @param me the claimant, as {@link ProcessOwner#currentToken()} spells a process */
    public JdbcWorkClaims(JdbcTemplate jdbc, NewTransactions own, String me, Duration timeout) {
        this.jdbc = jdbc;
        this.own = own;
        this.me = me;
        this.timeout = timeout;
    }

    @Override
    public boolean tryClaim(String key) {
        if (held.contains(key)) {
            return false; // another thread of this process computes it
        }
        try {
            own.run(() -> jdbc.update(SqlStatements.get("work_claim_insert"), key, me));
            return hold(key);
        } catch (DuplicateKeyException taken) {
            return takeOverIfGone(key);
        }
    }

    private boolean takeOverIfGone(String key) {
        List<Claim> rows = own.call(() -> jdbc.query(
                "SELECT holder, heartbeat_at, CURRENT_TIMESTAMP AS now_at FROM fb_work_claim WHERE claim_key = ?",
                (rs, i) -> new Claim(rs.getString("holder"), rs.getObject("heartbeat_at", OffsetDateTime.class),
                        rs.getObject("now_at", OffsetDateTime.class)), key));
        if (rows.isEmpty()) {
            return false; // released just now: the result is stored, or the next try claims it
        }
        Claim claim = rows.get(0);
        Duration silent = Duration.between(claim.heartbeat(), claim.now());
        boolean dead = !ProcessOwner.tokenMayRun(claim.holder());
        if (claim.holder().equals(me) || !dead && silent.compareTo(timeout) <= 0) {
            return false;
        }
        int taken = own.call(() -> jdbc.update(SqlStatements.get("work_claim_take_over"), me, key, claim.holder()));
        if (taken != 1) {
            return false;
        }
        log.warn("taking over the claim on {} of process {} ({}); computing it here", key, claim.holder(),
                dead ? "it no longer runs" : "silent for " + silent.toSeconds() + " s");
        return hold(key);
    }

    private boolean hold(String key) {
        held.add(key);
        startHeartbeat();
        return true;
    }

    @Override
    public void release(String key) {
        held.remove(key);
        try {
            own.run(() -> jdbc.update("DELETE FROM fb_work_claim WHERE claim_key = ? AND holder = ?", key, me));
        } catch (DataAccessException e) {
            // harmless: waiters read the stored result, or take the claim over once this process is gone
            log.warn("could not release the claim on {}: {}", key, e.getMessage());
        }
    }

    @Override
    public Optional<String> holder(String key) {
        return jdbc.queryForList("SELECT holder FROM fb_work_claim WHERE claim_key = ?", String.class, key).stream()
                .findFirst();
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "work-claim-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, timeout.toMillis() / 4);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            own.run(() -> jdbc.update("UPDATE fb_work_claim SET heartbeat_at = CURRENT_TIMESTAMP WHERE holder = ?", me));
        } catch (RuntimeException e) {
            log.warn("could not renew this process's work claims: {}", e.getMessage());
        }
    }

    private record Claim(String holder, OffsetDateTime heartbeat, OffsetDateTime now) {
    }
}
