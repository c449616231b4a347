package org.foldbatch.batch;

import java.util.Set;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.pipeline.DataPipeline;
import org.foldbatch.batch.remote.Stage;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template search: partitioned by unique protein chain whose templates are unset. */
@Configuration(proxyBeanMethods = false)
class TemplateSearchStepConfiguration {

    static final String STEP = "templateSearch";
    static final String WORKER_STEP = "templateSearchChain";

    @Bean
    Step templateSearch(FoldSteps steps, Step templateSearchChain, FoldbatchProperties properties) {
        return steps.partitioned(STEP, Stage.SEARCH, templateSearchChain,
                Math.max(1, properties.search().parallelChains()),
                fold -> Partitions.byChain(fold.stages().runsDataPipeline()
                        ? ChainKey.templateSearchable(fold.input()).keySet() : Set.of()));
    }


    /** Searches templates for one unique protein chain, through the template cache, from its stored merged MSA. */
    @Bean
    Step templateSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores) {
        return steps.tasklet(WORKER_STEP, fold -> {
            ProteinChain chain = ChainKey.templateSearchable(fold.input()).get(fold.chain());
            if (chain == null) {
                throw new FoldbatchException(fold.input().name() + ": no protein chain with key "
                        + fold.chain().partitionName());
            }
            DataPipeline pipeline = stores.pipeline(resources, null, fold.stepName());
            return stores.templates(resources, fold.jobExecutionId(), fold.stepName())
                    .searched(chain, pipeline.unpairedProfile(chain)).size();
        });
    }
}
