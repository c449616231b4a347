package org.foldbatch.batch;

import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The gene search: a manager step partitioned by unique chain, and the worker step that searches one chain. */
@Configuration(proxyBeanMethods = false)
class GeneSearchStepConfiguration {

    static final String STEP = "geneSearch";
    static final String WORKER_STEP = "geneSearchChain";

    @Bean
    Step geneSearch(JobRepository repository, Partitioner chainPartitioner, Step geneSearchChain,
            FoldbatchProperties properties, RemotePartitionHandlers remote) {
        return PartitionedSteps.manager(repository, STEP, WORKER_STEP, geneSearchChain, chainPartitioner, remote,
                Math.max(1, properties.search().parallelChains()));
    }

    @Bean
    @StepScope
    Partitioner chainPartitioner(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs) {
        return new ChainPartitioner(FoldJobParameters.Stages.fromLabel(stages).runsDataPipeline()
                ? ChainKey.searchable(inputs.get(inputHash)).keySet() : java.util.Set.of());
    }

    @Bean
    Step geneSearchChain(JobRepository repository, Tasklet geneSearchTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(WORKER_STEP, repository)
                .tasklet(geneSearchTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet geneSearchTasklet(
            @Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{stepExecutionContext['" + ChainPartitioner.TYPE + "']}") String type,
            @Value("#{stepExecutionContext['" + ChainPartitioner.SEQUENCE_SHA256 + "']}") String sequenceSha256,
            FoldInputs inputs, DataPipelineResources resources, PipelineStores stores,
            org.foldbatch.batch.jdbc.JdbcProgress progress,
            @Value("${foldbatch.progress.log-interval:10s}") java.time.Duration logInterval) {
        return new GeneSearchTasklet(inputs.get(inputHash),
                new ChainKey(org.foldbatch.msa.MoleculeType.valueOf(type), sequenceSha256), resources, stores,
                progress, logInterval);
    }
}
