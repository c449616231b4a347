package org.foldbatch.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.foldbatch.util.Hashing;

/**
 * Template search settings. The filter thresholds are AF3's released defaults; the hmmsearch flags are fixed.
 *
 * @param hmmerBinDir directory holding hmmbuild and hmmsearch
 * @param scratchDir  where each search's temporary directory goes (null: the system's); not part of any result
 */
public record TemplateSearchConfig(Path seqresFasta, Path mmcifDir, LocalDate maxTemplateDate, int maxHits,
                                   int hmmsearchCpus, Path hmmerBinDir, Duration timeout, Path scratchDir) {

    /** Bump when a change in this package can change which templates are found or how they are written. */
    static final String ALGORITHM_VERSION = "foldbatch-templates-2";
    static final double MAX_SUBSEQUENCE_RATIO = 0.95;
    static final double MIN_ALIGN_RATIO = 0.1;
    static final int MIN_HIT_LENGTH = 10;

    public TemplateSearchConfig {
        if (maxHits < 0) {
            throw new IllegalArgumentException("maxHits must be >= 0, got " + maxHits);
        }
        if (hmmsearchCpus < 1) {
            throw new IllegalArgumentException("hmmsearchCpus must be >= 1, got " + hmmsearchCpus);
        }
    }

    /** Temporary directories in the system's temporary directory. */
    public TemplateSearchConfig(Path seqresFasta, Path mmcifDir, LocalDate maxTemplateDate, int maxHits,
            int hmmsearchCpus, Path hmmerBinDir, Duration timeout) {
        this(seqresFasta, mmcifDir, maxTemplateDate, maxHits, hmmsearchCpus, hmmerBinDir, timeout, null);
    }

    public static TemplateSearchConfig defaults(Path seqresFasta, Path mmcifDir, LocalDate maxTemplateDate) {
        return new TemplateSearchConfig(seqresFasta, mmcifDir, maxTemplateDate, 4,
                Math.min(Runtime.getRuntime().availableProcessors(), 8), Path.of("/usr/bin"), Duration.ofHours(1));
    }

    /**
     * Identifies the databases cheaply: path, size and modification time of the seqres file, and path and
     * modification time of the mmCIF directory (which changes when files are added or removed).
     */
    public String databaseFingerprint() {
        try {
            var seqres = seqresFasta.toAbsolutePath().normalize();
            var dir = mmcifDir.toAbsolutePath().normalize();
            return seqres + ":" + Files.size(seqres) + ":" + Files.getLastModifiedTime(seqres).toMillis() + "|"
                    + dir + ":" + Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fingerprint template databases: " + e.getMessage(), e);
        }
    }

    /** The settings that change results (not CPU count or timeout). */
    public String settingsFingerprint() {
        return ALGORITHM_VERSION + "|maxTemplateDate=" + maxTemplateDate + "|maxHits=" + maxHits
                + "|maxSubsequenceRatio=" + MAX_SUBSEQUENCE_RATIO + "|minAlignRatio=" + MIN_ALIGN_RATIO
                + "|minHitLength=" + MIN_HIT_LENGTH + "|hmmsearch=" + String.join(" ", TemplateSearch.HMMSEARCH_FLAGS);
    }

    /** Databases and settings together: everything of the configuration that can change a search result. */
    public String fingerprint() {
        return databaseFingerprint() + "|" + settingsFingerprint();
    }

    /** Cache key of one search: SHA-256 over sequence, profile MSA, database fingerprint and settings. */
    public String cacheKey(String querySequence, String unpairedA3m) {
        return Hashing.sha256(String.join("\n", "query=" + querySequence,
                "profile=" + Hashing.sha256(unpairedA3m), "config=" + fingerprint()));
    }
}
