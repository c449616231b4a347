package org.foldbatch.feature;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.foldbatch.structure.ccd.Ccd;

/**
 * Featurisation settings.
 *
 * @param ccd                    the chemical component dictionary (the input's userCCD is layered on top per job)
 * @param buckets                padded token counts to choose from, strictly increasing; {@code null} = no padding
 * @param maxTokens              inputs with more tokens are rejected before any work; 0 = no limit
 * @param resolveMsaOverlaps     drop unpaired MSA rows equal to a paired row of the same chain (AlphaFold 3 default)
 * @param refMaxModifiedDate     CCD model coordinates may replace missing ideal ones only for entries modified before
 * @param conformerCache         where conformers are kept per component and seed
 */
public record FeaturiserConfig(Ccd ccd, List<Integer> buckets, int maxTokens, boolean resolveMsaOverlaps,
                               LocalDate refMaxModifiedDate, ConformerCache conformerCache) {

    public static final List<Integer> DEFAULT_BUCKETS = List.of(128, 256, 384, 512, 768, 1024, 1280, 1536, 2048,
            2560, 3072, 3584, 4096, 4608, 5120);
    public static final int MSA_ROWS = 16384;
    public static final int MAX_TEMPLATES = 4;
    public static final int MAX_PAIRED_PER_SPECIES = 600;

    public FeaturiserConfig {
        Objects.requireNonNull(ccd, "ccd");
        Objects.requireNonNull(refMaxModifiedDate, "refMaxModifiedDate");
        Objects.requireNonNull(conformerCache, "conformerCache");
        if (buckets != null) {
            buckets = List.copyOf(buckets);
            if (buckets.isEmpty()) {
                throw new IllegalArgumentException("Buckets must be non-empty.");
            }
            for (int i = 1; i < buckets.size(); i++) {
                if (buckets.get(i) <= buckets.get(i - 1)) {
                    throw new IllegalArgumentException("Buckets must be in strictly increasing order. Got " + buckets);
                }
            }
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, got " + maxTokens);
        }
    }

    /** AlphaFold 3's defaults: default buckets, no token limit, overlaps resolved, 2021-09-30, in-memory cache. */
    public static FeaturiserConfig defaults(Ccd ccd) {
        return new FeaturiserConfig(ccd, DEFAULT_BUCKETS, 0, true, LocalDate.of(2021, 9, 30),
                ConformerCache.inMemory());
    }

    public FeaturiserConfig withBuckets(List<Integer> newBuckets) {
        return new FeaturiserConfig(ccd, newBuckets, maxTokens, resolveMsaOverlaps, refMaxModifiedDate,
                conformerCache);
    }

    public FeaturiserConfig withMaxTokens(int newMaxTokens) {
        return new FeaturiserConfig(ccd, buckets, newMaxTokens, resolveMsaOverlaps, refMaxModifiedDate,
                conformerCache);
    }

    public FeaturiserConfig withConformerCache(ConformerCache cache) {
        return new FeaturiserConfig(ccd, buckets, maxTokens, resolveMsaOverlaps, refMaxModifiedDate, cache);
    }

    /** The smallest bucket >= tokens, or tokens itself above the largest bucket or without buckets. */
    public int paddedTokens(int tokens) {
        if (buckets == null) {
            return tokens;
        }
        for (int bucket : buckets) {
            if (bucket >= tokens) {
                return bucket;
            }
        }
        return tokens;
    }
}
