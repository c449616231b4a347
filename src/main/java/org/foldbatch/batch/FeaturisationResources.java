package org.foldbatch.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcConformerCache;
import org.foldbatch.feature.ConformerCache;
import org.foldbatch.feature.FeaturisationException;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.feature.TokenCount;
import org.foldbatch.input.FoldInput;
import org.foldbatch.structure.ccd.Ccd;

/** The featurisation settings turned into a {@link Featuriser}; the dictionary is read once per process. */
public final class FeaturisationResources {

    private final FoldbatchProperties.Featurisation settings;
    private final ConformerCache conformers;
    private volatile Ccd ccd;

    public FeaturisationResources(FoldbatchProperties properties, JdbcConformerCache conformers) {
        this.settings = properties.featurisation();
        // validate checks inputs without a database: no conformer is generated there, so none is cached
        this.conformers = conformers == null ? ConformerCache.none() : conformers;
    }

    public Featuriser featuriser() {
        return new Featuriser(config());
    }

    private FeaturiserConfig config() {
        return new FeaturiserConfig(ccd(), buckets(), settings.maxTokens(), settings.resolveMsaOverlaps(),
                settings.refMaxModifiedDate(), conformers);
    }

    /**
     * What featurisation would reject, checked before any search: the settings (buckets, token limit) and the input's
     * structure against the dictionary (unknown CCD codes, bonds to atoms that do not exist).
     */
    public void checkFeaturisable(FoldInput input) {
        checkSettings();
        try {
            featuriser().checkStructure(input);
        } catch (FeaturisationException | IllegalArgumentException e) {
            throw new FoldbatchException(e.getMessage(), e);
        }
        checkTokenLimit(input);
    }

    /** The featurisation settings alone: buckets that are token counts, a token limit of 0 (none) or more. */
    public void checkSettings() {
        if (settings.maxTokens() < 0) {
            throw new FoldbatchException("foldbatch.featurisation.max-tokens: " + settings.maxTokens()
                    + " is not a token count (0 for no limit)");
        }
        buckets();
    }

    /** Rejects an input over the token limit, naming its token count; run before any search starts. */
    public void checkTokenLimit(FoldInput input) {
        if (settings.maxTokens() <= 0) {
            return;
        }
        int tokens = TokenCount.of(input, ccd());
        if (tokens > settings.maxTokens()) {
            throw new FoldbatchException(input.name() + ": " + tokens + " tokens, more than the limit of "
                    + settings.maxTokens() + " (foldbatch.featurisation.max-tokens)");
        }
    }

    /** The padded token count (bucket) featurisation gives {@code input}: what an inference worker must fit. */
    public int bucketOf(FoldInput input) {
        return config().paddedTokens(TokenCount.of(input, ccd()));
    }

    public synchronized Ccd ccd() {
        if (ccd == null) {
            Path path = settings.ccdPath();
            if (path == null) {
                ccd = Ccd.empty();
            } else if (!Files.isRegularFile(path)) {
                throw new FoldbatchException("foldbatch.featurisation.ccd-path: " + path
                        + " does not exist; point it at the wwPDB components.cif");
            } else {
                ccd = Ccd.load(path);
            }
        }
        return ccd;
    }

    private List<Integer> buckets() {
        String spec = settings.buckets().strip();
        if (spec.equalsIgnoreCase("none")) {
            return null;
        }
        List<Integer> buckets = new ArrayList<>();
        for (String part : spec.split(",")) {
            try {
                int bucket = Integer.parseInt(part.strip());
                if (bucket < 1) {
                    throw new NumberFormatException();
                }
                buckets.add(bucket);
            } catch (NumberFormatException e) {
                throw new FoldbatchException("foldbatch.featurisation.buckets: '" + part.strip()
                        + "' is not a token count (use a comma-separated list, or none)");
            }
        }
        return buckets;
    }
}
