package org.foldbatch.batch;

import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.batch.remote.RemotePartitionHandlers;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The fold job: validate the input, gene search and template search (each partitioned by unique chain sequence),
 * {@code <name>_data.json}, featurisation and inference (each partitioned by seed), then the ranking.
 */
@Configuration(proxyBeanMethods = false)
class FoldJobConfiguration {

    static final String JOB_NAME = "foldJob";

    @Bean
    FoldSteps foldSteps(JobRepository repository, PlatformTransactionManager tx, FoldInputs inputs,
            RemotePartitionHandlers remote) {
        return new FoldSteps(repository, tx, inputs, remote);
    }

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
