package org.foldbatch.input;

import java.util.List;

/** A single-stranded DNA chain. DNA takes no MSA and no templates. */
public record DnaChain(String id, String sequence, List<Modification> modifications, String description)
        implements PolymerChain {

    public DnaChain {
        modifications = PolymerKind.DNA.checked(id, sequence, modifications);
    }

    public static DnaChain of(String id, String sequence) {
        return new DnaChain(id, sequence, List.of(), null);
    }

    @Override
    public DnaChain withId(String newId) {
        return new DnaChain(newId, sequence, modifications, description);
    }

    @Override
    public PolymerKind kind() {
        return PolymerKind.DNA;
    }

    public DnaChain withDescription(String newDescription) {
        return new DnaChain(id, sequence, modifications, newDescription);
    }
}
