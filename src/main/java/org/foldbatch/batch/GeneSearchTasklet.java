package org.foldbatch.batch;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.FoldInput;
import org.foldbatch.msa.ChainMsas;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Searches one unique chain against its databases, each search through the MSA cache, and stores the merge. */
final class GeneSearchTasklet implements Tasklet {

    private final FoldInput input;
    private final ChainKey key;
    private final DataPipelineResources resources;
    private final PipelineStores stores;

    GeneSearchTasklet(FoldInput input, ChainKey key, DataPipelineResources resources, PipelineStores stores) {
        this.input = input;
        this.key = key;
        this.resources = resources;
        this.stores = stores;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String sequence = ChainKey.searchable(input).get(key);
        if (sequence == null) {
            throw new FoldbatchException(input.name() + ": no chain with key " + key.partitionName());
        }
        StepExecution step = contribution.getStepExecution();
        ChainMsas msas = stores.pipeline(resources, step, step.getJobExecutionId(), step.getStepName())
                .searchChain(sequence, key.type(), resources.searchExecutor());
        contribution.incrementWriteCount(msas.runs().size());
        return RepeatStatus.FINISHED;
    }
}
