package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class HmmerBinariesTests {

    @Test
    void findsTheInstalledHmmerAndItsVersion() {
        HmmerBinaries binaries = HmmerBinaries.locate(TestData.HMMER);
        assertThat(binaries.jackhmmer()).isEqualTo(Path.of("/usr/bin/jackhmmer"));
        assertThat(binaries.hmmsearch()).isEqualTo(Path.of("/usr/bin/hmmsearch"));
        assertThat(binaries.version(new ToolRunner())).matches("HMMER 3\\.\\d+(\\.\\d+)?");
        assertThat(HmmerBinaries.locate(null).nhmmer().getFileName().toString()).isEqualTo("nhmmer");
    }

    @Test
    void namesEveryMissingBinary(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("jackhmmer"), Path.of("/usr/bin/jackhmmer"));
        assertThatThrownBy(() -> HmmerBinaries.locate(dir))
                .isInstanceOf(org.foldbatch.FoldbatchException.class)
                .hasMessage("HMMER binaries not found or not executable in directory " + dir
                        + ": nhmmer, hmmbuild, hmmalign, hmmsearch; install HMMER 3.3+ or set the HMMER binary"
                        + " directory");
    }
}
