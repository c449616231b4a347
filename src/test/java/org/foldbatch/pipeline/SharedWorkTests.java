package org.foldbatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SharedWorkTests {

    /** Claims as a table of keys would hold them: one holder per key. */
    private static final class TableClaims implements WorkClaims {
        final Map<String, Boolean> rows = new ConcurrentHashMap<>();

        @Override
        public boolean tryClaim(String key) {
            return rows.putIfAbsent(key, true) == null;
        }

        @Override
        public void release(String key) {
            rows.remove(key);
        }

        @Override
        public Optional<String> holder(String key) {
            return rows.containsKey(key) ? Optional.of("the other") : Optional.empty();
        }
    }

    private final TableClaims claims = new TableClaims();
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final SharedWork shared = new SharedWork(claims, Duration.ofMillis(20));

    @Test
    void twoCallersAtOnceComputeOnceAndBothGetTheStoredResult() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch bothWaiting = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> call(computed, bothWaiting));
            Future<String> b = pool.submit(() -> call(computed, bothWaiting));
            assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("msa");
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("msa");
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
        assertThat(claims.rows).isEmpty();
    }

    private String call(AtomicInteger computed, CountDownLatch bothWaiting) throws InterruptedException {
        bothWaiting.countDown();
        bothWaiting.await();
        return shared.once("k", "search", () -> Optional.ofNullable(cache.get("k")), () -> {
            computed.incrementAndGet();
            sleep(200);
            cache.put("k", "msa");
            return "msa";
        });
    }

    @Test
    void whenTheHolderFailsTheWaiterComputesItself() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                shared.once("k", "search", Optional::empty, () -> {
                    holding.countDown();
                    sleep(200);
                    throw new IllegalStateException("tool failed");
                });
            } catch (IllegalStateException expected) {
                // the holder's own step fails; its claim is released
            }
        });
        holder.start();
        holding.await();

        String result = shared.once("k", "search", () -> Optional.ofNullable(cache.get("k")), () -> "computed here");

        assertThat(result).isEqualTo("computed here");
        holder.join();
    }

    @Test
    void theHoldersFailureReachesItsOwnCaller() {
        assertThatThrownBy(() -> shared.once("k", "search", Optional::empty, () -> {
            throw new IllegalStateException("tool failed");
        })).hasMessage("tool failed");
        assertThat(claims.rows).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
