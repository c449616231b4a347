package org.foldbatch.input;

import java.util.List;

/** A protein, RNA or DNA chain: a sequence of one-letter residues, some replaced by modifications. */
public sealed interface PolymerChain extends Chain permits ProteinChain, RnaChain, DnaChain {

    String sequence();

    List<Modification> modifications();

    PolymerKind kind();

    @Override
    default int length() {
        return sequence().length();
    }

    /** CCD codes per residue by the kind's letter rule; modifications overwrite their positions. */
    default List<String> ccdSequence() {
        return kind().ccdSequence(sequence(), modifications());
    }

    /**
     * AlphaFold 3's {@code sequence} property: the CCD sequence mapped back to one letter, the kind's unknown letter
     * when a code has none. Modified residues become their parent's letter. This is the query for searches.
     */
    default String oneLetterSequence() {
        return kind().oneLetter(ccdSequence());
    }
}
