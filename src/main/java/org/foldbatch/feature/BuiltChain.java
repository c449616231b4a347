package org.foldbatch.feature;

import java.util.List;

import org.foldbatch.input.Chain;
import org.foldbatch.constants.ChainType;

/** An input chain as AlphaFold 3 builds it before featurisation: type, residues 1..n, and the input record. */
record BuiltChain(String id, ChainType type, Chain input, List<Residue> residues) {

    BuiltChain {
        residues = List.copyOf(residues);
    }
}
