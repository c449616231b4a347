package org.foldbatch.input;

import java.util.List;
import java.util.Objects;
import org.foldbatch.constants.ResidueNames;

/** A single-stranded DNA chain. DNA takes no MSA and no templates. */
public record DnaChain(String id, String sequence, List<Modification> modifications, String description)
        implements Chain {

    public DnaChain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
        modifications = List.copyOf(modifications);
        Polymers.requireLetters("DNA", sequence);
        Modification.requireValid("DNA", "DNA modifications", sequence, modifications);
    }

    public static DnaChain of(String id, String sequence) {
        return new DnaChain(id, sequence, List.of(), null);
    }

    @Override
    public DnaChain withId(String newId) {
        return new DnaChain(newId, sequence, modifications, description);
    }

    @Override
    public int length() {
        return sequence.length();
    }

    /** A, G, C and T become DA, DG, DC and DT; anything else DN; modifications overwrite. */
    public List<String> ccdSequence() {
        return Polymers.ccdSequence(sequence, modifications,
                letter -> ResidueNames.DNA_ONE_TO_TWO.getOrDefault(letter, ResidueNames.UNKNOWN_DNA));
    }

    /** AlphaFold 3's {@code sequence} property: CCD sequence mapped back to one letter, N when unknown. */
    public String oneLetterSequence() {
        return Polymers.oneLetter(ccdSequence(), 'N');
    }

    public DnaChain withDescription(String newDescription) {
        return new DnaChain(id, sequence, modifications, newDescription);
    }
}
