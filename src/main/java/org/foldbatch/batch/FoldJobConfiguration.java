package org.foldbatch.batch;

import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fold job: validate and register the input, gene search and template search (each partitioned by unique chain
 * sequence), then write {@code <name>_data.json}. Later stages (templates, featurisation, inference) slot in as further steps.
 */
@Configuration(proxyBeanMethods = false)
class FoldJobConfiguration {

    static final String JOB_NAME = "foldJob";

    @Bean
    Job foldJob(JobRepository repository, Step validateInput, Step geneSearch, Step templateSearch,
            Step writeDataJson, Step featurise, Step inference, Step rankSamples,
            JdbcFoldRunRegistry runs) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(new FoldRunListener(runs))
                .start(validateInput)
                .next(geneSearch)
                .next(templateSearch)
                .next(writeDataJson)
                .next(featurise)
                .next(inference)
                .next(rankSamples)
                .build();
    }
}
