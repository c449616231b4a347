package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Campaign jobs on the miniature databases: fan-out, shared data pipeline, failure isolation and restart. */
@IntegrationTest
class CampaignFunctionalTests {

    static final Path SCREEN = Path.of("jobs/response_regulator_ligand_screen.yaml");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aLigandScreenSearchesTheTargetOnceAndRanksEveryCandidate(String vendor) throws Exception {
        Campaign campaign = CampaignReader.read(SCREEN);
        String target = ((ProteinChain) campaign.candidates().get(0).input().chains().get(0)).oneLetterSequence();
        Map<String, Object> properties = properties(vendor, Map.of());
        try (ConfigurableApplicationContext ctx = start(properties)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            CampaignLauncher.Outcome outcome = ctx.getBean(CampaignLauncher.class)
                    .run(campaign, dir.resolve("out"), CampaignLauncher.Trigger.MANUAL, null);

            assertThat(outcome.execution().getStatus()).as(outcome.message()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForList("SELECT tool FROM fb_tool_run WHERE sequence_sha256 = ?", String.class,
                    Hashing.sha256(target))).as("4 jackhmmer searches and 1 template search, once")
                    .containsExactlyInAnyOrder("jackhmmer", "jackhmmer", "jackhmmer", "jackhmmer", "hmmsearch");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class)).isEqualTo(5);
            assertThat(foldJobs(jdbc, "COMPLETED")).as("20 candidates and the shared data pipeline").isEqualTo(21);
            List<String> ranked = jdbc.queryForList(
                    "SELECT candidate_name FROM fb_report_campaign_ranking WHERE campaign_name = ?", String.class,
                    campaign.name());
            assertThat(ranked).containsExactlyInAnyOrderElementsOf(
                    campaign.candidates().stream().map(Candidate::name).toList());
            assertThat(dir.resolve("out/rr_ligand_screen/rr_ligand_screen_ATP/rr_ligand_screen_ATP_data.json"))
                    .exists();

