package org.foldbatch.batch;

import java.util.List;

import org.foldbatch.input.FoldInputValidator;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * First step: the stored input parses, and the tools and databases it needs exist on the machine running the job
 * (which, with remote workers, need not be the one that launched it).
 */
@Configuration(proxyBeanMethods = false)
class ValidateInputStepConfiguration {

    static final String STEP = "validateInput";

    @Bean
    Step validateInput(FoldSteps steps, Preflight preflight) {
        return steps.tasklet(STEP, fold -> {
            if (fold.stages().runsDataPipeline()) {
                preflight.check(List.of(fold.input()));
            } else {
                FoldInputValidator.requireDataComplete(fold.input());
            }
            return 0;
        });
    }
}
