package org.foldbatch.batch.campaign;

import java.nio.file.Path;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.FoldInputs;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.feature.TokenCount;
import org.foldbatch.report.CampaignReport;
import org.foldbatch.report.Reports;
import org.foldbatch.structure.ccd.Ccd;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The campaign job: pre-flight guard over every candidate, each unique chain's data pipeline once, then one fold job
 * per candidate still to run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignProperties.class)
class CampaignJobConfiguration {

    static final String JOB_NAME = "campaignJob";

    @Bean
    Job campaignJob(JobRepository repository, Step campaignPreflight, Step campaignDataPipeline, Step campaignFolds,
            JdbcCampaignStore store, JdbcFoldRunRegistry processes) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(new CampaignRunListener(store, processes))
                .start(campaignPreflight)
                .next(campaignDataPipeline)
                .next(campaignFolds)
                .build();
    }

    @Bean
    Step campaignPreflight(JobRepository repository, PlatformTransactionManager tx, JdbcCampaignStore store,
            FoldInputs inputs, TokenCounter tokenCounter) {
        return new StepBuilder("campaignPreflight", repository)
                .tasklet(new CampaignPreflightTasklet(store, inputs, tokenCounter), tx)
                .build();
    }

    @Bean
    Step campaignDataPipeline(JobRepository repository, JdbcCampaignStore store, FoldInputs inputs,
            FoldJobLauncher launcher) {
        return new SharedDataPipelineStep("campaignDataPipeline", repository, store, inputs, launcher);
    }

    @Bean
    Step campaignFolds(JobRepository repository, JdbcCampaignStore store, JdbcFoldInputStore foldInputs,
            FoldJobLauncher launcher, CampaignProperties properties, CampaignPages pages) {
        return new CampaignFoldsStep("campaignFolds", repository, store, foldInputs, launcher,
                properties.parallelFolds(), pages);
    }

    @Bean
    CampaignPages campaignPages(JdbcTemplate jdbc) {
        return new CampaignPages(new CampaignReport(new Reports(jdbc)));
    }

    @Bean
    JdbcCampaignStore campaignStore(JdbcTemplate jdbc) {
        return new JdbcCampaignStore(jdbc);
    }

    @Bean
    TokenCounter tokenCounter(CampaignProperties properties) {
        Ccd ccd = properties.ccdFile() == null ? Ccd.empty() : readCcd(properties.ccdFile());
        return input -> TokenCount.estimate(input, ccd);
    }

    private static Ccd readCcd(Path file) {
        try {
            return Ccd.load(file);
        } catch (RuntimeException e) {
            throw new FoldbatchException("foldbatch.campaign.ccd-file: " + e.getMessage(), e);
        }
    }

    @Bean
    CampaignLauncher campaignLauncher(Job campaignJob, JobOperator jobOperator, JobRepository repository,
            JdbcCampaignStore store, JdbcFoldInputStore inputs, CampaignPages pages) {
        return new CampaignLauncher(campaignJob, jobOperator, repository, store, inputs, pages);
    }
}
