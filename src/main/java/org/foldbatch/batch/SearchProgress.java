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
import org.foldbatch.template.TemplateSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one chain's gene or template search is: searches k of n done, and what runs (each database searched by a
 * tool, or the template search's current part) with how long it has run. A tick every second stores the line in
 * {@code fb_progress}; it is logged at most every {@code logInterval}. Searches answered by the cache start no tool
 * and only count as done.
 */
final class SearchProgress implements DataPipeline.SearchDone, TemplateSearch.Watch, AutoCloseable {

    /** Which search: the step named in log lines, the {@code fb_progress} phase, and what is counted. */
    record Kind(String step, String phase, String noun) {
        static final Kind GENE = new Kind("geneSearch", "search", "searches");
        static final Kind TEMPLATES = new Kind("templateSearch", "templates", "template searches");
    }

    private static final Logger log = LoggerFactory.getLogger("org.foldbatch.progress");

    private final Kind kind;
    private final String subject;
    private final SeedProgress.Target target;
    private final JdbcProgress store;
    private final long logEveryNanos;
    private final Map<String, Long> running = new TreeMap<>();
    private final ScheduledExecutorService ticker;
    private int done;
    private int total;
    private long lastLog = Long.MIN_VALUE;

    SearchProgress(Kind kind, String subject, SeedProgress.Target target, JdbcProgress store, Duration logInterval) {
        this.kind = kind;
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

    /** What runs now replaces what ran before: the template search's parts run one after another. */
    @Override
    public void running(String what) {
        synchronized (this) {
            running.clear();
            running.put(what, System.nanoTime());
        }
        report(false);
    }

    @Override
    public void finished(SearchRequest request, int done, int total) {
        done(done, total);
    }

    /** {@code done} of {@code total} searches finished; at n of n nothing runs any more. */
    void done(int done, int total) {
        synchronized (this) {
            this.done = done;
            this.total = total;
            if (done == total) {
                running.clear();
            }
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
            log.info("[{}] {}", kind.step(), line);
        }
        synchronized (store) { // one writer at a time per process keeps the stored line the latest
            store.record(target.stepExecutionId(), target.jobExecutionId(), target.stepName(), kind.phase(), k, n,
                    line);
        }
    }

    private synchronized String currentLine() {
        long now = System.nanoTime();
        StringBuilder text = new StringBuilder(subject).append(": ").append(kind.noun()).append(' ').append(done)
                .append(" of ").append(total == 0 ? "?" : Integer.toString(total)).append(" done");
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
