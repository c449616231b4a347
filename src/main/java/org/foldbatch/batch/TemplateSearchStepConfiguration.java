package org.foldbatch.batch;

import java.time.Duration;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.pipeline.DataPipeline;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template search's worker step, one unique protein chain whose templates are unset. */
@Configuration(proxyBeanMethods = false)
class TemplateSearchStepConfiguration {

    static final String WORKER_STEP = "templateSearchChain";

    /**
     * Searches templates for one unique protein chain, through the template cache, from its stored merged MSA; its
     * progress (0 or 1 of 1, and which part runs for how long) is logged and stored as the gene search's is.
     */
    @Bean
    Step templateSearchChain(FoldSteps steps, DataPipelineResources resources, PipelineStores stores,
            JdbcProgress progress, @Value("${foldbatch.progress.log-interval:10s}") Duration logInterval) {
        return steps.tasklet(WORKER_STEP, fold -> {
            ProteinChain chain = ChainKey.templateSearchable(fold.input()).get(fold.chain());
            if (chain == null) {
                throw new FoldbatchException(fold.input().name() + ": no protein chain with key "
                        + fold.chain().partitionName());
            }
            DataPipeline pipeline = stores.pipeline(resources, fold.searchEngine(), null, fold.stepName());
            try (SearchProgress watch = new SearchProgress(SearchProgress.Kind.TEMPLATES,
                    fold.input().name() + " chain " + fold.chain().partitionName(), fold.progressTarget(), progress,
                    logInterval)) {
                watch.done(0, 1);
                int kept = stores.templates(resources, fold.jobExecutionId(), fold.stepName())
                        .searched(chain, pipeline.unpairedProfile(chain), watch).size();
                watch.done(1, 1);
                return kept;
            }
        });
    }
}
