package org.foldbatch.constants;

/** AlphaFold 3's chain types for input chains, with the mmCIF names they stand for. */
public enum ChainType {
    PROTEIN("polypeptide(L)"),
    RNA("polyribonucleotide"),
    DNA("polydeoxyribonucleotide"),
    NON_POLYMER("non-polymer"),
    BRANCHED("branched");

    private final String mmcifName;

    ChainType(String mmcifName) {
        this.mmcifName = mmcifName;
    }

    public String mmcifName() {
        return mmcifName;
    }

    public boolean isPolymer() {
        return this == PROTEIN || this == RNA || this == DNA;
    }

    public boolean isNucleic() {
        return this == RNA || this == DNA;
    }

    public boolean isLigand() {
        return this == NON_POLYMER || this == BRANCHED;
    }
}
