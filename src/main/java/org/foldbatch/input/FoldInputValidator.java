package org.foldbatch.input;

import java.util.List;

/** Checks that go beyond parsing, for runs that skip parts of the pipeline. */
public final class FoldInputValidator {

    private FoldInputValidator() {
    }

    /**
     * For inference without the data pipeline (AlphaFold 3's {@code --run_data_pipeline=false}): every protein needs
     * both MSAs and templates, every RNA its unpaired MSA. Chains are counted from 1 within their type, as AlphaFold 3
     * does.
     *
     * @throws InputException naming the input, the chain and what is missing
     */
    public static void requireDataComplete(FoldInput input) {
        if (input.chains().isEmpty()) {
            throw new InputException(input.name(), "$.sequences", "Fold input has no chains.");
        }
        List<ProteinChain> proteins = input.proteinChains();
        for (int i = 0; i < proteins.size(); i++) {
            ProteinChain protein = proteins.get(i);
            String where = "chain " + protein.id();
            if (protein.unpairedMsa() == null) {
                throw new InputException(input.name(), where, "Protein chain " + (i + 1) + " is missing unpaired MSA.");
            }
            if (protein.pairedMsa() == null) {
                throw new InputException(input.name(), where, "Protein chain " + (i + 1) + " is missing paired MSA.");
            }
            if (protein.templates() == null) {
                throw new InputException(input.name(), where, "Protein chain " + (i + 1) + " is missing Templates.");
            }
        }
        List<RnaChain> rnas = input.rnaChains();
        for (int i = 0; i < rnas.size(); i++) {
            if (rnas.get(i).unpairedMsa() == null) {
                throw new InputException(input.name(), "chain " + rnas.get(i).id(),
                        "RNA chain " + (i + 1) + " is missing unpaired MSA.");
            }
        }
    }
}
