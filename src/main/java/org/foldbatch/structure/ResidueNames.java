package org.foldbatch.structure;

import java.util.Map;

/**
 * Residue name to one-letter code. Covers the standard polymer residues and the common modified amino acids whose
 * parent is unambiguous; anything else is X (protein) or N (nucleic). The full CCD parent mapping is not used here.
 */
public final class ResidueNames {

    private static final Map<String, Character> PROTEIN = Map.ofEntries(
            Map.entry("ALA", 'A'), Map.entry("ARG", 'R'), Map.entry("ASN", 'N'), Map.entry("ASP", 'D'),
            Map.entry("CYS", 'C'), Map.entry("GLN", 'Q'), Map.entry("GLU", 'E'), Map.entry("GLY", 'G'),
            Map.entry("HIS", 'H'), Map.entry("ILE", 'I'), Map.entry("LEU", 'L'), Map.entry("LYS", 'K'),
            Map.entry("MET", 'M'), Map.entry("PHE", 'F'), Map.entry("PRO", 'P'), Map.entry("SER", 'S'),
            Map.entry("THR", 'T'), Map.entry("TRP", 'W'), Map.entry("TYR", 'Y'), Map.entry("VAL", 'V'),
            Map.entry("UNK", 'X'), Map.entry("MSE", 'M'), Map.entry("SEC", 'U'), Map.entry("PYL", 'O'));

    private static final Map<String, Character> NUCLEIC = Map.ofEntries(
            Map.entry("A", 'A'), Map.entry("C", 'C'), Map.entry("G", 'G'), Map.entry("U", 'U'),
            Map.entry("DA", 'A'), Map.entry("DC", 'C'), Map.entry("DG", 'G'), Map.entry("DT", 'T'),
            Map.entry("N", 'N'), Map.entry("DN", 'N'));

    private static final java.util.Set<String> STANDARD = java.util.Set.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN",
            "GLU", "GLY", "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
            "A", "C", "G", "U", "DA", "DC", "DG", "DT");

    private ResidueNames() {
    }

    public static char oneLetter(String residueName, String chainType) {
        boolean nucleic = chainType != null && chainType.startsWith("poly") && chainType.contains("nucleotide");
        if (nucleic) {
            return NUCLEIC.getOrDefault(residueName, 'N');
        }
        return PROTEIN.getOrDefault(residueName, 'X');
    }

    /** Standard polymer residues are written as ATOM records, everything else (UNK and modified ones too) as HETATM. */
    public static boolean isStandardPolymerResidue(String residueName) {
        return STANDARD.contains(residueName);
    }
}
