package org.foldbatch.batch;

import org.foldbatch.input.FoldInput;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.pipeline.CachedTemplates;
import org.foldbatch.pipeline.DataPipeline;
import org.foldbatch.pipeline.SearchEnginesJson;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Writes {@code <name>/<name>_data.json} from the input and the cached search results. */
@Configuration(proxyBeanMethods = false)
class DataJsonStepConfiguration {

    static final String STEP = "writeDataJson";

    @Bean
    Step writeDataJson(JobRepository repository, Tasklet writeDataJsonTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(STEP, repository)
                .tasklet(writeDataJsonTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet writeDataJsonTasklet(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs,
            DataPipelineResources resources, PipelineStores stores) {
        return (contribution, chunkContext) -> {
            OutputLayout layout = FoldJobParameters.outputLayout(contribution.getStepExecution().getJobParameters(),
                    inputs.get(inputHash));
            if (!FoldJobParameters.Stages.fromLabel(stages).runsDataPipeline()) {
                layout.writeDataJson(inputs.get(inputHash));
                return RepeatStatus.FINISHED;
            }
            StepExecution step = contribution.getStepExecution();
            DataPipeline pipeline = stores.pipeline(resources, step, null, STEP);
            CachedTemplates templates = stores.templates(resources, null, STEP);
            FoldInput completed = pipeline.complete(inputs.get(inputHash),
                    chain -> templates.stored(chain, pipeline.unpairedProfile(chain)));
            layout.writeDataJson(completed);
            layout.writeSearchEngines(SearchEnginesJson.of(resources
                    .plan(FoldJobParameters.searchEngine(step.getJobParameters())).config(), completed));
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        };
    }
}
