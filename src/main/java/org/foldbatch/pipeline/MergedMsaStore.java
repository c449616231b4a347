package org.foldbatch.pipeline;

import java.util.Optional;

import org.foldbatch.msa.MoleculeType;

/**
 * Each chain's merged MSA, stored by the gene search and read by the steps after it, so a job merges a chain once.
 * The key covers the cache keys of the searches merged, so it changes whenever any of their results could.
 */
public interface MergedMsaStore {

    Optional<MergedMsa> find(String key);

    void save(String key, MoleculeType type, String sequence, MergedMsa msa);
}
