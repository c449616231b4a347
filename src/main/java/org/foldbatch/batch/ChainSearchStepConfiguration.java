package org.foldbatch.batch;

import java.util.Map;
import java.util.function.Function;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.pipeline.DataPipeline;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker steps of the gene and template searches, each searching one unique chain ({@link FoldJobConfiguration}
 * partitions), its progress stored and logged while it runs.
 */
@Configuration(proxyBeanMethods = false)
class ChainSearchStepConfiguration {

    /** What a chain's worker step does once its chain is found and its progress watched; returns items written. */
    private interface ChainSearch<C> {
        int run(FoldStep fold, C chain, SearchProgress watch);
    }

    /** Searches one unique chain against its databases, each search through the MSA cache, and stores the merge. */
    @Bean
    Step geneSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores, ProgressLog progress) {
        return chainStep(steps, progress, "geneSearchChain", SearchProgress.Kind.GENE, ChainKey::searchable, "chain",
                (fold, sequence, watch) -> {
                    int[] shardGroup = fold.shardGroup();
                    if (shardGroup != null) {
                        return stores.shardGroups(resources, fold.searchEngine(), fold.jobExecutionId(),
                                fold.stepName()).searchGroup(sequence, fold.chain().type(), shardGroup[0],
                                shardGroup[1], shardGroupParallelism(resources), resources.searchExecutor(),
                                resources.shardSearcher());
                    }
                    return stores.pipeline(resources, fold.searchEngine(), fold.jobExecutionId(), fold.stepName())
                            .searchChain(sequence, fold.chain().type(), watch.watching(resources.searchExecutor()),
                                    watch)
                            .runs().size();
                });
    }

    /**
     * Searches templates for one unique protein chain, through the template cache, from its stored merged MSA; its
     * progress (0 or 1 of 1, and which part runs for how long) is logged and stored as the gene search's is.
     */
    @Bean
    Step templateSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores,
            ProgressLog progress) {
        return chainStep(steps, progress, "templateSearchChain", SearchProgress.Kind.TEMPLATES,
                ChainKey::templateSearchable, "protein chain", (fold, chain, watch) -> {
                    DataPipeline pipeline = stores.pipeline(resources, fold.searchEngine(), null, fold.stepName());
                    watch.done(0, 1);
                    int kept = stores.templates(resources, fold.jobExecutionId(), fold.stepName())
                            .searched(chain, pipeline.unpairedProfile(chain), watch).size();
                    watch.done(1, 1);
                    return kept;
                });
    }

    /** The step searching the chain of {@code chains} its partition names ({@code what}, for the error if none). */
    private static <C> Step chainStep(FoldSteps steps, ProgressLog progress, String name, SearchProgress.Kind kind,
            Function<FoldInput, Map<ChainKey, C>> chains, String what, ChainSearch<C> search) {
        return steps.tasklet(name, fold -> {
            C chain = fold.chainIn(chains.apply(fold.input()), what);
            try (SearchProgress watch = progress.chainSearch(kind, fold)) {
                return search.run(fold, chain, watch);
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
