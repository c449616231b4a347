package org.foldbatch.batch;

import java.util.Map;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.FoldInput;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * What one step (or partition) of a fold job works on, read from its own step execution: the input stored at launch,
 * the stages asked for, where the files go, the engine of its protein searches when a campaign chose one (null: the
 * settings'), and the partition's key. A remote worker resolves them exactly as the launching process does.
 */
record FoldStep(StepExecution execution, String inputHash, FoldInput input, FoldJobParameters.Stages stages,
        OutputLayout layout, SearchTool searchEngine) {

    static FoldStep of(StepExecution execution, FoldInputs inputs) {
        JobParameters parameters = execution.getJobParameters();
        String inputHash = parameters.getString(FoldJobParameters.INPUT_HASH);
        FoldInput input = inputs.get(inputHash);
        return new FoldStep(execution, inputHash, input,
                FoldJobParameters.Stages.fromLabel(parameters.getString(FoldJobParameters.STAGES)),
                FoldJobParameters.outputLayout(parameters, input), FoldJobParameters.searchEngine(parameters));
    }

    /*
     * A process killed while Spring Batch created a step's partitions can leave a partition whose execution context
     * was never saved, and a restart reuses that empty context. The partition's name carries the same key
     * (Partitions names each one after it), so the key is read back from the name then.
     */

    long seed() {
        var context = execution.getExecutionContext();
        return context.containsKey(Partitions.SEED) ? context.getLong(Partitions.SEED)
                : Partitions.seedOf(partitionName());
    }

    ChainKey chain() {
        var context = execution.getExecutionContext();
        if (context.containsKey(Partitions.CHAIN_SHA256)) {
            return new ChainKey(MoleculeType.valueOf(context.getString(Partitions.CHAIN_TYPE)),
                    context.getString(Partitions.CHAIN_SHA256));
        }
        String name = partitionName();
        return java.util.stream.Stream.concat(ChainKey.searchable(input).keySet().stream(),
                        ChainKey.templateSearchable(input).keySet().stream())
                .filter(key -> key.partitionName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(execution.getStepName()
                        + ": no chain of the input has this partition's name"));
    }

    /** This partition's chain among {@code chains}; an error naming the input when it has none ({@code what}). */
    <T> T chainIn(Map<ChainKey, T> chains, String what) {
        T found = chains.get(chain());
        if (found == null) {
            throw new FoldbatchException(input.name() + ": no " + what + " with key " + chain().partitionName());
        }
        return found;
    }

    /** The partition's name: what follows the worker step's name and ':' in the step execution's name. */
    private String partitionName() {
        String step = execution.getStepName();
        return step.substring(step.indexOf(':') + 1);
    }

    /** The shard group of a gene-search partition as {group, groups}; null when the partition searches every shard. */
    int[] shardGroup() {
        var context = execution.getExecutionContext();
        return context.containsKey(Partitions.SHARD_GROUPS)
                ? new int[] {context.getInt(Partitions.SHARD_GROUP), context.getInt(Partitions.SHARD_GROUPS)} : null;
    }

    Long jobExecutionId() {
        return execution.getJobExecutionId();
    }

    String stepName() {
        return execution.getStepName();
    }

    SeedProgress.Target progressTarget() {
        return new SeedProgress.Target(execution.getId(), execution.getJobExecutionId(), execution.getStepName());
    }

    long jobInstanceId() {
        return execution.getJobExecution().getJobInstance().getInstanceId();
    }
}
