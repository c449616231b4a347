package org.foldbatch.input;

import java.util.List;
import java.util.Objects;
import org.foldbatch.constants.ResidueNames;

/** A single-stranded RNA chain. {@code unpairedMsa} null means "search"; "" means "use none". */
public record RnaChain(String id, String sequence, List<Modification> modifications, String description,
                       String unpairedMsa) implements Chain {

    public RnaChain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
        modifications = List.copyOf(modifications);
        Polymers.requireLetters("RNA", sequence);
        Modification.requireValid("RNA", "RNA modifications", sequence, modifications);
    }

    public static RnaChain of(String id, String sequence) {
        return new RnaChain(id, sequence, List.of(), null, null);
    }

    @Override
    public RnaChain withId(String newId) {
        return new RnaChain(newId, sequence, modifications, description, unpairedMsa);
    }

    @Override
    public int length() {
        return sequence.length();
    }

    /** A, C, G and U are their own CCD codes; anything else becomes N; modifications overwrite. */
    public List<String> ccdSequence() {
        return Polymers.ccdSequence(sequence, modifications, letter -> {
            String code = String.valueOf(letter);
            return ResidueNames.RNA_TYPES.contains(code) ? code : ResidueNames.UNKNOWN_RNA;
        });
    }

    /** AlphaFold 3's {@code sequence} property: CCD sequence mapped back to one letter, N when unknown. */
    public String oneLetterSequence() {
        return Polymers.oneLetter(ccdSequence(), 'N');
    }

    public RnaChain withUnpairedMsa(String msa) {
        return new RnaChain(id, sequence, modifications, description, msa);
    }

    public RnaChain withDescription(String newDescription) {
        return new RnaChain(id, sequence, modifications, newDescription, unpairedMsa);
    }

    /** The chain as AlphaFold 3's data pipeline returns it: rebuilt from {@link #oneLetterSequence()}. */
    public RnaChain withPipelineResults(String newUnpairedMsa) {
        return new RnaChain(id, oneLetterSequence(), modifications, description, newUnpairedMsa);
    }

    public RnaChain fillMissingFields() {
        return new RnaChain(id, sequence, modifications, description, unpairedMsa == null ? "" : unpairedMsa);
    }
}
