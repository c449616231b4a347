package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.Map;

import org.foldbatch.FoldbatchException;

import picocli.CommandLine.Option;

/** Featurisation flags, mapped onto foldbatch.featurisation.* settings. */
final class FeaturisationOptions {

    @Setting("foldbatch.featurisation.ccd-path")
    @Option(names = "--ccd-path", paramLabel = "FILE",
            description = "The wwPDB Chemical Component Dictionary, components.cif (optionally gzipped).")
    Path ccdPath;

    @Setting("foldbatch.featurisation.buckets")
    @Option(names = "--buckets", paramLabel = "N,N,...",
            description = "Padded token counts (default AlphaFold 3's 128,...,5120); 'none' keeps each input's own size.")
    String buckets;

    @Setting("foldbatch.featurisation.max-tokens")
    @Option(names = "--max-tokens", description = "Reject inputs with more tokens, before any search (default: "
            + "no limit). On foldbatch worker: the largest token bucket this worker infers.")
    Integer maxTokens;

    Map<String, Object> springProperties() {
        if (maxTokens != null && maxTokens < 1) {
            throw new FoldbatchException("--max-tokens: the token limit must be 1 or more (leave the flag out for "
                    + "no limit), got " + maxTokens);
        }
        return FlagSettings.of(this);
    }
}
