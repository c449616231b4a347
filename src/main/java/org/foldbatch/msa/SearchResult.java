package org.foldbatch.msa;

/**
 * The A3M of one database search as AlphaFold 3's tool wrapper returns it (the query row first), with counts and
 * costs.
 *
 * @param hits        hit rows the tool reported (merged over shards), before the row limit
 * @param rowsKept    records in {@code a3m}, the query row included
 * @param cpuSeconds  user + system seconds of every tool process of this search (shards, hmmbuild, hmmalign)
 * @param wallSeconds elapsed seconds of the whole search
 * @param tool        {@code jackhmmer} or {@code nhmmer}
 * @param database    the database role, e.g. {@code uniref90}
 */
public record SearchResult(String a3m, int hits, int rowsKept, double cpuSeconds, double wallSeconds, String tool,
        String database) {
}
