package org.foldbatch.feature;

import org.foldbatch.constants.ChainType;

/** One end of a covalent bond in the built structure. */
record BondEnd(String chainId, ChainType chainType, int resId, String atomName) {
}
