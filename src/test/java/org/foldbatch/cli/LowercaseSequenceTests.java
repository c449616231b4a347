package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.ProteinChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 11: a lowercase sequence is kept as AlphaFold 3 keeps it (its letters become unknown residues), and
 * the user is told.
 */
class LowercaseSequenceTests {

    @TempDir
    Path dir;

    @Test
    void validateWarnsAboutLowercaseLettersAndKeepsTheSequence() throws Exception {
        Path input = dir.resolve("lower.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "lower", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MKVlivd"}}, {"rna": {"id": "B", "sequence": "GGCU"}}]}
                """);

        CliRun r = CliRun.of("validate", input.toString());
        FoldInput loaded = new FoldInputLoader().load(input).get(0);

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("warning: ")).toList()).singleElement().asString()
                .contains(input.toString(), "chain A: 4 of 7 residues are lowercase letters (first 'l' at position 4)",
                        "unknown residues (UNK)");
        assertThat(loaded.proteinChains().get(0).sequence()).isEqualTo("MKVlivd");
    }

    @Test
    void anUpperCaseInputHasNoWarning() {
        FoldInput input = FoldInput.of("upper", List.of(1L), List.of(ProteinChain.of("A", "MKVLIVD")));

        assertThat(input.warnings()).isEmpty();
    }
}
