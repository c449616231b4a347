package org.foldbatch.structure;

/**
 * Residue names as the mmCIF reader and writer need them. The one-letter codes come from AF3's CCD table
 * ({@link org.foldbatch.input.ResidueNames}), with AF3's defaults: X for protein and other chains, N for nucleic ones.
 */
public final class ResidueNames {

    private static final java.util.Set<String> STANDARD = java.util.Set.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN",
            "GLU", "GLY", "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
            "A", "C", "G", "U", "DA", "DC", "DG", "DT");

    private ResidueNames() {
    }

    public static char oneLetter(String residueName, String chainType) {
        boolean nucleic = chainType != null && chainType.startsWith("poly") && chainType.contains("nucleotide");
        return org.foldbatch.input.ResidueNames.oneLetter(residueName, nucleic ? 'N' : 'X');
    }

    /** Standard polymer residues are written as ATOM records, everything else (UNK and modified ones too) as HETATM. */
    public static boolean isStandardPolymerResidue(String residueName) {
        return STANDARD.contains(residueName);
    }
}
