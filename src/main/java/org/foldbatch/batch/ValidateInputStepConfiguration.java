package org.foldbatch.batch;

import java.util.List;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputValidator;
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

/**
 * First step: the stored input parses, and the tools and databases it needs exist on the machine running the job
 * (which, with remote workers, need not be the one that launched it).
 */
@Configuration(proxyBeanMethods = false)
class ValidateInputStepConfiguration {

    static final String STEP = "validateInput";

    @Bean
    Step validateInput(JobRepository repository, Tasklet validateInputTasklet, PlatformTransactionManager tx) {
        return new StepBuilder(STEP, repository)
                .tasklet(validateInputTasklet, tx)
                .listener(new StepProgressListener())
                .build();
    }

    @Bean
    @StepScope
    Tasklet validateInputTasklet(@Value("#{jobParameters['" + FoldJobParameters.INPUT_HASH + "']}") String inputHash,
            @Value("#{jobParameters['" + FoldJobParameters.STAGES + "']}") String stages, FoldInputs inputs,
            Preflight preflight) {
        return (contribution, chunkContext) -> {
            FoldInput input = inputs.get(inputHash);
            if (FoldJobParameters.Stages.fromLabel(stages).runsDataPipeline()) {
                preflight.check(List.of(input));
            } else {
                FoldInputValidator.requireDataComplete(input);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
