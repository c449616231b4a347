package org.foldbatch.msa;

import java.util.List;
import java.util.Objects;

import org.foldbatch.util.Hashing;

/**
 * One database search of one chain as AlphaFold 3 runs it (or, opted in, with MMseqs2). {@link #cacheKey()}
 * identifies the result: it covers everything that can change the A3M (sequence, molecule type, engine and its
 * version, search flags, row limit, Z and the database fingerprint) and deliberately not the CPU count or shard
 * parallelism, which do not.
 *
 * @param maxParallelShards at most this many shards searched at once; null means all shards at once
 * @param toolVersion       HMMER's version for jackhmmer and nhmmer, MMseqs2's for mmseqs2
 */
public record SearchRequest(MoleculeType type, String sequence, DatabaseSpec database, SearchTool tool,
        double eValue, int maxSequences, int cpus, Integer maxParallelShards, String toolVersion,
        String databaseFingerprint) {

    public SearchRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(tool, "tool");
        if (sequence.isEmpty()) {
            throw new IllegalArgumentException("Cannot search an empty sequence in " + database.name());
        }
        if (tool == SearchTool.MMSEQS2 && type != MoleculeType.PROTEIN) {
            throw new IllegalArgumentException("Database " + database.name() + ": MMseqs2 searches protein databases"
                    + " only, not " + type);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1, got " + cpus);
        }
        if (maxSequences < 1 || (database.sharded() && maxSequences <= 1)) {
            throw new IllegalArgumentException("maxSequences must be > " + (database.sharded() ? 1 : 0)
                    + " for " + database.name() + ", got " + maxSequences);
        }
    }

    /** The result-relevant flags, in command-line order and formatting (no paths, no --cpu). */
    public List<String> searchFlags() {
        return switch (tool) {
            case JACKHMMER -> Jackhmmer.searchFlags(this);
            case NHMMER -> Nhmmer.searchFlags(this);
            case MMSEQS2 -> Mmseqs2.searchFlags(this);
        };
    }

    /**
     * The text hashed by {@link #cacheKey()}; readable for logs and debugging. The engine is the {@code tool} line
     * and its version line is named after its suite, so HMMER keys read exactly as before MMseqs2 existed.
     */
    public String cacheKeyText() {
        return "foldbatch-gene-search-v1"
                + "\ntool=" + tool.engineName()
                + (tool == SearchTool.MMSEQS2 ? "\nmmseqs=" : "\nhmmer=") + toolVersion
                + "\ntype=" + type
                + "\ndatabase=" + database.name()
                + "\ndatabaseFingerprint=" + databaseFingerprint
                + "\nflags=" + String.join(" ", searchFlags())
                + "\nmaxSequences=" + maxSequences
                + "\nsequence=" + sequence;
    }

    /** SHA-256 hex of {@link #cacheKeyText()}. */
    public String cacheKey() {
        return Hashing.sha256(cacheKeyText());
    }
}
