package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foldbatch campaign run} on H2 and the miniature databases prints where the run left its page. */
@IntegrationTest
class CampaignRunCommandTests {

    @TempDir
    Path dir;

    @Test
    void aRunPrintsThePageItWroteInTheCampaignsFolder() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: sweep
                mode: seed-sweep
                seeds: [1, 2]
                fixed:
                  - protein: {sequence: MKVLAGSEFEKLRQTGDELV}
                """);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("campaign", "run", file.toString(), "--config", "samples/foldbatch-sample.properties",
                "--data-dir", dir.resolve("data").toString(), "--output-dir", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Path page = out.resolve("sweep/sweep_report.html").toAbsolutePath();
        assertThat(run.out()).contains("sweep: COMPLETED", "page: " + page);
        assertThat(Files.readString(page)).contains("<h1>Campaign sweep</h1>", "COMPLETED", "MANUAL");
    }
}
