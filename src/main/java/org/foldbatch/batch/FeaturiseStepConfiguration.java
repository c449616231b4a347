package org.foldbatch.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
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
 * the seed's feature batch in the weights-file record format, through a temporary file and an atomic rename.
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
            @Value("#{jobParameters['" + FoldJobParameters.OUTPUT_DIR + "']}") String outputDir,
            @Value("#{jobParameters['" + FoldJobParameters.JOB_DIR + "']}") String jobDir,
            @Value("#{stepExecutionContext['" + SeedPartitioner.SEED + "']}") Long seed, FoldInputs inputs,
            FeaturisationResources resources) {
        return (contribution, chunkContext) -> {
            String name = inputs.get(inputHash).sanitisedName();
            Path dir = FoldJobParameters.jobDir(outputDir, jobDir, name);
            Path dataJson = OutputFiles.dataJson(dir, name);
            FoldInput completed = new FoldInputLoader().load(dataJson).get(0);
            FeatureBatch batch = resources.featuriser().featurise(completed, seed);
            write(batch, OutputFiles.features(dir, name, seed));
            contribution.incrementWriteCount(batch.features().size());
            return RepeatStatus.FINISHED;
        };
    }

    private static void write(FeatureBatch batch, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                batch.write(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FoldbatchException(target + ": cannot write the feature batch: " + e.getMessage(), e);
        }
    }
}
