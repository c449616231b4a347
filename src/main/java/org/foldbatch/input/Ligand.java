package org.foldbatch.input;

import java.util.List;
import java.util.Objects;

/**
 * A ligand or ion: either CCD codes (more than one makes a branched ligand such as a glycan) or a SMILES string, never
 * both.
 */
public record Ligand(String id, List<String> ccdCodes, String smiles, String description) implements Chain {

    public Ligand {
        Objects.requireNonNull(id, "id");
        if ((ccdCodes == null) == (smiles == null)) {
            throw new IllegalArgumentException("Ligand must have one of CCD ID or SMILES set.");
        }
        ccdCodes = ccdCodes == null ? null : List.copyOf(ccdCodes);
        if (smiles != null) {
            String problem = Smiles.problem(smiles);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "Unable to make RDKit Mol from SMILES: " + smiles + " (" + problem + ")");
            }
        }
    }

    public static Ligand ofCcd(String id, String... codes) {
        return new Ligand(id, List.of(codes), null, null);
    }

    public static Ligand ofSmiles(String id, String smiles) {
        return new Ligand(id, null, smiles, null);
    }

    public boolean isSmiles() {
        return smiles != null;
    }

    @Override
    public Ligand withId(String newId) {
        return new Ligand(newId, ccdCodes, smiles, description);
    }

    @Override
    public int length() {
        return ccdCodes != null ? ccdCodes.size() : 1;
    }

    /**
     * The component id AlphaFold 3 gives a SMILES ligand ({@code LIG_<chain id>}); it appears in the output mmCIF.
     */
    public String smilesComponentId() {
        return "LIG_" + id;
    }

    public Ligand withDescription(String newDescription) {
        return new Ligand(id, ccdCodes, smiles, newDescription);
    }
}
