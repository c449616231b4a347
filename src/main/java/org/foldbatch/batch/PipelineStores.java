package org.foldbatch.batch;

import org.foldbatch.batch.jdbc.JdbcChainMsaStore;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.batch.jdbc.StepSearchCache;
import org.foldbatch.batch.jdbc.StepTemplateCache;
import org.foldbatch.pipeline.CachedTemplates;
import org.foldbatch.pipeline.DataPipeline;
import org.springframework.batch.core.step.StepExecution;

/**
 * The JDBC stores behind the data pipeline, handed to each data-pipeline step as the plain service it calls.
 *
 * @param jobExecutionId of the step asking; null for a step whose lookups are re-reads, not cache statistics
 */
record PipelineStores(JdbcMsaCache msaCache, JdbcTemplateCache templateCache, JdbcToolRunLog toolRuns,
        JdbcChainMsaStore chainMsas) {

    /** @param step the asking step, whose job parameters may choose the search engine */
    DataPipeline pipeline(DataPipelineResources resources, StepExecution step, Long jobExecutionId, String stepName) {
        return new DataPipeline(resources.chainSearch(FoldJobParameters.searchEngine(step.getJobParameters())),
                new StepSearchCache(msaCache, toolRuns, jobExecutionId, stepName), chainMsas);
    }

    CachedTemplates templates(DataPipelineResources resources, Long jobExecutionId, String stepName) {
        return new CachedTemplates(resources.templateConfig(),
                new StepTemplateCache(templateCache, toolRuns, jobExecutionId, stepName));
    }
}
