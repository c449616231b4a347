package org.foldbatch.batch;

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
            preflight.checkFold(fold.stages(), fold.input(), fold.searchEngine());
            return 0;
        });
    }
}
