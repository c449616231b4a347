package org.foldbatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.SequenceDatabase;
import org.junit.jupiter.api.Test;

/** {@code foldbatch.search.engine.<db>} and the sidecar that records the engines of a fold. */
class SearchEngineSettingsTests {

    @Test
    void enginesAreReadByDatabaseNameWrittenAsFreelyAsPaths() {
        assertThat(DatabaseLocations.engines(Map.of("small-bfd", "mmseqs2", "uniref90", "jackhmmer")))
                .containsEntry(SequenceDatabase.SMALL_BFD, SearchTool.MMSEQS2)
                .containsEntry(SequenceDatabase.UNIREF90, SearchTool.JACKHMMER);
        assertThatThrownBy(() -> DatabaseLocations.engines(Map.of("pdb", "mmseqs2")))
                .hasMessage("search.engine.pdb: not a gene-search database");
        assertThatThrownBy(() -> DatabaseLocations.engines(Map.of("uniref90", "blast")))
                .hasMessage("search.engine.uniref90: unknown search engine 'blast' (jackhmmer, nhmmer or mmseqs2)");
    }

    @Test
    void theSidecarExistsOnlyWhenAnotherEngineThanAlphaFold3sSearched() {
        Map<SequenceDatabase, DatabaseSpec> specs = new DatabaseLocations(Map.of(), Map.of(), List.of()).specs();
        DatabaseConfig defaults = new DatabaseConfig(specs, 1, 1, 1, null);
        FoldInput input = FoldInput.of("x", List.of(1L), List.of(new ProteinChain("A", "ACDE", List.of(), null,
                null, null, null)));
        assertThat(SearchEnginesJson.of(defaults, input)).isNull();
        assertThat(SearchEnginesJson.of(defaults.withProteinEngine(SearchTool.MMSEQS2), input)).isEqualTo("""
                {
                  "searchEngines": {
                    "uniref90": "mmseqs2",
                    "mgnify": "mmseqs2",
                    "small_bfd": "mmseqs2",
                    "uniprot": "mmseqs2"
                  }
                }
                """);
    }
}
