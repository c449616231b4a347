package org.foldbatch.batch;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Searches templates for one unique protein chain, through the template cache. */
final class TemplateSearchTasklet implements Tasklet {

    private final FoldInput input;
    private final ChainKey key;
    private final DataPipelineResources resources;
    private final JdbcMsaCache msaCache;
    private final JdbcTemplateCache templateCache;
    private final JdbcToolRunLog toolRuns;

    TemplateSearchTasklet(FoldInput input, ChainKey key, DataPipelineResources resources, JdbcMsaCache msaCache,
            JdbcTemplateCache templateCache, JdbcToolRunLog toolRuns) {
        this.input = input;
        this.key = key;
        this.resources = resources;
        this.msaCache = msaCache;
        this.templateCache = templateCache;
        this.toolRuns = toolRuns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ProteinChain chain = ChainKey.templateSearchable(input).get(key);
        if (chain == null) {
            throw new FoldbatchException(input.name() + ": no protein chain with key " + key.partitionName());
        }
        StepExecution step = contribution.getStepExecution();
        CachedSearchExecutor cacheOnly = new CachedSearchExecutor(msaCache, toolRuns, null, null, step.getStepName());
        CachedTemplateSearch search = new CachedTemplateSearch(resources, templateCache, toolRuns,
                step.getJobExecutionId(), step.getStepName());
        var templates = search.templatesFor(chain, PipelineMsas.unpairedProfile(chain, resources, cacheOnly));
        contribution.incrementWriteCount(templates.size());
        return RepeatStatus.FINISHED;
    }
}
