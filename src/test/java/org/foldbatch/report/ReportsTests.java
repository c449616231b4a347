package org.foldbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ranking view and report over inference results, on H2 and PostgreSQL. */
@IntegrationTest
class ReportsTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theRankingListsEveryCandidateByItsBestSampleAndCandidatesWithoutResultsLast(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        candidate(jdbc, "screen", "ATP", "h1");
        candidate(jdbc, "screen", "ADP", "h2");
        candidate(jdbc, "screen", "GTP", "h3");
        candidate(jdbc, "other", "ATP", "h4");
        sample(jdbc, "h1", 1, 0.61, 0.70, "[[0.9, 0.7], [0.7, 0.8]]", "/out/screen_ATP/seed-1_sample-0");
        sample(jdbc, "h1", 2, 0.83, 0.75, "[[0.9, 0.75], [0.75, 0.8]]", "/out/screen_ATP/seed-1_sample-1");
        sample(jdbc, "h2", 1, 0.72, 0.64, "[[0.9, 0.64], [0.64, 0.8]]", "/out/screen_ADP/seed-1_sample-0");

        ReportTable table = new Reports(jdbc).run(ReportSection.RANKING, "screen");

        assertThat(table.rows()).extracting(r -> r.get(table.columns().indexOf("candidate_name")))
                .containsExactly("ATP", "ADP", "GTP");
        assertThat(table.rows()).extracting(r -> String.valueOf(r.get(table.columns().indexOf("rank"))))
                .containsExactly("1", "2", "3");
        assertThat(table.rows().get(0).get(table.columns().indexOf("ranking_score")).toString()).isEqualTo("0.830");
        assertThat(table.rows().get(0).get(table.columns().indexOf("output_path")))
                .isEqualTo("/out/screen_ATP/seed-1_sample-1");
        assertThat(table.rows().get(2).get(table.columns().indexOf("output_path"))).isEqualTo("/out/screen/GTP");
        assertThat(table.toCsv().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("screen,1,ATP,COMPLETED,,0.830,0.750,\"[[0.9, 0.75], [0.75, 0.8]]\",/out/screen_ATP/seed-1_sample-1");
        assertThat(new Reports(jdbc).run(ReportSection.RANKING, null).rows()).hasSize(4);
        assertThat(table.toText()).startsWith("Campaign ranking of campaign screen (3 rows)\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everySectionRunsOnAnEmptyRepository(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        for (ReportSection section : ReportSection.values()) {
            for (String campaign : new String[] {null, "x"}) {
                ReportTable table = new Reports(jdbc).run(section, campaign);
                assertThat(table.rows()).isEmpty();
                assertThat(table.columns()).isNotEmpty();
            }
        }
    }

    static void candidate(JdbcTemplate jdbc, String campaign, String name, String hash) {
        jdbc.update("INSERT INTO fb_campaign_candidate (campaign_name, candidate_name, input_hash, fold_name, stages,"
                + " status, output_dir, updated_at) VALUES (?, ?, ?, ?, 'data', 'COMPLETED', ?, ?)", campaign, name, hash,
                campaign + "_" + name, "/out/" + campaign + "/" + name, Timestamp.from(Instant.now()));
    }

    static void sample(JdbcTemplate jdbc, String hash, int sample, double score, double iptm, String pairs,
            String path) {
        jdbc.update("INSERT INTO fb_sample_result (job_execution_id, input_hash, seed, sample, ranking_score, ptm, iptm,"
                + " chain_pair_iptm, output_path, created_at) VALUES (1, ?, 1, ?, ?, 0.8, ?, ?, ?, ?)", hash, sample,
                score, iptm, pairs, path, Timestamp.from(Instant.now()));
    }

}
