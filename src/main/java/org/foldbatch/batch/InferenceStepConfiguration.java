package org.foldbatch.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.batch.jdbc.JdbcSampleResults;
import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.foldbatch.input.FoldInput;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.output.PredictionWriter;
import org.foldbatch.output.report.FoldPage;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Inference, one partition per seed (a restart reruns only seeds without finished results), then the ranking across
 * all seeds and samples: top-ranked files at the job's top level, {@code <name>_ranking_scores.csv} and the report
 * page {@code <name>_report.html}.
 */
@Configuration(proxyBeanMethods = false)
class InferenceStepConfiguration {

    static final String STEP = "inference";
    static final String WORKER_STEP = "inferSeed";
    static final String RANKING_STEP = "rankSamples";

    @Bean
    Step inference(JobRepository repository, Partitioner inferenceSeedPartitioner, Step inferSeed,
            RemotePartitionHandlers remote) {
        // One model per process, used by one seed at a time: its memory is the limit, not the cores.
        return PartitionedSteps.manager(repository, STEP, WORKER_STEP, inferSeed, inferenceSeedPartitioner, remote, 1);
    }

    @Bean
    @StepScope
    Partitioner inferenceSeedPartitioner(
            @Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs) {
        return new SeedPartitioner(FoldJobParameters.Stages.fromLabel(stages).runsInference()
                ? inputs.get(inputHash).modelSeeds() : List.of());
    }

    @Bean
    Step inferSeed(JobRepository repository, Tasklet inferSeedTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(WORKER_STEP, repository)
                .tasklet(inferSeedTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet inferSeedTasklet(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{stepExecutionContext['" + SeedPartitioner.SEED + "']}") Long seed, FoldInputs inputs,
            InferenceResources inference, FeaturisationResources featurisation, JdbcSampleResults results,
            JdbcProgress progress, @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {
        return (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            OutputLayout layout = FoldJobParameters.outputLayout(step.getJobParameters(), inputs.get(inputHash));
            List<JdbcSampleResults.SampleRow> rows;
            try (InferenceProgress watch = new InferenceProgress(layout.name() + " seed " + seed,
                    new InferenceProgress.Target(step.getId(), step.getJobExecutionId(), step.getStepName()), progress,
                    logInterval)) {
                rows = new SeedInference(inference, featurisation.ccd()).run(inputHash, layout, seed, watch);
            }
            results.replaceSeed(step.getJobExecutionId(), step.getJobExecution().getJobInstance().getInstanceId(),
                    inputHash, seed, rows);
            contribution.incrementWriteCount(rows.size());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step rankSamples(JobRepository repository, Tasklet rankSamplesTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(RANKING_STEP, repository)
                .tasklet(rankSamplesTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet rankSamplesTasklet(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs,
            JdbcSampleResults results) {
        return (contribution, chunkContext) -> {
            if (!FoldJobParameters.Stages.fromLabel(stages).runsInference()) {
                return RepeatStatus.FINISHED;
            }
            FoldInput input = inputs.get(inputHash);
            long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            List<Long> seedOrder = input.modelSeeds();
            List<PredictionWriter.SampleScore> scores = new ArrayList<>();
            results.scoresOfInstance(instance, inputHash).stream()
                    .sorted(Comparator.comparingInt((JdbcSampleResults.Score s) -> seedOrder.indexOf(s.seed()))
                            .thenComparingInt(JdbcSampleResults.Score::sample))
                    .forEach(s -> scores.add(new PredictionWriter.SampleScore(s.seed(), s.sample(), s.rankingScore())));
            OutputLayout layout = FoldJobParameters.outputLayout(contribution.getStepExecution().getJobParameters(),
                    input);
            new PredictionWriter(layout, null, null).writeRanking(scores);
            FoldPage.write(layout.jobDir());
            return RepeatStatus.FINISHED;
        };
    }
}
