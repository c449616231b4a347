package org.foldbatch.constants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Residue-name tables of AlphaFold 3 ({@code src/alphafold3/constants/residue_names.py}): standard one-letter to CCD
 * codes per polymer type, the CCD-code to one-letter table (1,248 entries, read from {@code ccd-one-letter.tsv}), and
 * which residues are standard polymer residues (written as mmCIF ATOM records).
 */
public final class ResidueNames {

    public static final String UNKNOWN_PROTEIN = "UNK";
    public static final String UNKNOWN_RNA = "N";
    public static final String UNKNOWN_DNA = "DN";
    public static final String UNKNOWN_LIGAND = "UNL";

    /** AlphaFold 3's {@code UNKNOWN_TYPES}, in its order. */
    public static final List<String> UNKNOWN_TYPES = List.of(UNKNOWN_PROTEIN, UNKNOWN_RNA, UNKNOWN_DNA, UNKNOWN_LIGAND);

    /** The component whose atoms AlphaFold 3 gives an {@code UNK} residue (its {@code get_all_atoms_in_entry}). */
    public static final String UNKNOWN_PROTEIN_LAYOUT = "GLY";

    /** The 20 standard amino acids, one-letter to CCD code. */
    public static final Map<Character, String> PROTEIN_ONE_TO_THREE = Map.ofEntries(
            Map.entry('A', "ALA"), Map.entry('R', "ARG"), Map.entry('N', "ASN"), Map.entry('D', "ASP"),
            Map.entry('C', "CYS"), Map.entry('Q', "GLN"), Map.entry('E', "GLU"), Map.entry('G', "GLY"),
            Map.entry('H', "HIS"), Map.entry('I', "ILE"), Map.entry('L', "LEU"), Map.entry('K', "LYS"),
            Map.entry('M', "MET"), Map.entry('F', "PHE"), Map.entry('P', "PRO"), Map.entry('S', "SER"),
            Map.entry('T', "THR"), Map.entry('W', "TRP"), Map.entry('Y', "TYR"), Map.entry('V', "VAL"));

    public static final List<String> RNA_TYPES = List.of("A", "G", "C", "U");

    public static final Map<Character, String> DNA_ONE_TO_TWO =
            Map.of('A', "DA", 'G', "DG", 'C', "DC", 'T', "DT");

    private static final Map<String, Character> CCD_TO_ONE_LETTER = load();

    private static final Set<String> STANDARD_POLYMER = Set.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY",
            "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
            "A", "C", "G", "U", "DA", "DC", "DG", "DT");

    private ResidueNames() {
    }

    /** AlphaFold 3's {@code letters_three_to_one}: the one-letter code of a CCD component, else {@code fallback}. */
    public static char oneLetter(String ccdCode, char fallback) {
        Character letter = CCD_TO_ONE_LETTER.get(ccdCode);
        return letter == null ? fallback : letter;
    }

    /**
     * The one-letter code of a residue in a chain of the given mmCIF polymer type, with AlphaFold 3's defaults: N in
     * nucleic-acid chains, X in protein and other chains.
     */
    public static char oneLetter(String residueName, String mmcifChainType) {
        boolean nucleic = mmcifChainType != null && mmcifChainType.startsWith("poly")
                && mmcifChainType.contains("nucleotide");
        return oneLetter(residueName, nucleic ? 'N' : 'X');
    }

    /** Standard polymer residues are written as ATOM records, everything else (UNK and modified ones too) as HETATM. */
    public static boolean isStandardPolymerResidue(String residueName) {
        return STANDARD_POLYMER.contains(residueName);
    }

    /** Number of entries in the CCD to one-letter table. */
    public static int oneLetterTableSize() {
        return CCD_TO_ONE_LETTER.size();
    }

    private static Map<String, Character> load() {
        Map<String, Character> table = new HashMap<>(2048);
        try (InputStream in = ResidueNames.class.getResourceAsStream("ccd-one-letter.tsv")) {
            if (in == null) {
                throw new IllegalStateException("ccd-one-letter.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                table.put(line.substring(0, tab), line.charAt(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
