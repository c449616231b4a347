package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 9: settings and database failures are one line, not a stack trace. */
class OneLineErrorsTests {

    @TempDir
    Path dir;

    @Test
    void anUnknownJdbcUrl() {
        CliRun r = CliRun.of("jobs", "--db-url", "jdbc:bogus:foo", "--data-dir", dir.toString());

        assertOneLine(r, "cannot open the database jdbc:bogus:foo");
    }

    @Test
    void postgresqlOnAPortWhereNothingListens() {
        CliRun r = CliRun.of("jobs", "--db-url", "jdbc:postgresql://127.0.0.1:1/test", "--db-user", "postgres",
                "--data-dir", dir.toString());

        assertOneLine(r, "cannot open the database jdbc:postgresql://127.0.0.1:1/test");
    }

    @Test
    void anInvalidMaxTemplateDate() throws Exception {
        CliRun r = CliRun.of("run", "samples/inputs/5tgy.json", "--data-dir", dir.toString(), "--max-template-date",
                "2021-13-45", "--output-dir", dir.resolve("out").toString(), "--data-pipeline-only");

        assertOneLine(r, "foldbatch.template.max-template-date = '2021-13-45'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aTenThousandCharacterName() throws Exception {
        Path input = dir.resolve("long.json");
        Files.writeString(input, "{\"dialect\": \"alphafold3\", \"version\": 4, \"name\": \"" + "x".repeat(10_000)
                + "\", \"modelSeeds\": [1], \"sequences\": [{\"protein\": {\"id\": \"A\", \"sequence\": \"MKV\"}}]}");

        CliRun r = CliRun.of("run", input.toString(), "--data-dir", dir.toString(), "--output-dir",
                dir.resolve("out").toString(), "--data-pipeline-only");

        assertOneLine(r, "$.name");
        assertThat(r.err()).contains("10000 characters long").hasSizeLessThan(400);
    }

    @Test
    void aNegativeJobsLimit() {
        CliRun r = CliRun.of("jobs", "--limit", "-5", "--data-dir", dir.toString());

        assertOneLine(r, "--limit: the number of executions to list must be 1 or more, got -5");
    }

    private static void assertOneLine(CliRun r, String expected) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> !l.isBlank())).as(r.err()).singleElement().asString()
                .startsWith("error: ").contains(expected);
        assertThat(r.out() + r.err()).doesNotContain("\tat ", "Exception:");
    }
}
