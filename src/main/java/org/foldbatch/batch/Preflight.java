package org.foldbatch.batch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.remote.RemoteProperties;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputValidator;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchTool;

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

    /**
     * What the first step of a fold checks again: the same as {@link #check(FoldJobParameters.Stages, List)}, with
     * its campaign's engine for protein searches (null: the settings').
     */
    public void checkFold(FoldJobParameters.Stages stages, FoldInput input, SearchTool searchEngine) {
        check(stages, List.of(input), searchEngine);
    }

    /** Everything the stages will need: inputs complete when the data pipeline is skipped, weights when inferring. */
    public void check(FoldJobParameters.Stages stages, List<FoldInput> inputs) {
        check(stages, inputs, null);
    }

    private void check(FoldJobParameters.Stages stages, List<FoldInput> inputs, SearchTool searchEngine) {
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
            check(inputs, searchEngine);
        } else {
            inputs.forEach(featurisation::checkTokenLimit);
        }
    }

    /** The token limit and the search tools and databases of {@code inputs}; {@code searchEngine} as above. */
    public void check(List<FoldInput> inputs, SearchTool searchEngine) {
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
            DatabaseConfig config = searchEngine == null ? resources.databaseConfig()
                    : resources.databaseConfig().withProteinEngine(searchEngine);
            if (types.contains(MoleculeType.PROTEIN) && config.usesMmseqs()) {
                resources.requireMmseqs();
            }
            config.requireFiles(types.toArray(MoleculeType[]::new));
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException(e.getMessage(), e);
        }
    }
}
