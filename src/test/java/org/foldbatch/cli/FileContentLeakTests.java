package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: a file named in an input that is not what it claims is refused by content type, and the message
 * names the file and the problem, never the file's content.
 */
class FileContentLeakTests {

    static final String SECRET = "root:SECRET-TOKEN-4711:0:0";

    @TempDir
    Path dir;

    @Test
    void aUserCcdPathToAnyReadableFileIsRefusedWithoutItsContent() throws Exception {
        Path secret = secretFile();
        Path input = dir.resolve("ccd.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "ccd", "modelSeeds": [1], "userCCDPath": "%s",
                 "sequences": [{"protein": {"id": "A", "sequence": "MKV"}}]}
                """.formatted(secret));

        CliRun r = CliRun.of("validate", input.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("$.userCCDPath", "not an mmCIF chemical component dictionary")
                .doesNotContain("SECRET");
    }

    @Test
    void aTemplateMmcifPathToAnotherKindOfFileIsRefusedWithoutItsContent() throws Exception {
        Path secret = secretFile();
        Path input = dir.resolve("template.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "template", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MKV", "unpairedMsa": "", "pairedMsa": "",
                   "templates": [{"mmcifPath": "%s", "queryIndices": [0], "templateIndices": [0]}]}}]}
                """.formatted(secret));

        CliRun r = CliRun.of("validate", input.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("templates[0]", "the file is not mmCIF").doesNotContain("SECRET");
    }

    @Test
    void aCampaignLigandFileThatIsNotSmilesIsRefusedWithoutItsContent() throws Exception {
        Path secret = secretFile();
        Path campaign = dir.resolve("screen.yaml");
        Files.writeString(campaign, "name: screen\nmode: ligand-screen\nfixed: [{protein: {sequence: MKV}}]\n"
                + "ligandFile: " + secret + "\n");

        CliRun r = CliRun.of("campaign", "validate", campaign.toString());

        assertThat(r.exit()).isNotZero();
        assertThat(r.out() + r.err()).contains("$.ligandFile", secret + ": entry 1 is not a valid SMILES string")
                .doesNotContain("SECRET");
    }

    private Path secretFile() throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, SECRET + "\nsecond:line\n");
        return secret;
    }
}
