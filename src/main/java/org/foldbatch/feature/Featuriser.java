package org.foldbatch.feature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.foldbatch.input.FoldInput;
import org.foldbatch.structure.ccd.Ccd;

/**
 * AlphaFold 3's featurisation of one completed input (MSAs and templates filled in) for one seed. Thread-safe:
 * it keeps no per-job state, the input's userCCD is layered on a per-call dictionary.
 */
public final class Featuriser {

    private final FeaturiserConfig config;

    public Featuriser(FeaturiserConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Builds the input's structure without featurising it, so what featurisation would reject in the input itself
     * (a CCD code the dictionary and userCCD lack, a bond to an atom its component does not have) is reported
     * before any search runs.
     */
    public void checkStructure(FoldInput input) {
        Assembly.build(input, config.ccd().withUserCcd(input.userCcd(), input.name() + " userCCD"));
    }

    public FeatureBatch featurise(FoldInput input, long seed) {
        Ccd ccd = config.ccd().withUserCcd(input.userCcd(), input.name() + " userCCD");
        Assembly assembly = Assembly.build(input, ccd);
        Tokens tokens = Tokens.of(assembly);
        int t = tokens.count();
        if (config.maxTokens() > 0 && t > config.maxTokens()) {
            throw new FeaturisationException(input.name() + ": " + t + " tokens, more than the limit of "
                    + config.maxTokens());
        }
        int n = config.paddedTokens(t);
        Map<String, Feature> features = new LinkedHashMap<>();
        LayoutFeatures layout = new LayoutFeatures(tokens, n);
        add(features, layout.atomCrossAttention());
        add(features, TokenFeatures.compute(tokens, n));
        add(features, layout.predictedStructureInfo());
        add(features, MsaFeatures.compute(assembly, tokens, n, config));
        add(features, TemplateFeatures.compute(assembly, tokens, n));
        add(features, layout.polymerLigandBonds(assembly.polymerLigandBonds()));
        add(features, layout.pseudoBeta());
        ReferenceFeatures reference = new ReferenceFeatures(tokens, n, config);
        add(features, reference.compute(seed));
        add(features, List.of(reference.framesMask()));
        add(features, layout.ligandLigandBonds(assembly.ligandLigandBonds()));
        return new FeatureBatch(features, t, seed);
    }

    private static void add(Map<String, Feature> features, List<Feature> more) {
        for (Feature feature : more) {
            features.put(feature.name(), feature);
        }
    }
}
