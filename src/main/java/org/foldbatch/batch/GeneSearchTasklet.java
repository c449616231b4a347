package org.foldbatch.batch;

import java.time.Duration;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcProgress;
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
    private final JdbcProgress progress;
    private final Duration logInterval;

    GeneSearchTasklet(FoldInput input, ChainKey key, DataPipelineResources resources, PipelineStores stores,
            JdbcProgress progress, Duration logInterval) {
        this.input = input;
        this.key = key;
        this.resources = resources;
        this.stores = stores;
        this.progress = progress;
        this.logInterval = logInterval;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String sequence = ChainKey.searchable(input).get(key);
        if (sequence == null) {
            throw new FoldbatchException(input.name() + ": no chain with key " + key.partitionName());
        }
        StepExecution step = contribution.getStepExecution();
        ChainMsas msas;
        try (SearchProgress watch = new SearchProgress(input.name() + " chain " + key.partitionName(), new InferenceProgress.Target(step.getId(), step.getJobExecutionId(),
                step.getStepName()), progress, logInterval)) {
            msas = stores.pipeline(resources, step.getJobExecutionId(), step.getStepName())
                    .searchChain(sequence, key.type(), watch.watching(resources.searchExecutor()), watch);
        }
        contribution.incrementWriteCount(msas.runs().size());
        return RepeatStatus.FINISHED;
    }
}
