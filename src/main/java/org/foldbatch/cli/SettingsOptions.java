package org.foldbatch.cli;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** The settings flags shared by run, worker and doctor: searches, featurisation, inference and where state lives. */
final class SettingsOptions {

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    FeaturisationOptions featurisation = new FeaturisationOptions();

    @Mixin
    InferenceOptions inference = new InferenceOptions();

    @Mixin
    ServiceOptions service = new ServiceOptions();

    /** Every setting given by Foldbatch's own flags. */
    Map<String, Object> springProperties() {
        return FoldbatchContext.layered(service.springProperties(), search.springProperties(),
                featurisation.springProperties(), inference.springProperties());
    }

    /** Every setting given, AlphaFold 3's spellings last so that they win; refused AlphaFold 3 flags stop here. */
    Map<String, Object> springProperties(AlphaFold3Flags af3, CommandLine cli) {
        af3.requireHonoured(cli);
        return FoldbatchContext.layered(service.springProperties(), search.springProperties(),
                featurisation.springProperties(), inference.springProperties(), af3.springProperties());
    }
}
