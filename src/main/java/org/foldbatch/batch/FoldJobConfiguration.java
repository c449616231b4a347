package org.foldbatch.batch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.batch.remote.Stage;
import org.foldbatch.input.FoldInput;
import org.foldbatch.pipeline.ShardGroupSearch;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The fold job: validate the input, gene search and template search (each partitioned by unique chain sequence),
 * {@code <name>_data.json}, featurisation and inference (each partitioned by seed), then the ranking.
 */
@Configuration(proxyBeanMethods = false)
class FoldJobConfiguration {

    static final String JOB_NAME = "foldJob";

    @Bean
    FoldSteps foldSteps(JobRepository repository, PlatformTransactionManager tx, FoldInputs inputs,
            RemotePartitionHandlers remote) {
        return new FoldSteps(repository, tx, inputs, remote);
    }

    /** The stages in order; the searches split by unique chain, featurisation and inference by model seed. */
    @Bean
    Job foldJob(JobRepository repository, FoldSteps steps, FoldbatchProperties properties, Step validateInput,
            Step geneSearchChain, Step templateSearchChain, Step writeDataJson, Step featuriseSeed, Step inferSeed,
            Step rankSamples, JdbcFoldRunRegistry runs, DataPipelineResources resources, PipelineStores stores,
            FeaturisationResources featurisation) {
        int chainsAtOnce = Math.max(1, properties.search().parallelChains());
        return new JobBuilder(JOB_NAME, repository)
                .listener(new FoldRunListener(runs))
                .start(validateInput)
                .next(geneSearch(steps, geneSearchChain, chainsAtOnce, properties.search().shardGroups(), resources,
                        stores))
                .next(byChain(steps, "templateSearch", templateSearchChain, chainsAtOnce, ChainKey::templateSearchable))
                .next(writeDataJson)
                .next(bySeed(steps, "featurise", Stage.FEATURISE, featuriseSeed, Stages::runsFeaturisation))
                .next(steps.partitioned("inference", Stage.INFERENCE, inferSeed, 1, seeds(Stages::runsInference),
                        fold -> featurisation.bucketOf(fold.input())))
                .next(rankSamples)
                .build();
    }

    /** One partition per chain key that {@code keys} picks; none when the job does not run the data pipeline. */
    private static Step byChain(FoldSteps steps, String name, Step worker, int concurrency,
            Function<FoldInput, Map<ChainKey, ?>> keys) {
        return steps.partitioned(name, Stage.SEARCH, worker, concurrency, fold -> Partitions.byChain(
                fold.stages().runsDataPipeline() ? keys.apply(fold.input()).keySet() : Set.of()));
    }

    /**
     * One partition per searchable chain or, with {@code foldbatch.search.shard-groups} above 1, per chain and group
     * of its sharded databases' shards (each group searched where its partition runs, merged when read).
     */
    private static Step geneSearch(FoldSteps steps, Step worker, int concurrency, int shardGroups,
            DataPipelineResources resources, PipelineStores stores) {
        if (shardGroups <= 1) {
            return byChain(steps, "geneSearch", worker, concurrency, ChainKey::searchable);
        }
        return steps.partitioned("geneSearch", Stage.SEARCH, worker, concurrency, fold -> {
            Map<ChainKey, String> chains = fold.stages().runsDataPipeline() ? ChainKey.searchable(fold.input())
                    : Map.of();
            ShardGroupSearch groups = stores.shardGroups(resources, fold.searchEngine(), null, "geneSearch");
            return Partitions.byChainAndShardGroup(chains.keySet(),
                    key -> groups.groupsFor(chains.get(key), key.type(), shardGroups));
        });
    }

    /**
     * One partition per model seed, one at a time (inference holds one model per process, used by one seed at a
     * time: its memory is the limit, not the cores); none when the job does not run the stage.
     */
    private static Step bySeed(FoldSteps steps, String name, Stage stage, Step worker, Predicate<Stages> runs) {
        return steps.partitioned(name, stage, worker, 1, seeds(runs));
    }

    private static Function<FoldStep, Partitioner> seeds(Predicate<Stages> runs) {
        return fold -> Partitions.bySeed(runs.test(fold.stages()) ? fold.input().modelSeeds() : List.of());
    }
}
