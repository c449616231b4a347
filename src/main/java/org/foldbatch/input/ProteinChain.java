package org.foldbatch.input;

import java.util.List;

/**
 * A protein chain. {@code unpairedMsa}, {@code pairedMsa} and {@code templates} are null when the data pipeline must
 * search for them; an empty MSA string or an empty template list means "use none".
 */
public record ProteinChain(String id, String sequence, List<Modification> modifications, String description,
                           String unpairedMsa, String pairedMsa, List<Template> templates) implements PolymerChain {

    public ProteinChain {
        modifications = PolymerKind.PROTEIN.checked(id, sequence, modifications);
        templates = templates == null ? null : List.copyOf(templates);
        if (templates != null) {
            for (int t = 0; t < templates.size(); t++) {
                List<Integer> query = templates.get(t).queryIndices();
                for (int p = 0; p < query.size(); p++) {
                    // AlphaFold 3 checks "greater than" the length, so an index equal to the length passes here.
                    if (query.get(p) > sequence.length()) {
                        throw new IllegalArgumentException("Query residue index " + query.get(p) + " at position "
                                + (p + 1) + " is greater than the query sequence length " + sequence.length()
                                + " for template " + (t + 1) + ".");
                    }
                }
            }
        }
    }

    /** A chain with nothing set but the sequence: MSAs and templates will be searched. */
    public static ProteinChain of(String id, String sequence) {
        return new ProteinChain(id, sequence, List.of(), null, null, null, null);
    }

    @Override
    public ProteinChain withId(String newId) {
        return new ProteinChain(newId, sequence, modifications, description, unpairedMsa, pairedMsa, templates);
    }

    @Override
    public PolymerKind kind() {
        return PolymerKind.PROTEIN;
    }

    public ProteinChain withUnpairedMsa(String msa) {
        return new ProteinChain(id, sequence, modifications, description, msa, pairedMsa, templates);
    }

    public ProteinChain withPairedMsa(String msa) {
        return new ProteinChain(id, sequence, modifications, description, unpairedMsa, msa, templates);
    }

    public ProteinChain withTemplates(List<Template> newTemplates) {
        return new ProteinChain(id, sequence, modifications, description, unpairedMsa, pairedMsa, newTemplates);
    }

    public ProteinChain withDescription(String newDescription) {
        return new ProteinChain(id, sequence, modifications, newDescription, unpairedMsa, pairedMsa, templates);
    }

    /**
     * The chain as AlphaFold 3's data pipeline returns it: rebuilt from {@link #oneLetterSequence()} (so non-standard
     * letters become X and modified positions their parent letter) with the given search results.
     */
    public ProteinChain withPipelineResults(String newUnpairedMsa, String newPairedMsa, List<Template> newTemplates) {
        return new ProteinChain(id, oneLetterSequence(), modifications, description, newUnpairedMsa, newPairedMsa,
                newTemplates);
    }

    /** AlphaFold 3's {@code fill_missing_fields}: unset MSAs become "" and unset templates an empty list. */
    public ProteinChain fillMissingFields() {
        return new ProteinChain(id, sequence, modifications, description,
                unpairedMsa == null ? "" : unpairedMsa, pairedMsa == null ? "" : pairedMsa,
                templates == null ? List.of() : templates);
    }
}
