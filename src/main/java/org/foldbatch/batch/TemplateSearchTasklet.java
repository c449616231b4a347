package org.foldbatch.batch;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.pipeline.DataPipeline;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Searches templates for one unique protein chain, through the template cache, from its stored merged MSA. */
final class TemplateSearchTasklet implements Tasklet {

    private final FoldInput input;
    private final ChainKey key;
    private final DataPipelineResources resources;
    private final PipelineStores stores;

    TemplateSearchTasklet(FoldInput input, ChainKey key, DataPipelineResources resources, PipelineStores stores) {
        this.input = input;
        this.key = key;
        this.resources = resources;
        this.stores = stores;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ProteinChain chain = ChainKey.templateSearchable(input).get(key);
        if (chain == null) {
            throw new FoldbatchException(input.name() + ": no protein chain with key " + key.partitionName());
        }
        StepExecution step = contribution.getStepExecution();
        DataPipeline pipeline = stores.pipeline(resources, step, null, step.getStepName());
        var templates = stores.templates(resources, step.getJobExecutionId(), step.getStepName())
                .searched(chain, pipeline.unpairedProfile(chain));
        contribution.incrementWriteCount(templates.size());
        return RepeatStatus.FINISHED;
    }
}
