package org.foldbatch.batch;

import java.time.Duration;
import java.util.Set;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.batch.remote.Stage;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gene search: a manager step partitioned by unique chain, and the worker step that searches one chain. */
@Configuration(proxyBeanMethods = false)
class GeneSearchStepConfiguration {

    static final String STEP = "geneSearch";
    static final String WORKER_STEP = "geneSearchChain";

    @Bean
    Step geneSearch(FoldSteps steps, Step geneSearchChain, FoldbatchProperties properties) {
        return steps.partitioned(STEP, Stage.SEARCH, geneSearchChain, Math.max(1, properties.search().parallelChains()),
                fold -> Partitions.byChain(fold.stages().runsDataPipeline()
                        ? ChainKey.searchable(fold.input()).keySet() : Set.of()));
    }

    /** Searches one unique chain against its databases, each search through the MSA cache, and stores the merge. */
    @Bean
    Step geneSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores,
            JdbcProgress progress, @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {
        return steps.tasklet(WORKER_STEP, fold -> {
            String sequence = ChainKey.searchable(fold.input()).get(fold.chain());
            if (sequence == null) {
                throw new FoldbatchException(fold.input().name() + ": no chain with key " + fold.chain().partitionName());
            }
            try (SearchProgress watch = new SearchProgress(fold.input().name() + " chain " + fold.chain().partitionName(),
                    fold.progressTarget(), progress, logInterval)) {
                return stores.pipeline(resources, fold.jobExecutionId(), fold.stepName())
                        .searchChain(sequence, fold.chain().type(), watch.watching(resources.searchExecutor()), watch)
                        .runs().size();
            }
        });
    }
}