            String report = report(properties, campaign.name());
            System.out.println(report);
            assertThat(report).contains("Campaign ranking of campaign rr_ligand_screen (20 rows)",
                    "Cache efficiency of campaign rr_ligand_screen", "Job status", "Step timings", "Failures",
                    "Campaign runs");
            campaign.candidates().forEach(c -> assertThat(report).contains(c.name()));
            if (vendor.equals("postgresql")) {
                for (Path query : reportQueries()) {
                    assertThat(jdbc.queryForList(Files.readString(query))).as(query.toString()).isNotNull();
                }
                assertThat(jdbc.queryForList(read("db/reports/campaign_ranking.sql"))).hasSize(20);
                Map<String, Object> msa = jdbc.queryForList(read("db/reports/cache_efficiency.sql")).stream()
                        .filter(r -> "msa".equals(r.get("cache_name"))).findFirst().orElseThrow();
                assertThat(((Number) msa.get("misses")).intValue()).as("the target's 4 searches, once").isEqualTo(4);
                assertThat(((Number) msa.get("hits")).intValue()).as("every candidate's searches").isGreaterThanOrEqualTo(80);
            }
        }
    }

    @Test
    void aFailedCandidateDoesNotStopTheOthersIsRetriedOnRestartAndAFinishedOneIsNotRecomputed() throws Exception {
        Path file = dir.resolve("pulldown.yaml");
        Files.writeString(file, """
                name: rr_pulldown
                mode: pulldown
                fixed:
                  - protein: {sequence: %s}
                partners:
                  - {name: atp, ligand: {ccdCodes: [ATP]}}
                  - {name: u6, rna: {sequence: %s}}
                """.formatted(RESPONSE_REGULATOR, U6_RNA));
        Campaign campaign = CampaignReader.read(file);
        Map<String, Object> properties = properties("h2", Map.of());
        Map<String, Object> noRfam = new LinkedHashMap<>(properties);
        noRfam.put("foldbatch.databases.rfam", "no_such_rfam.fasta");

        CampaignLauncher.Outcome first;
        try (ConfigurableApplicationContext ctx = start(noRfam)) {
            first = ctx.getBean(CampaignLauncher.class).run(campaign, dir.resolve("out"), CampaignLauncher.Trigger.MANUAL,
                    null);
        }
        Path page = dir.resolve("out/rr_pulldown/rr_pulldown_report.html");
        String firstPage = Files.readString(page);
        try (ConfigurableApplicationContext ctx = start(properties)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Map<String, String> afterFirst = statuses(jdbc, campaign.name());
            int foldJobsAfterFirst = foldJobs(jdbc, null);
            CampaignLauncher launcher = ctx.getBean(CampaignLauncher.class);

            CampaignLauncher.Outcome restart = launcher.run(campaign, dir.resolve("out"), CampaignLauncher.Trigger.MANUAL,
                    null);
            int foldJobsAfterRestart = foldJobs(jdbc, null);
            CampaignLauncher.Outcome nextNight = launcher.run(campaign, dir.resolve("out"),
                    CampaignLauncher.Trigger.SCHEDULE, Instant.parse("2030-01-02T22:00:00Z"));

            assertThat(first.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(first.message()).contains("1 of 2 candidates failed").contains("u6");
            assertThat(afterFirst).containsEntry("atp", "COMPLETED").containsEntry("u6", "FAILED");
            assertThat(restart.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restart.execution().getJobInstance().getInstanceId())
                    .as("a manual run after a failure restarts that run")
                    .isEqualTo(first.execution().getJobInstance().getInstanceId());
            assertThat(statuses(jdbc, campaign.name())).containsEntry("atp", "COMPLETED").containsEntry("u6", "COMPLETED");
            assertThat(foldJobsAfterRestart - foldJobsAfterFirst).as("only u6's fold job (and the shared one) ran again")
                    .isEqualTo(1);
            assertThat(nextNight.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(nextNight.execution().getJobInstance().getInstanceId())
                    .isNotEqualTo(first.execution().getJobInstance().getInstanceId());
            assertThat(foldJobs(jdbc, null)).as("nothing recomputed the next night").isEqualTo(foldJobsAfterRestart);
            assertThat(jdbc.queryForList("SELECT status FROM fb_campaign_run WHERE campaign_name = ? ORDER BY id",
                    String.class, campaign.name())).containsExactly("FAILED", "COMPLETED", "COMPLETED");

            // The run wrote its page in the campaign's folder, and each later run refreshed it.
            assertThat(section(firstPage, "failures")).contains("u6").doesNotContain("atp");
            assertThat(rows(section(firstPage, "runs"))).singleElement().asString().contains("FAILED");
            assertThat(rows(section(firstPage, "ranking"))).hasSize(2);
            String lastPage = Files.readString(page);
            assertThat(rows(section(lastPage, "runs"))).hasSize(3).allSatisfy(r -> assertThat(r).doesNotContain(
                    "STARTED"));
            assertThat(page.getParent()).isDirectoryContaining(p -> p.getFileName().toString().startsWith(
                    "rr_pulldown_atp"));
            try (var files = Files.list(page.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    /** The HTML of the page's section with this id. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The body rows of the section's table. */
    private static List<String> rows(String section) {
        int body = section.indexOf("<tbody>");
        return body < 0 ? List.of() : List.of(section.substring(body + "<tbody>".length()).split("<tr[ >]")).stream()
                .filter(r -> !r.isBlank() && !r.startsWith("</tbody>")).toList();
    }

    @Test
    void inputsOverTheTokenLimitAreRejectedBeforeAnySearchWithTheReason() throws Exception {
        Path file = dir.resolve("limit.json");
        Files.writeString(file, """
                {"name": "limited", "mode": "homo-oligomer", "maxTokens": 300, "copies": [1, 2, 3],
                 "fixed": [{"protein": {"sequence": "%s"}}]}
                """.formatted(RESPONSE_REGULATOR));
        try (ConfigurableApplicationContext ctx = start(properties("h2", Map.of()))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            ctx.getBean(CampaignLauncher.class).run(CampaignReader.read(file), dir.resolve("out"),
                    CampaignLauncher.Trigger.MANUAL, null);

            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT candidate_name, status, tokens, reason FROM fb_campaign_candidate ORDER BY candidate_name");
            assertThat(rows).extracting(r -> r.get("STATUS")).containsExactly("COMPLETED", "COMPLETED", "REJECTED");
            assertThat(rows.get(2).get("TOKENS")).isEqualTo(3 * RESPONSE_REGULATOR.length());
            assertThat((String) rows.get(2).get("REASON")).contains("> maxTokens 300");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_fold_input WHERE name = 'limited_x3'", Integer.class))
                    .as("stored, but no fold job").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS p JOIN fb_fold_input f"
                    + " ON f.input_hash = p.PARAMETER_VALUE WHERE f.name = 'limited_x3'", Integer.class)).isZero();
        }
    }

    static final String RESPONSE_REGULATOR = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";
    static final String U6_RNA = "GUCCUCUUCGGAGUGACAUAUACAAAAAUUGGAACGAUACAGAGAAGAUUAGCAUGGCCCCUGCACAAGGAUGACA"
            + "CGCUAGUUCAGAGUGGACGGUCUACGGACCGCAAUAUUUAUUUUU";

    private Map<String, Object> properties(String vendor, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>(vendor.equals("postgresql")
                ? TestDatabases.postgres(dir.resolve("data")) : TestDatabases.h2(dir.resolve("data")));
        p.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        p.putAll(extra);
        return p;
    }

    /** What {@code foldbatch report CAMPAIGN} prints, run through the CLI against the test's database. */
    private static String report(Map<String, Object> properties, String campaign) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = org.foldbatch.cli.Main.execute("report", campaign,
                    "--db-url", String.valueOf(properties.get("spring.datasource.url")),
                    "--db-user", String.valueOf(properties.get("spring.datasource.username")),
                    "--data-dir", String.valueOf(properties.get("foldbatch.data-dir")));
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isZero();
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Path> reportQueries() throws java.io.IOException {
        try (var files = Files.list(Path.of("db/reports"))) {
            List<Path> queries = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
            return queries;
        }
    }

    private static String read(String file) throws java.io.IOException {
        return Files.readString(Path.of(file));
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FoldbatchApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run(args);
    }

    private static int foldJobs(JdbcTemplate jdbc, String status) {
        return status == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                        + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'foldJob'", Integer.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                        + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'foldJob' AND e.STATUS = ?",
                        Integer.class, status);
    }

    private static Map<String, String> statuses(JdbcTemplate jdbc, String campaign) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT candidate_name, status FROM fb_campaign_candidate WHERE campaign_name = ?",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                }, campaign);
        return out;
    }
}
