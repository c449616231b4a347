package org.foldbatch.input;

import java.util.Objects;

import org.foldbatch.util.PythonJson;

/** One end of a covalent bond: chain id, 1-based residue index within the chain, atom name. */
public record BondAtom(String chainId, int residueId, String atomName) {

    public BondAtom {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(atomName, "atomName");
    }

    String pythonRepr() {
        return "(" + PythonJson.repr(chainId) + ", " + residueId + ", " + PythonJson.repr(atomName) + ")";
    }
}
