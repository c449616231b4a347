package org.foldbatch.batch;

import javax.sql.DataSource;

import org.foldbatch.batch.jdbc.CacheLookupLog;
import org.foldbatch.batch.jdbc.JdbcChainMsaStore;
import org.foldbatch.batch.jdbc.JdbcShardResults;
import org.foldbatch.batch.jdbc.JdbcConformerCache;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.batch.jdbc.JdbcFoldRunRegistry;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcOutputFolders;
import org.foldbatch.batch.jdbc.JdbcProgress;
import org.foldbatch.batch.jdbc.JdbcSampleResults;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.batch.jdbc.JdbcWorkClaims;
import org.foldbatch.batch.jdbc.NewTransactions;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The JDBC repositories and services around the fold job. Each imported class has one constructor whose parameters
 * are other beans, so Spring builds it. Classes with a second constructor get a factory method: Spring would pick
 * their no-argument one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FoldbatchProperties.class)
@Import({CacheLookupLog.class, JdbcChainMsaStore.class, JdbcShardResults.class, JdbcFoldInputStore.class, JdbcFoldRunRegistry.class,
        JdbcOutputFolders.class, JdbcProgress.class, ProgressLog.class, JdbcConformerCache.class, JdbcSampleResults.class, PipelineStores.class, JobHistory.class, FoldInputs.class, DataPipelineResources.class, FeaturisationResources.class,
        InferenceResources.class, Preflight.class, FoldJobLauncher.class})
class InfrastructureConfiguration {

    /** Every use of the database gives up at once after it became unreachable (see {@link FailFastDataSource}). */
    @Bean
    static BeanPostProcessor failFastDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof FailFastDataSource)
                        ? new FailFastDataSource(ds) : bean;
            }
        };
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
    JdbcWorkClaims workClaims(JdbcTemplate jdbc, NewTransactions own, FoldbatchProperties properties) {
        return new JdbcWorkClaims(jdbc, own, properties.search().claimTimeout());
    }

    @Bean
    JdbcToolRunLog toolRunLog(JdbcTemplate jdbc, NewTransactions writes) {
        return new JdbcToolRunLog(jdbc, writes);
    }
}
