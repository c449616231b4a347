package org.foldbatch.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.pipeline.DataPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one chain's gene search is: searches k of n done, and each database being searched by a tool with how long
 * it has run. A tick every second stores the line in {@code fb_progress}; it is logged at most every
 * {@code logInterval}. Searches answered by the cache start no tool and only count as done.
 */
final class SearchProgress implements DataPipeline.SearchDone, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("org.foldbatch.progress");

    private final String subject;
    private final SeedProgress.Target target;
    private final JdbcProgress store;
    private final long logEveryNanos;
    private final Map<String, Long> running = new TreeMap<>();
    private final ScheduledExecutorService ticker;
    private int done;
    private int total;
    private long lastLog = Long.MIN_VALUE;

    SearchProgress(String subject, SeedProgress.Target target, JdbcProgress store, Duration logInterval) {
        this.subject = subject;
        this.target = target;
        this.store = store;
        this.logEveryNanos = logInterval.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> report(false), 1, 1, TimeUnit.SECONDS);
    }

    /** The tool, with each run recorded as running while it lasts. */
    Function<SearchRequest, SearchResult> watching(Function<SearchRequest, SearchResult> tool) {
        return request -> {
            String database = request.database().name();
            synchronized (this) {
                running.put(database, System.nanoTime());
            }
            try {
                return tool.apply(request);
            } finally {
                synchronized (this) {
                    running.remove(database);
                }
            }
        };
    }

    @Override
    public void finished(SearchRequest request, int done, int total) {
        synchronized (this) {
            this.done = done;
            this.total = total;
        }
        report(done == total);
    }

    private void report(boolean last) {
        String line;
        int k;
        int n;
        boolean logNow;
        synchronized (this) {
            line = currentLine();
            k = done;
            n = total;
            long now = System.nanoTime();
            logNow = last || lastLog == Long.MIN_VALUE || now - lastLog >= logEveryNanos;
            if (logNow) {
                lastLog = now;
            }
        }
        if (logNow) {
            log.info("[geneSearch] {}", line);
        }
        synchronized (store) { // one writer at a time per process keeps the stored line the latest
            store.record(target.stepExecutionId(), target.jobExecutionId(), target.stepName(), "search", k, n, line);
        }
    }

    private synchronized String currentLine() {
        long now = System.nanoTime();
        StringBuilder text = new StringBuilder(subject).append(": searches ").append(done).append(" of ")
                .append(total == 0 ? "?" : Integer.toString(total)).append(" done");
        if (!running.isEmpty()) {
            text.append("; running:");
            running.forEach((db, start) -> text.append(' ').append(db).append(" for ")
                    .append(String.format(Locale.ROOT, "%.0f s", (now - start) / 1e9)));
        }
        return text.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
