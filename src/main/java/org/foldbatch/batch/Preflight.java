package org.foldbatch.batch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.remote.RemoteProperties;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputValidator;
import org.foldbatch.msa.MoleculeType;

/**
 * Checks, before any work starts, that every input is within the token limit and that the tools and databases the
 * inputs will need are there.
 */
public final class Preflight {

    private final DataPipelineResources resources;
    private final FeaturisationResources featurisation;

    private final InferenceResources inference;
    private final RemoteProperties remote;

    public Preflight(DataPipelineResources resources, FeaturisationResources featurisation,
            InferenceResources inference, RemoteProperties remote) {
        this.resources = resources;
        this.featurisation = featurisation;
        this.inference = inference;
        this.remote = remote;
    }

    /** What the first step of a fold checks again: the same as {@link #check(FoldJobParameters.Stages, List)}. */
    public void checkFold(FoldJobParameters.Stages stages, FoldInput input) {
        check(stages, List.of(input));
    }

    /** Everything the stages will need: inputs complete when the data pipeline is skipped, weights when inferring. */
    public void check(FoldJobParameters.Stages stages, List<FoldInput> inputs) {
        if (!stages.runsDataPipeline()) {
            inputs.forEach(FoldInputValidator::requireDataComplete);
        }
        // With remote workers the weights are needed where inference runs, not here; a worker checks them on loading.
        if (stages.runsInference() && !remote.enabled()) {
            inference.requireModel();
        }
        if (stages.runsFeaturisation()) {
            inputs.forEach(featurisation::checkFeaturisable);
        }
        if (stages.runsDataPipeline()) {
            check(inputs);
        } else {
            inputs.forEach(featurisation::checkTokenLimit);
        }
    }

    public void check(List<FoldInput> inputs) {
        Set<MoleculeType> types = EnumSet.noneOf(MoleculeType.class);
        for (FoldInput input : inputs) {
            featurisation.checkTokenLimit(input);
            ChainKey.searchable(input).keySet().forEach(k -> types.add(k.type()));
        }
        if (types.isEmpty()) {
            return;
        }
        resources.hmmer();
        try {
            resources.databaseConfig().requireFiles(types.toArray(MoleculeType[]::new));
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException(e.getMessage(), e);
        }
    }
}
