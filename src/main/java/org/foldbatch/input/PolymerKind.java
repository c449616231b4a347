package org.foldbatch.input;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.foldbatch.constants.ResidueNames;

/**
 * What differs between protein, RNA and DNA chains: AlphaFold 3's names for them in its messages ({@code label} in
 * "must contain only letters", {@code modificationKind} in "Invalid ... modification index", {@code
 * modificationsName} in "must not contain the CCD_ prefix"), the JSON keys of their modifications, and how a letter
 * becomes a CCD code and back.
 */
public record PolymerKind(String label, String modificationKind, String modificationsName, String typeKey,
                          String positionKey, char unknownLetter, Function<Character, String> codeOfLetter) {

    /** Standard letters map to their amino acid, others to UNK; X when a code has no letter. */
    public static final PolymerKind PROTEIN = new PolymerKind("Protein", "protein", "Protein ptms", "ptmType",
            "ptmPosition", 'X',
            letter -> ResidueNames.PROTEIN_ONE_TO_THREE.getOrDefault(letter, ResidueNames.UNKNOWN_PROTEIN));
    /** A, C, G and U are their own CCD codes; anything else becomes N. */
    public static final PolymerKind RNA = new PolymerKind("RNA", "RNA", "RNA modifications", "modificationType",
            "basePosition", 'N', letter -> {
                String code = String.valueOf(letter);
                return ResidueNames.RNA_TYPES.contains(code) ? code : ResidueNames.UNKNOWN_RNA;
            });
    /** A, G, C and T become DA, DG, DC and DT; anything else DN. */
    public static final PolymerKind DNA = new PolymerKind("DNA", "DNA", "DNA modifications", "modificationType",
            "basePosition", 'N',
            letter -> ResidueNames.DNA_ONE_TO_TWO.getOrDefault(letter, ResidueNames.UNKNOWN_DNA));

    /** A chain constructor's checks, in AlphaFold 3's order; returns the modifications as an immutable copy. */
    List<Modification> checked(String id, String sequence, List<Modification> modifications) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
        List<Modification> copy = List.copyOf(modifications);
        Polymers.requireLetters(label, sequence);
        Modification.requireValid(modificationKind, modificationsName, sequence, copy);
        return copy;
    }

    List<String> ccdSequence(String sequence, List<Modification> modifications) {
        return Polymers.ccdSequence(sequence, modifications, codeOfLetter);
    }

    String oneLetter(List<String> ccdSequence) {
        return Polymers.oneLetter(ccdSequence, unknownLetter);
    }
}
