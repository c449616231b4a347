package org.foldbatch.input;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.foldbatch.util.PythonJson;

/**
 * A modified residue: the CCD code that replaces the residue at a 1-based position. Proteins write it as
 * {@code ptmType/ptmPosition}, RNA and DNA as {@code modificationType/basePosition}.
 */
public record Modification(String type, int position) {

    public Modification {
        Objects.requireNonNull(type, "type");
    }

    /** Python repr of a list of modifications, as AlphaFold 3 puts it into its error messages. */
    static String pythonRepr(List<Modification> modifications) {
        return modifications.stream()
                .map(m -> "(" + PythonJson.repr(m.type()) + ", " + m.position() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static void requireValid(String kind, String prefixKind, String sequence, List<Modification> modifications) {
        for (Modification m : modifications) {
            if (m.position() < 1 || m.position() > sequence.length()) {
                throw new IllegalArgumentException(
                        "Invalid " + kind + " modification index: " + pythonRepr(modifications));
            }
        }
        for (Modification m : modifications) {
            if (m.type().startsWith("CCD_")) {
                throw new IllegalArgumentException(
                        prefixKind + " must not contain the \"CCD_\" prefix, got " + pythonRepr(modifications));
            }
        }
    }
}
