package org.foldbatch.batch;

import java.util.Set;

import org.foldbatch.FoldbatchException;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gene search: a manager step partitioned by unique chain, and the worker step that searches one chain. */
@Configuration(proxyBeanMethods = false)
class GeneSearchStepConfiguration {

    static final String STEP = "geneSearch";
    static final String WORKER_STEP = "geneSearchChain";

    @Bean
    Step geneSearch(FoldSteps steps, Step geneSearchChain, FoldbatchProperties properties) {
        return steps.partitioned(STEP, geneSearchChain, Math.max(1, properties.search().parallelChains()),
                fold -> Partitions.byChain(fold.stages().runsDataPipeline()
                        ? ChainKey.searchable(fold.input()).keySet() : Set.of()));
    }


    /** Searches one unique chain against its databases, each search through the MSA cache, and stores the merge. */
    @Bean
    Step geneSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores) {
        return steps.tasklet(WORKER_STEP, fold -> {
            String sequence = ChainKey.searchable(fold.input()).get(fold.chain());
            if (sequence == null) {
                throw new FoldbatchException(fold.input().name() + ": no chain with key " + fold.chain().partitionName());
            }
            return stores.pipeline(resources, fold.jobExecutionId(), fold.stepName())
                    .searchChain(sequence, fold.chain().type(), resources.searchExecutor()).runs().size();
        });
    }
}
