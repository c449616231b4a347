package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Campaign progress from the candidates' statuses and the latest run, on H2 and PostgreSQL. */
@IntegrationTest
class CampaignProgressTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void countsFoldsByStatusAndEstimatesTheTimeLeftFromThisRunsFinishedFolds(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        Instant runStart = now.minusSeconds(100);
        jdbc.update("INSERT INTO fb_campaign_run (campaign_name, triggered_by, started_at, status) "
                + "VALUES ('screen', 'manual', ?, 'STARTED')", Timestamp.from(runStart));
        candidate(jdbc, "a", "COMPLETED", runStart.minusSeconds(3600)); // finished by an earlier run
        candidate(jdbc, "b", "COMPLETED", runStart.plusSeconds(50));
        candidate(jdbc, "c", "FAILED", runStart.plusSeconds(60));
        candidate(jdbc, "d", "RUNNING", runStart.plusSeconds(1));
        candidate(jdbc, "e", "PENDING", runStart.minusSeconds(5));
        candidate(jdbc, "f", "PENDING", runStart.minusSeconds(5));
        candidate(jdbc, "g", "REJECTED", runStart.minusSeconds(5));
        candidate(jdbc, "x", "PENDING", runStart);
        jdbc.update("UPDATE fb_campaign_candidate SET campaign_name = 'other' WHERE candidate_name = 'x'");

        CampaignProgress p = new JdbcCampaignStore(jdbc).progress("screen");

        assertThat(p).isEqualTo(new CampaignProgress("screen", 7, 2, 1, 1, 2, 1, 1, runStart));
        // 100 s for the one fold this run finished, three still to go.
        assertThat(p.timeLeft(now)).isEqualTo(Duration.ofSeconds(300));
        assertThat(p.line(now)).isEqualTo("campaign screen: folds 2 of 6 done, 1 failed, 1 running, 2 waiting "
                + "(1 rejected or routed), about 300 s left");
    }

    @org.junit.jupiter.api.Test
    void aCampaignThatNeverRanHasNoEstimate() {
        JdbcTemplate jdbc = TestDatabases.migrated("h2", dir);
        candidate(jdbc, "a", "PENDING", Instant.now());
        CampaignProgress p = new JdbcCampaignStore(jdbc).progress("screen");
        assertThat(p.timeLeft(Instant.now())).isNull();
        assertThat(p.line(Instant.now())).endsWith("time left unknown until a fold of this run finishes");
    }

    private static void candidate(JdbcTemplate jdbc, String name, String status, Instant updated) {
        jdbc.update("INSERT INTO fb_campaign_candidate (campaign_name, candidate_name, input_hash, fold_name, "
                + "stages, status, updated_at) VALUES ('screen', ?, ?, ?, 'data', ?, ?)", name, "h" + name, name, status,
                Timestamp.from(updated));
    }
}
