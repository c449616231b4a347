package org.foldbatch.batch;

import org.foldbatch.batch.jdbc.CacheLookupLog;
import org.foldbatch.batch.jdbc.JdbcChainMsaStore;
import org.foldbatch.batch.jdbc.JdbcConformerCache;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.batch.jdbc.JdbcSampleResults;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.batch.jdbc.NewTransactions;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The JDBC repositories and services around the fold job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FoldbatchProperties.class)
class InfrastructureConfiguration {

    @Bean
    CacheLookupLog cacheLookupLog(JdbcTemplate jdbc) {
        return new CacheLookupLog(jdbc);
    }

    @Bean
    NewTransactions newTransactions(PlatformTransactionManager transactionManager) {
        return new NewTransactions(transactionManager);
    }

    @Bean
    JdbcMsaCache msaCache(JdbcTemplate jdbc, CacheLookupLog lookups, NewTransactions writes) {
        return new JdbcMsaCache(jdbc, lookups, writes);
    }

    @Bean
    JdbcTemplateCache templateCache(JdbcTemplate jdbc, CacheLookupLog lookups, NewTransactions writes) {
        return new JdbcTemplateCache(jdbc, lookups, writes);
    }

    @Bean
    PipelineStores pipelineStores(JdbcMsaCache msaCache, JdbcTemplateCache templateCache, JdbcToolRunLog toolRuns,
            JdbcTemplate jdbc, NewTransactions writes) {
        return new PipelineStores(msaCache, templateCache, toolRuns, new JdbcChainMsaStore(jdbc, writes));
    }

    @Bean
    JdbcToolRunLog toolRunLog(JdbcTemplate jdbc, NewTransactions writes) {
        return new JdbcToolRunLog(jdbc, writes);
    }

    @Bean
    JdbcFoldInputStore foldInputStore(JdbcTemplate jdbc) {
        return new JdbcFoldInputStore(jdbc);
    }

    @Bean
    JdbcFoldRunRegistry foldRunRegistry(JdbcTemplate jdbc) {
        return new JdbcFoldRunRegistry(jdbc);
    }

    @Bean
    JobHistory jobHistory(JdbcTemplate jdbc, JobRepository repository, FoldInputs inputs) {
        return new JobHistory(jdbc, repository, inputs);
    }

    @Bean
    FoldInputs foldInputs(JdbcFoldInputStore store) {
        return new FoldInputs(store);
    }

    @Bean
    DataPipelineResources dataPipelineResources(FoldbatchProperties properties) {
        return new DataPipelineResources(properties);
    }

    @Bean
    JdbcConformerCache conformerCache(JdbcTemplate jdbc, NewTransactions writes) {
        return new JdbcConformerCache(jdbc, writes);
    }

    @Bean
    FeaturisationResources featurisationResources(FoldbatchProperties properties, JdbcConformerCache conformers) {
        return new FeaturisationResources(properties, conformers);
    }

    @Bean
    JdbcProgress progress(JdbcTemplate jdbc, NewTransactions writes) {
        return new JdbcProgress(jdbc, writes);
    }

    @Bean
    JdbcSampleResults sampleResults(JdbcTemplate jdbc) {
        return new JdbcSampleResults(jdbc);
    }

    @Bean(destroyMethod = "close")
    InferenceResources inferenceResources(FoldbatchProperties properties) {
        return new InferenceResources(properties);
    }

    @Bean
    Preflight preflight(DataPipelineResources resources, FeaturisationResources featurisation,
            InferenceResources inference) {
        return new Preflight(resources, featurisation, inference);
    }

    @Bean
    FoldJobLauncher foldJobLauncher(Job foldJob, JobOperator jobOperator, JobRepository jobRepository,
            JdbcFoldInputStore inputs, JdbcFoldRunRegistry runs) {
        return new FoldJobLauncher(foldJob, jobOperator, jobRepository, inputs, runs);
    }
}
