package org.foldbatch.input;

import java.util.List;

/** A single-stranded RNA chain. {@code unpairedMsa} null means "search"; "" means "use none". */
public record RnaChain(String id, String sequence, List<Modification> modifications, String description,
                       String unpairedMsa) implements PolymerChain {

    public RnaChain {
        modifications = PolymerKind.RNA.checked(id, sequence, modifications);
    }

    public static RnaChain of(String id, String sequence) {
        return new RnaChain(id, sequence, List.of(), null, null);
    }

    @Override
    public RnaChain withId(String newId) {
        return new RnaChain(newId, sequence, modifications, description, unpairedMsa);
    }

    @Override
    public PolymerKind kind() {
        return PolymerKind.RNA;
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
