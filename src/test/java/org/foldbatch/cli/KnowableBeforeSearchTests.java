package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, item 10: what featurisation would reject is knowable before any search, so {@code validate} and the
 * run's checks before the first job reject it (no job, no output folder, no search).
 */
class KnowableBeforeSearchTests {

    static final String PROTEIN = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEE";

    @TempDir
    Path dir;

    @Test
    void anUnknownCcdCode() throws Exception {
        Path input = write("unknown_ccd", "{\"ligand\": {\"id\": \"L\", \"ccdCodes\": [\"ZZ9\"]}}", "");

        assertRejected(input, "ZZ9");
    }

    @Test
    void aBondToAnAtomTheComponentDoesNotHave() throws Exception {
        Path input = write("bad_bond", "{\"ligand\": {\"id\": \"L\", \"ccdCodes\": [\"ATP\"]}}",
                ", \"bondedAtomPairs\": [[[\"A\", 1, \"OG\"], [\"L\", 1, \"NOPE\"]]]");

        assertRejected(input, "\"NOPE\" was not found in the list of atoms of the chemical component ATP");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --buckets    | abc | foldbatch.featurisation.buckets: 'abc' is not a token count
            --max-tokens | 0   | --max-tokens: the token limit must be 1 or more
            """)
    void aSettingThatCannotWork(String flag, String value, String reason) throws Exception {
        Path input = write("fine", "{\"ligand\": {\"id\": \"L\", \"ccdCodes\": [\"ATP\"]}}", "");

        CliRun validate = CliRun.of("validate", input.toString(), flag, value);
        CliRun run = run(input, flag, value);

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out() + validate.err()).contains(reason);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(reason);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private void assertRejected(Path input, String reason) {
        CliRun validate = CliRun.of("validate", input.toString(), "--ccd-path", "samples/ccd/components-subset.cif");
        CliRun run = run(input);

        assertThat(validate.exit()).as(validate.out()).isEqualTo(1);
        assertThat(validate.out()).contains(reason);
        assertThat(run.exit()).as(run.out() + run.err().lines().limit(30).toList()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().contains(reason);
        assertThat(dir.resolve("out")).doesNotExist();
        CliRun jobs = CliRun.of("jobs", "--data-dir", dir.resolve("data").toString());
        assertThat(jobs.out().lines()).as("no job was started").hasSize(1);
    }

    private CliRun run(Path input, String... more) {
        String[] base = {"run", input.toString(), "--config", "samples/foldbatch-sample.properties", "--data-dir",
                dir.resolve("data").toString(), "--output-dir", dir.resolve("out").toString(), "--featurise-only"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    private Path write(String name, String ligand, String bonds) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, """
                {"dialect": "alphafold3", "version": 4, "name": "%s", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "%s"}}, %s]%s}
                """.formatted(name, PROTEIN, ligand, bonds));
        return file;
    }
}
