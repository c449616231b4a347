package org.foldbatch.pipeline;

/**
 * A chain's MSAs after merging its database searches, as they go into {@code _data.json}.
 *
 * @param unpairedA3m the deduplicated unpaired MSA
 * @param pairedA3m   the paired MSA (protein); null for RNA
 */
public record MergedMsa(String unpairedA3m, String pairedA3m) {
}
