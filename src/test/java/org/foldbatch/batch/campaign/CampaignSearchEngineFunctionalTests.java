package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.msa.MmseqsTesting;
import org.foldbatch.report.ReportSection;
import org.foldbatch.report.ReportTable;
import org.foldbatch.report.Reports;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A campaign with {@code searchEngine: mmseqs2} on the miniature databases, then the same one with jackhmmer. */
@IntegrationTest
class CampaignSearchEngineFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void mmseqs2AndJackhmmerResultsAreCachedSideBySideAndOnlyMmseqs2FoldsGetTheSidecar() throws Exception {
        String sequence = CampaignFunctionalTests.RESPONSE_REGULATOR;
        Campaign fast = CampaignReader.read(write("fast.yaml", "rr_fast", "searchEngine: mmseqs2\n"));
        Campaign exact = CampaignReader.read(write("exact.yaml", "rr_exact", ""));
        assertThat(fast.searchEngine().engineName()).isEqualTo("mmseqs2");
        assertThat(fast.planHash()).isNotEqualTo(CampaignReader.read(write("fast2.yaml", "rr_fast", "")).planHash());

        Map<String, Object> properties = new LinkedHashMap<>(TestDatabases.h2(dir.resolve("data")));
        properties.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        properties.put("foldbatch.search.mmseqs-index-dir", MmseqsTesting.INDEX_ROOT.toAbsolutePath().toString());
        try (ConfigurableApplicationContext ctx = CampaignFunctionalTests.start(properties)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            CampaignLauncher launcher = ctx.getBean(CampaignLauncher.class);

            CampaignLauncher.Outcome first = launcher.run(fast, dir.resolve("fast"), CampaignLauncher.Trigger.MANUAL,
                    null);
            assertThat(first.execution().getStatus()).as(first.message()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(tools(jdbc, sequence)).containsExactlyInAnyOrder("mmseqs2", "mmseqs2", "mmseqs2", "mmseqs2",
                    "hmmsearch");
            Path fold = dir.resolve("fast/rr_fast/rr_fast_atp");
            assertThat(fold.resolve("rr_fast_atp_data.json")).exists();
            assertThat(Files.readString(fold.resolve("rr_fast_atp_data_search_engines.json")))
                    .contains("\"uniref90\": \"mmseqs2\"", "\"uniprot\": \"mmseqs2\"");
            assertThat(jdbc.queryForList("SELECT DISTINCT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p"
                    + " WHERE p.PARAMETER_NAME = 'search.engine'", String.class)).containsExactly("mmseqs2");

            CampaignLauncher.Outcome second = launcher.run(exact, dir.resolve("exact"),
                    CampaignLauncher.Trigger.MANUAL, null);
            assertThat(second.execution().getStatus()).as(second.message()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForList("SELECT tool FROM fb_msa_cache WHERE sequence_sha256 = ?", String.class,
                    Hashing.sha256(sequence))).as("one entry per engine and database, never mixed")
                    .containsExactlyInAnyOrder("mmseqs2", "mmseqs2", "mmseqs2", "mmseqs2", "jackhmmer", "jackhmmer",
                            "jackhmmer", "jackhmmer");
            Path exactFold = dir.resolve("exact/rr_exact/rr_exact_atp");
            assertThat(exactFold.resolve("rr_exact_atp_data.json")).exists();
            assertThat(exactFold.resolve("rr_exact_atp_data_search_engines.json")).doesNotExist();
            assertThat(Files.readString(exactFold.resolve("rr_exact_atp_data.json")))
                    .isNotEqualTo(Files.readString(fold.resolve("rr_fast_atp_data.json")).replace("rr_fast", "rr_exact"));

            ReportTable fastMsas = new Reports(jdbc).run(ReportSection.MSAS, "rr_fast");
            ReportTable exactMsas = new Reports(jdbc).run(ReportSection.MSAS, "rr_exact");
            int engine = fastMsas.columns().indexOf("engine");
            assertThat(fastMsas.rows()).hasSize(4).allSatisfy(r -> assertThat(r.get(engine)).isEqualTo("mmseqs2"));
            assertThat(exactMsas.rows()).hasSize(4).allSatisfy(r -> assertThat(r.get(engine)).isEqualTo("jackhmmer"));
            assertThat(fastMsas.columns()).contains("database_name", "cpu_seconds", "hits");
        }
    }

    private Path write(String file, String name, String extra) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, """
                name: %s
                mode: pulldown
                %sfixed:
                  - protein: {sequence: %s}
                partners:
                  - {name: atp, ligand: {ccdCodes: [ATP]}}
                """.formatted(name, extra, CampaignFunctionalTests.RESPONSE_REGULATOR));
        return path;
    }

    private static List<String> tools(JdbcTemplate jdbc, String sequence) {
        return jdbc.queryForList("SELECT tool FROM fb_tool_run WHERE sequence_sha256 = ?", String.class,
                Hashing.sha256(sequence));
    }
}
