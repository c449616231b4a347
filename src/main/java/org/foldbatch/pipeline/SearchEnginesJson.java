package org.foldbatch.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SequenceDatabase;

/**
 * The record of which engine searched each database for a fold, written beside {@code _data.json}: AlphaFold 3's
 * input schema has no field for it, and a default run must write AlphaFold 3's files byte for byte, so the record
 * is a sidecar file that exists only when MMseqs2 searched some database.
 */
public final class SearchEnginesJson {

    private SearchEnginesJson() {
    }

    /**
     * {@code {"searchEngines": {"uniref90": "mmseqs2", ...}}} over the databases searched for the input's protein
     * and RNA chains, in submission order; null when every database uses AlphaFold 3's engine (nothing to record).
     */
    public static String of(DatabaseConfig config, FoldInput input) {
        if (!config.usesMmseqs()) {
            return null;
        }
        List<MoleculeType> types = new ArrayList<>();
        for (Chain chain : input.chains()) {
            MoleculeType type = chain instanceof ProteinChain ? MoleculeType.PROTEIN
                    : chain instanceof RnaChain ? MoleculeType.RNA : null;
            if (type != null && !types.contains(type)) {
                types.add(type);
            }
        }
        types.sort(null);
        List<String> entries = new ArrayList<>();
        for (MoleculeType type : types) {
            for (SequenceDatabase database : SequenceDatabase.searchedFor(type)) {
                entries.add("    \"" + database.role() + "\": \"" + config.tool(database).engineName() + "\"");
            }
        }
        return "{\n  \"searchEngines\": {\n" + String.join(",\n", entries) + "\n  }\n}\n";
    }
}
