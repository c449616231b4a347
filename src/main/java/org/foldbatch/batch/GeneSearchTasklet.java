package org.foldbatch.batch;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.input.FoldInput;
import org.foldbatch.msa.ChainMsas;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Searches one unique chain against its databases, each search through the MSA cache. */
final class GeneSearchTasklet implements Tasklet {

    private final FoldInput input;
    private final ChainKey key;
    private final DataPipelineResources resources;
    private final JdbcMsaCache cache;
    private final JdbcToolRunLog toolRuns;

    GeneSearchTasklet(FoldInput input, ChainKey key, DataPipelineResources resources, JdbcMsaCache cache,
            JdbcToolRunLog toolRuns) {
        this.input = input;
        this.key = key;
        this.resources = resources;
        this.cache = cache;
        this.toolRuns = toolRuns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String sequence = ChainKey.searchable(input).get(key);
        if (sequence == null) {
            throw new FoldbatchException(input.name() + ": no chain with key " + key.partitionName());
        }
        StepExecution step = contribution.getStepExecution();
        CachedSearchExecutor executor = new CachedSearchExecutor(cache, toolRuns, resources.searchExecutor(),
                step.getJobExecutionId(), step.getStepName());
        ChainMsas msas = resources.chainSearch().search(sequence, key.type(), executor);
        contribution.incrementWriteCount(msas.runs().size());
        return RepeatStatus.FINISHED;
    }
}
