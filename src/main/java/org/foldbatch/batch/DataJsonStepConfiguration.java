package org.foldbatch.batch;

import java.nio.file.Path;

import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.input.FoldInput;
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
            @Value("#{jobParameters['" + FoldJobParameters.OUTPUT_DIR + "']}") String outputDir,
            @Value("#{jobParameters['" + FoldJobParameters.JOB_DIR + "']}") String jobDir,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs,
            DataPipelineResources resources, JdbcMsaCache cache, JdbcTemplateCache templateCache,
            JdbcToolRunLog toolRuns) {
        return (contribution, chunkContext) -> {
            if (!FoldJobParameters.Stages.fromLabel(stages).runsDataPipeline()) {
                FoldInput input = inputs.get(inputHash);
                DataJsonWriter.write(input, FoldJobParameters.jobDir(outputDir, jobDir, input.sanitisedName()));
                return RepeatStatus.FINISHED;
            }
            CachedSearchExecutor cacheOnly = new CachedSearchExecutor(cache, toolRuns, null, null, STEP);
            CachedTemplateSearch templates = new CachedTemplateSearch(resources, templateCache, toolRuns, null, STEP);
            FoldInput completed = DataJsonWriter.withPipelineResults(inputs.get(inputHash), resources.chainSearch(),
                    cacheOnly, chain -> templates.cachedTemplatesFor(chain,
                            PipelineMsas.unpairedProfile(chain, resources, cacheOnly)));
            DataJsonWriter.write(completed, FoldJobParameters.jobDir(outputDir, jobDir, completed.sanitisedName()));
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        };
    }
}
