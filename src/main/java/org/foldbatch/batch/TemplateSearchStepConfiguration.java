package org.foldbatch.batch;

import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.msa.MoleculeType;
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

/** The template search: partitioned by unique protein chain whose templates are unset. */
@Configuration(proxyBeanMethods = false)
class TemplateSearchStepConfiguration {

    static final String STEP = "templateSearch";
    static final String WORKER_STEP = "templateSearchChain";

    @Bean
    Step templateSearch(JobRepository repository, Partitioner templateChainPartitioner, Step templateSearchChain,
            FoldbatchProperties properties, RemotePartitionHandlers remote) {
        return PartitionedSteps.manager(repository, STEP, WORKER_STEP, templateSearchChain, templateChainPartitioner,
                remote, Math.max(1, properties.search().parallelChains()));
    }

    @Bean
    @StepScope
    Partitioner templateChainPartitioner(
            @Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs) {
        return new ChainPartitioner(FoldJobParameters.Stages.fromLabel(stages).runsDataPipeline()
                ? ChainKey.templateSearchable(inputs.get(inputHash)).keySet() : java.util.Set.of());
    }

    @Bean
    Step templateSearchChain(JobRepository repository, Tasklet templateSearchTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(WORKER_STEP, repository)
                .tasklet(templateSearchTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet templateSearchTasklet(
            @Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{stepExecutionContext['" + ChainPartitioner.SEQUENCE_SHA256 + "']}") String sequenceSha256,
            FoldInputs inputs, DataPipelineResources resources, PipelineStores stores) {
        return new TemplateSearchTasklet(inputs.get(inputHash), new ChainKey(MoleculeType.PROTEIN, sequenceSha256),
                resources, stores);
    }
}
