package org.foldbatch.batch;

import java.time.Duration;

import org.foldbatch.batch.jdbc.JdbcProgress;
import org.springframework.beans.factory.annotation.Value;

/**
 * Where the partitions that run long (a chain's searches, a seed's inference) store their progress, and how often
 * they log it.
 */
record ProgressLog(JdbcProgress store, @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {

    /** The progress of the searches of {@code fold}'s chain. */
    SearchProgress chainSearch(SearchProgress.Kind kind, FoldStep fold) {
        return new SearchProgress(kind, fold.input().name() + " chain " + fold.chain().partitionName(),
                fold.progressTarget(), store, logInterval);
    }

    /** The progress of {@code fold}'s seed through inference. */
    SeedProgress seed(FoldStep fold) {
        return new SeedProgress(fold.layout().name() + " seed " + fold.seed(), fold.progressTarget(), store,
                logInterval);
    }
}
