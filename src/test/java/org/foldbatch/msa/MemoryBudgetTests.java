package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The process's memory budget admits searches by estimated bytes; the estimate follows the documented model. */
class MemoryBudgetTests {

    @Test
    void searchesRunOnlyAsFarAsTheirMemoryFits() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                done.add(pool.submit(() -> {
                    long taken = budget.acquire(40); // two fit in 100, three do not
                    try {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                    } finally {
                        running.decrementAndGet();
                        budget.release(taken);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aSearchLargerThanTheBudgetRunsAloneInsteadOfNever() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        long small = budget.acquire(30);
        CountDownLatch bigStarted = new CountDownLatch(1);
        Thread big = new Thread(() -> {
            try {
                long taken = budget.acquire(500);
                bigStarted.countDown();
                budget.release(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        big.start();
        assertThat(bigStarted.await(200, TimeUnit.MILLISECONDS)).isFalse(); // waits for the small one
        budget.release(small);
        assertThat(bigStarted.await(5, TimeUnit.SECONDS)).isTrue();
        big.join();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void anInterruptedWaiterGivesItsTurnOn() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        long first = budget.acquire(80);
        Thread waiting = new Thread(() -> {
            try {
                budget.acquire(80);
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        Thread.sleep(100);
        waiting.interrupt();
        waiting.join();
        long next = budget.acquire(20); // fits beside the first; the abandoned ticket must not block it
        budget.release(next);
        budget.release(first);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void theEstimateGrowsWithQueryLengthAndDatabaseSizeAsDocumented() {
        long small = SearchMemory.perProcess(SearchTool.JACKHMMER, 100, 2, 1_000_000);
        assertThat(small).isEqualTo((16L << 20) + 2 * (2L << 20) + 24L * 100 * 100 + 100L * 1_000_000 / 512);
        assertThat(SearchMemory.perProcess(SearchTool.JACKHMMER, 1000, 2, 1_000_000)).isGreaterThan(small);
        assertThat(SearchMemory.perProcess(SearchTool.JACKHMMER, 100, 2, 100_000_000)).isGreaterThan(small);
        assertThat(SearchMemory.perProcess(SearchTool.NHMMER, 100, 2, 1_000_000)).isGreaterThan(small);
        assertThat(SearchMemory.perProcess(SearchTool.JACKHMMER, 100_000, 8, Long.MAX_VALUE / 2))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aShardedSearchNeedsItsShardsSearchedAtOnce() {
        Path dir = Path.of("src/test/resources/msa/memory-shards");
        DatabaseSpec sharded = DatabaseSpec.of("uniref90", dir.resolve("db.fasta") + "@3", 3.0);
        SearchRequest all = new SearchRequest(MoleculeType.PROTEIN, "ACDEFGHIK", sharded, SearchTool.JACKHMMER, 1e-4,
                100, 1, null, "v", "fp");
        SearchRequest two = new SearchRequest(MoleculeType.PROTEIN, "ACDEFGHIK", sharded, SearchTool.JACKHMMER, 1e-4,
                100, 1, 2, "v", "fp");
        long one = SearchMemory.perProcess(SearchTool.JACKHMMER, 9, 1, 0);
        assertThat(SearchMemory.estimate(all)).isGreaterThanOrEqualTo(3 * one);
        assertThat(SearchMemory.estimate(two)).isGreaterThanOrEqualTo(2 * one).isLessThan(SearchMemory.estimate(all));
    }
}
