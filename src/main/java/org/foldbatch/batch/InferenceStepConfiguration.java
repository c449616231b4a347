package org.foldbatch.batch;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.batch.jdbc.JdbcSampleResults;
import org.foldbatch.batch.remote.Stage;
import org.foldbatch.output.PredictionWriter;
import org.foldbatch.output.report.FoldPage;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    Step inference(FoldSteps steps, Step inferSeed, FeaturisationResources featurisation) {
        // One model per process, used by one seed at a time: its memory is the limit, not the cores.
        return steps.partitioned(STEP, Stage.INFERENCE, inferSeed, 1,
                fold -> Partitions.bySeed(fold.stages().runsInference() ? fold.input().modelSeeds() : List.of()),
                fold -> featurisation.bucketOf(fold.input()));
    }


    @Bean
    Step inferSeed(FoldSteps steps, InferenceResources inference, FeaturisationResources featurisation,
            JdbcSampleResults results, JdbcProgress progress,
            @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {
        return steps.tasklet(WORKER_STEP, fold -> {
            List<JdbcSampleResults.SampleRow> rows;
            try (SeedProgress watch = new SeedProgress(fold.layout().name() + " seed " + fold.seed(),
                    fold.progressTarget(), progress, logInterval)) {
                rows = new SeedInference(inference, featurisation.ccd())
                        .run(fold.inputHash(), fold.layout(), fold.seed(), watch);
            }
            results.replaceSeed(fold.jobExecutionId(), fold.jobInstanceId(), fold.inputHash(), fold.seed(), rows);
            return rows.size();
        });
    }

    @Bean
    Step rankSamples(FoldSteps steps, JdbcSampleResults results) {
        return steps.tasklet(RANKING_STEP, fold -> {
            if (!fold.stages().runsInference()) {
                return 0;
            }
            List<Long> seedOrder = fold.input().modelSeeds();
            List<PredictionWriter.SampleScore> scores = results.scoresOfInstance(fold.jobInstanceId(), fold.inputHash())
                    .stream()
                    .sorted(Comparator.comparingInt((JdbcSampleResults.Score s) -> seedOrder.indexOf(s.seed()))
                            .thenComparingInt(JdbcSampleResults.Score::sample))
                    .map(s -> new PredictionWriter.SampleScore(s.seed(), s.sample(), s.rankingScore()))
                    .toList();
            new PredictionWriter(fold.layout(), null, null).writeRanking(scores);
            FoldPage.write(fold.layout().jobDir());
            return 0;
        });
    }
}
