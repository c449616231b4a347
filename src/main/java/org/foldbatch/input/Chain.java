package org.foldbatch.input;

/**
 * One chain of a fold input. Each instance holds exactly one chain id; an id list in the JSON becomes one instance per
 * id, in the order given.
 */
public sealed interface Chain permits PolymerChain, Ligand {

    String id();

    /** Free-text description, or null when the input had none. */
    String description();

    /** The same chain under another id. */
    Chain withId(String id);

    /** Number of residues; for a ligand the number of CCD codes, or 1 for SMILES. */
    int length();

    /** Whether two chains are identical apart from their ids (AlphaFold 3's {@code hash_without_id}). */
    default boolean sameContentAs(Chain other) {
        return other != null && withId("A").equals(other.withId("A"));
    }
}
