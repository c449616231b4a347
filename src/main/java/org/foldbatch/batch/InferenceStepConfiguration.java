package org.foldbatch.batch;

import java.util.Comparator;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcSampleResults;
import org.foldbatch.output.PredictionWriter;
import org.foldbatch.output.report.FoldPage;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inference of one seed (a partition of {@link FoldJobConfiguration}'s inference step; a restart reruns only seeds without finished results), then the ranking across
 * all seeds and samples: top-ranked files at the job's top level, {@code <name>_ranking_scores.csv} and the report
 * page {@code <name>_report.html}.
 */
@Configuration(proxyBeanMethods = false)
class InferenceStepConfiguration {

    static final String WORKER_STEP = "inferSeed";
    static final String RANKING_STEP = "rankSamples";

    @Bean
    Step inferSeed(FoldSteps steps, InferenceResources inference, FeaturisationResources featurisation,
            JdbcSampleResults results, ProgressLog progress) {
        return steps.tasklet(WORKER_STEP, fold -> {
            List<JdbcSampleResults.SampleRow> rows;
            try (SeedProgress watch = progress.seed(fold)) {
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
