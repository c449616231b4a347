package org.foldbatch.batch;

import java.time.Duration;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.pipeline.ShardGroupSearch;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gene search's worker step, which searches one unique chain ({@link FoldJobConfiguration} partitions). */
@Configuration(proxyBeanMethods = false)
class GeneSearchStepConfiguration {

    static final String WORKER_STEP = "geneSearchChain";

    /** Searches one unique chain against its databases, each search through the MSA cache, and stores the merge. */
    @Bean
    Step geneSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores,
            JdbcProgress progress, @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {
        return steps.tasklet(WORKER_STEP, fold -> {
            String sequence = ChainKey.searchable(fold.input()).get(fold.chain());
            if (sequence == null) {
                throw new FoldbatchException(fold.input().name() + ": no chain with key " + fold.chain().partitionName());
            }
            try (SearchProgress watch = new SearchProgress(SearchProgress.Kind.GENE,
                    fold.input().name() + " chain " + fold.chain().partitionName(),
                    fold.progressTarget(), progress, logInterval)) {
                int[] shardGroup = fold.shardGroup();
                if (shardGroup != null) {
                    return stores.shardGroups(resources, fold.searchEngine(), fold.jobExecutionId(), fold.stepName()).searchGroup(sequence,
                            fold.chain().type(), shardGroup[0], shardGroup[1], shardGroupParallelism(resources),
                            resources.searchExecutor(),
                            resources.shardSearcher());
                }
                return stores.pipeline(resources, fold.searchEngine(), fold.jobExecutionId(), fold.stepName())
                        .searchChain(sequence, fold.chain().type(), watch.watching(resources.searchExecutor()), watch)
                        .runs().size();
            }
        });
    }

    /**
     * Tool runs of one shard-group partition at once: as one process searching the chain would run them (its
     * parallel searches, each with its parallel shards; all shards when unset). The memory budget bounds them too.
     */
    private static int shardGroupParallelism(DataPipelineResources resources) {
        FoldbatchProperties.Search s = resources.properties().search();
        return s.maxParallelShards() > 0 ? s.maxParallelSearches() * s.maxParallelShards() : Integer.MAX_VALUE;
    }
}
