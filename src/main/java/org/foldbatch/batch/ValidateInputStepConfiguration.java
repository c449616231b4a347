package org.foldbatch.batch;


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
            preflight.checkFold(FoldJobParameters.Stages.fromLabel(stages), inputs.get(inputHash));
            return RepeatStatus.FINISHED;
        };
    }
}
