package org.foldbatch.msa;

import java.util.function.Function;

/**
 * Runs searches only as far as their estimated memory ({@link SearchMemory}) fits the process's {@link MemoryBudget},
 * and names a tool the kernel killed (SIGKILL, exit 137: what the out-of-memory killer does) as probably out of
 * memory, with what the search was estimated to need, so that the partition's one-line failure says where to run it.
 */
public final class MemoryLimitedSearches {

    /** Exit status of a process ended by SIGKILL, as Java and GNU time report it. */
    static final int KILLED = 128 + 9;

    private final MemoryBudget budget;

    public MemoryLimitedSearches(MemoryBudget budget) {
        this.budget = budget;
    }

    /** {@code tool} (a whole search, or one shard's) run only when its estimate fits the budget. */
    public <T> Function<SearchRequest, T> limiting(Function<SearchRequest, T> tool) {
        return request -> run(request, tool);
    }

    private <T> T run(SearchRequest request, Function<SearchRequest, T> tool) {
        long estimate = SearchMemory.estimate(request);
        long taken;
        try {
            taken = budget.acquire(estimate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for memory to search "
                    + request.database().name(), e);
        }
        try {
            return tool.apply(request);
        } catch (ToolException e) {
            if (e.exitCode() != KILLED) {
                throw e;
            }
            throw new ToolException(e.label(), e.exitCode(), false, e.label() + " was killed (SIGKILL, exit "
                    + KILLED + "), probably out of memory: the search was estimated to need "
                    + SearchMemory.format(estimate) + " (memory budget " + SearchMemory.format(budget.bytes())
                    + "); restart it on a worker with more memory",
                    e.stdoutTail(), e.stderrTail());
        } finally {
            budget.release(taken);
        }
    }
}
