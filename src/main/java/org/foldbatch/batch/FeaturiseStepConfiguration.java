package org.foldbatch.batch;

import java.util.List;

import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Featurisation, one partition per seed: reads {@code <name>_data.json} (what AlphaFold 3 featurises too) and writes
 * the seed's feature batch in the weights-file record format where the {@link OutputLayout} puts it.
 */
@Configuration(proxyBeanMethods = false)
class FeaturiseStepConfiguration {

    static final String STEP = "featurise";
    static final String WORKER_STEP = "featuriseSeed";

    @Bean
    Step featurise(JobRepository repository, Partitioner seedPartitioner, Step featuriseSeed,
            RemotePartitionHandlers remote) {
        return PartitionedSteps.manager(repository, STEP, WORKER_STEP, featuriseSeed, seedPartitioner, remote, 1);
    }

    @Bean
    @StepScope
    Partitioner seedPartitioner(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs) {
        return new SeedPartitioner(FoldJobParameters.Stages.fromLabel(stages).runsFeaturisation()
                ? inputs.get(inputHash).modelSeeds() : List.of());
    }

    @Bean
    Step featuriseSeed(JobRepository repository, Tasklet featuriseSeedTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(WORKER_STEP, repository)
                .tasklet(featuriseSeedTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet featuriseSeedTasklet(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{stepExecutionContext['" + SeedPartitioner.SEED + "']}") Long seed, FoldInputs inputs,
            FeaturisationResources resources) {
        return (contribution, chunkContext) -> {
            OutputLayout layout = FoldJobParameters.outputLayout(contribution.getStepExecution().getJobParameters(),
                    inputs.get(inputHash));
            FeatureBatch batch = resources.featuriser().featurise(layout.readDataJson(), seed);
            layout.writeFeatures(seed, batch);
            contribution.incrementWriteCount(batch.features().size());
            return RepeatStatus.FINISHED;
        };
    }
}
