package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.IntegrationTest;
import org.foldbatch.msa.A3m;
import org.foldbatch.msa.FastaRecord;
import org.foldbatch.msa.GeneSearchExecutor;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.MiniatureDatabases;
import org.foldbatch.msa.MmseqsTesting;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Species pairing reads MMseqs2's UniProt rows exactly as it reads jackhmmer's. */
@IntegrationTest
class Mmseqs2SpeciesTests {

    private static final String RESPONSE_REGULATOR = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";

    @TempDir
    Path temp;

    @Test
    void everyTargetBothEnginesFindHasTheSameSpeciesAndEveryMmseqsRowHasOne() {
        GeneSearchExecutor executor = MmseqsTesting.executor(temp);
        SearchRequest mmseqs = MmseqsTesting.mmseqsPlan().requests(RESPONSE_REGULATOR, MoleculeType.PROTEIN).get(3);
        SearchRequest jackhmmer = new GeneSearchPlan(MiniatureDatabases.config(2, 2), "HMMER 3.3.2")
                .requests(RESPONSE_REGULATOR, MoleculeType.PROTEIN).get(3);
        Map<String, String> jackSpecies = speciesByTarget(executor.apply(jackhmmer).a3m());
        Map<String, String> mmSpecies = speciesByTarget(executor.apply(mmseqs).a3m());

        assertThat(jackSpecies).isNotEmpty();
        assertThat(mmSpecies.values()).allSatisfy(s -> assertThat(s).matches("[A-Z0-9]+"));
        jackSpecies.forEach((target, species) -> assertThat(mmSpecies).containsEntry(target, species));
    }

    /** Target accession (first word without its range) to the species pairing reads, hit rows only. */
    private static Map<String, String> speciesByTarget(String a3m) {
        List<FastaRecord> rows = A3m.parse(a3m);
        Map<String, String> species = new HashMap<>();
        for (FastaRecord row : rows.subList(1, rows.size())) {
            String word = row.description().split(" ", 2)[0];
            species.put(word.substring(0, word.lastIndexOf('/')), MsaFeatures.speciesOf(row.description()));
        }
        return species;
    }
}
