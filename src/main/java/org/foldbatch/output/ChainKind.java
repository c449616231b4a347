package org.foldbatch.output;

/**
 * What kind of molecule an output chain is, with the mmCIF types AF3 writes for it. Coarser than
 * {@link org.foldbatch.constants.ChainType}: every non-polymer (branched ones too) is a ligand here.
 */
public enum ChainKind {
    PROTEIN("polypeptide(L)", "L-PEPTIDE LINKING"),
    RNA("polyribonucleotide", "RNA LINKING"),
    DNA("polydeoxyribonucleotide", "DNA LINKING"),
    LIGAND(null, "non-polymer");

    private final String entityPolyType;
    private final String defaultChemCompType;

    ChainKind(String entityPolyType, String defaultChemCompType) {
        this.entityPolyType = entityPolyType;
        this.defaultChemCompType = defaultChemCompType;
    }

    public boolean polymer() {
        return entityPolyType != null;
    }

    /** {@code _entity_poly.type}, or null for ligands. */
    public String entityPolyType() {
        return entityPolyType;
    }

    /** {@code _chem_comp.type} used when the caller supplies no chemical component for a residue name. */
    public String defaultChemCompType() {
        return defaultChemCompType;
    }
}
