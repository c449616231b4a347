package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.FoldbatchException;
import picocli.CommandLine.Option;

/** Featurisation flags, mapped onto foldbatch.featurisation.* settings. */
final class FeaturisationOptions {

    @Option(names = "--ccd-path", paramLabel = "FILE",
            description = "The wwPDB Chemical Component Dictionary, components.cif (optionally gzipped).")
    Path ccdPath;

    @Option(names = "--buckets", paramLabel = "N,N,...",
            description = "Padded token counts (default AlphaFold 3's 128,...,5120); 'none' keeps each input's own size.")
    String buckets;

    @Option(names = "--max-tokens", description = "Reject inputs with more tokens, before any search (default: no limit).")
    Integer maxTokens;

    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (ccdPath != null) {
            p.put("foldbatch.featurisation.ccd-path", ccdPath.toAbsolutePath().toString());
        }
        if (buckets != null) {
            p.put("foldbatch.featurisation.buckets", buckets);
        }
        if (maxTokens != null) {
            if (maxTokens < 1) {
                throw new FoldbatchException("--max-tokens: the token limit must be 1 or more (leave the flag out for "
                        + "no limit), got " + maxTokens);
            }
            p.put("foldbatch.featurisation.max-tokens", maxTokens.toString());
        }
        return p;
    }
}
