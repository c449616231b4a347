package org.foldbatch.batch;

import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Featurisation of one seed (a partition of {@link FoldJobConfiguration}'s featurise step): reads {@code <name>_data.json} (what AlphaFold 3 featurises too) and writes
 * the seed's feature batch in the weights-file record format where the {@link OutputLayout} puts it.
 */
@Configuration(proxyBeanMethods = false)
class FeaturiseStepConfiguration {

    static final String WORKER_STEP = "featuriseSeed";

    @Bean
    Step featuriseSeed(FoldSteps steps, FeaturisationResources resources) {
        return steps.tasklet(WORKER_STEP, fold -> {
            FeatureBatch batch = resources.featuriser().featurise(fold.layout().readDataJson(), fold.seed());
            fold.layout().writeFeatures(fold.seed(), batch);
            return batch.features().size();
        });
    }
}
