package org.foldbatch.input;

import java.util.Objects;

/** A user-specified covalent bond ({@code bondedAtomPairs} entry). */
public record BondedAtomPair(BondAtom first, BondAtom second) {

    public BondedAtomPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    String pythonRepr() {
        return "(" + first.pythonRepr() + ", " + second.pythonRepr() + ")";
    }
}
