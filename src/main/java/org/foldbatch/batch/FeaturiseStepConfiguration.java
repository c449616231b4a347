package org.foldbatch.batch;

import java.util.List;

import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.batch.remote.Stage;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Featurisation, one partition per seed: reads {@code <name>_data.json} (what AlphaFold 3 featurises too) and writes
 * the seed's feature batch in the weights-file record format where the {@link OutputLayout} puts it.
 */
@Configuration(proxyBeanMethods = false)
class FeaturiseStepConfiguration {

    static final String STEP = "featurise";
    static final String WORKER_STEP = "featuriseSeed";

    @Bean
    Step featurise(FoldSteps steps, Step featuriseSeed) {
        return steps.partitioned(STEP, Stage.FEATURISE, featuriseSeed, 1,
                fold -> Partitions.bySeed(fold.stages().runsFeaturisation() ? fold.input().modelSeeds() : List.of()));
    }


    @Bean
    Step featuriseSeed(FoldSteps steps, FeaturisationResources resources) {
        return steps.tasklet(WORKER_STEP, fold -> {
            FeatureBatch batch = resources.featuriser().featurise(fold.layout().readDataJson(), fold.seed());
            fold.layout().writeFeatures(fold.seed(), batch);
            return batch.features().size();
        });
    }
}
