package org.foldbatch.batch;

import java.time.Duration;

import org.foldbatch.batch.jdbc.JdbcChainMsaStore;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcShardResults;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.batch.jdbc.JdbcWorkClaims;
import org.foldbatch.batch.jdbc.StepSearchCache;
import org.foldbatch.batch.jdbc.StepTemplateCache;
import org.foldbatch.pipeline.CachedTemplates;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.pipeline.DataPipeline;
import org.foldbatch.pipeline.SearchCache;
import org.foldbatch.pipeline.ShardGroupSearch;
import org.foldbatch.pipeline.SharedWork;

/**
 * The JDBC stores behind the data pipeline, handed to each data-pipeline step as the plain service it calls.
 *
 * @param jobExecutionId of the step asking; null for a step whose lookups are re-reads, not cache statistics
 */
record PipelineStores(JdbcMsaCache msaCache, JdbcTemplateCache templateCache, JdbcToolRunLog toolRuns,
        JdbcChainMsaStore chainMsas, JdbcShardResults shardResults, JdbcWorkClaims claims) {

    /** How often a job waiting for another process's search looks for its result. */
    private static final Duration WAIT_POLL = Duration.ofSeconds(1);

    /** @param searchEngine the engine of the fold's protein searches ({@link FoldStep#searchEngine()}) */
    DataPipeline pipeline(DataPipelineResources resources, SearchTool searchEngine, Long jobExecutionId,
            String stepName) {
        return new DataPipeline(resources.chainSearch(searchEngine), searches(jobExecutionId, stepName), chainMsas,
                shared());
    }

    ShardGroupSearch shardGroups(DataPipelineResources resources, SearchTool searchEngine, Long jobExecutionId,
            String stepName) {
        return new ShardGroupSearch(resources.chainSearch(searchEngine), searches(jobExecutionId, stepName),
                shardResults);
    }

    /** The MSA cache, with sharded searches done in shard-group partitions merged from their stored shards. */
    private SearchCache searches(Long jobExecutionId, String stepName) {
        StepSearchCache cache = new StepSearchCache(msaCache, toolRuns, jobExecutionId, stepName);
        return ShardGroupSearch.assembling(cache, shardResults, cache::keep);
    }

    CachedTemplates templates(DataPipelineResources resources, Long jobExecutionId, String stepName) {
        return new CachedTemplates(resources.templateConfig(),
                new StepTemplateCache(templateCache, toolRuns, jobExecutionId, stepName), shared());
    }

    private SharedWork shared() {
        return new SharedWork(claims, WAIT_POLL);
    }
}
