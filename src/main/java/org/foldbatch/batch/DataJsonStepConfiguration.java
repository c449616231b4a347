package org.foldbatch.batch;

import org.foldbatch.input.FoldInput;
import org.foldbatch.pipeline.CachedTemplates;
import org.foldbatch.pipeline.DataPipeline;
import org.foldbatch.pipeline.SearchEnginesJson;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Writes {@code <name>/<name>_data.json} from the input and the cached search results. */
@Configuration(proxyBeanMethods = false)
class DataJsonStepConfiguration {

    static final String STEP = "writeDataJson";

    @Bean
    Step writeDataJson(FoldSteps steps, DataPipelineResources resources, PipelineStores stores) {
        return steps.tasklet(STEP, fold -> {
            if (!fold.stages().runsDataPipeline()) {
                fold.layout().writeDataJson(fold.input());
                return 0;
            }
            DataPipeline pipeline = stores.pipeline(resources, fold.searchEngine(), null, STEP);
            CachedTemplates templates = stores.templates(resources, null, STEP);
            FoldInput completed = pipeline.complete(fold.input(),
                    chain -> templates.stored(chain, pipeline.unpairedProfile(chain)));
            fold.layout().writeDataJson(completed);
            fold.layout().writeSearchEngines(
                    SearchEnginesJson.of(resources.plan(fold.searchEngine()).config(), completed));
            return 1;
        });
    }
}
