package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class CampaignSchedulerTests {

    @TempDir
    Path dir;

    @Test
    void aTimeWhosePreviousRunIsStillGoingIsSkippedAndRecorded() throws Exception {
        JdbcCampaignStore store = new JdbcCampaignStore(TestDatabases.migrated("h2", dir));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("nightly.yaml"), """
                mode: seed-sweep
                schedule: "0 0 22 * * *"
                fixed: [{ligand: {ccdCodes: [MG]}}]
                """);
        Files.writeString(jobs.resolve("broken.yaml"), "mode: nonsense\n");
        Files.writeString(jobs.resolve("by_hand.yaml"), "mode: seed-sweep\nfixed: [{ligand: {ccdCodes: [MG]}}]\n");
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));
        CountDownLatch release = new CountDownLatch(1);
        List<Instant> started = new CopyOnWriteArrayList<>();
        CampaignScheduler scheduler = new CampaignScheduler(jobs, (campaign, at) -> {
            started.add(at);
            await(release);
        }, store, clock);

        clock.now = Instant.parse("2030-01-01T21:59:59Z");
        Instant next = scheduler.tick();
        clock.now = Instant.parse("2030-01-01T22:00:01Z");
        scheduler.tick();
        clock.now = Instant.parse("2030-01-04T22:30:00Z");
        scheduler.tick();
        release.countDown();
        scheduler.awaitRuns(Duration.ofSeconds(10));
        clock.now = Instant.parse("2030-01-05T22:00:00Z");
        scheduler.tick();
        scheduler.awaitRuns(Duration.ofSeconds(10));

        assertThat(next).isEqualTo(Instant.parse("2030-01-01T22:00:00Z"));
        assertThat(started).as("22:00 on the 1st, then the 5th; the 2nd-4th fell while the first run went on")
                .containsExactly(Instant.parse("2030-01-01T22:00:00Z"), Instant.parse("2030-01-05T22:00:00Z"));
        List<JdbcCampaignStore.CampaignRun> runs = store.runs("nightly");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).status()).isEqualTo("SKIPPED");
        assertThat(runs.get(0).scheduledFor()).as("the latest missed time, once").isEqualTo(Instant.parse("2030-01-04T22:00:00Z"));
        assertThat(runs.get(0).message()).contains("previous run still going");
        assertThat(store.runs("by_hand")).isEmpty();
    }

    /** Integration: the data stage asks HMMER for its version (part of every cache key) even for a ligand. */
    @Test
    @IntegrationTest
    void aScheduledCampaignRunsItsJobAndIsRecordedAsAScheduledRun() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("ions.yaml"), """
                name: ions
                mode: ligand-screen
                schedule: "* * * * * *"
                fixed: [{ligand: {ccdCodes: [MG]}}]
                ligands: [ZN, CA]
                """);
        Map<String, Object> properties = TestDatabases.h2(dir.resolve("data"));
        try (ConfigurableApplicationContext ctx = CampaignFunctionalTests.start(properties)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            CampaignScheduler scheduler = new CampaignScheduler(jobs,
                    CampaignScheduler.launching(ctx.getBean(CampaignLauncher.class), dir.resolve("out")),
                    ctx.getBean(JdbcCampaignStore.class), Clock.systemUTC());

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                scheduler.tick();
                return jdbc.queryForObject("SELECT COUNT(*) FROM fb_campaign_run WHERE status = 'COMPLETED'",
                        Integer.class) > 0;
            });
            scheduler.awaitRuns(Duration.ofSeconds(30));

            Map<String, Object> run = jdbc.queryForList(
                    "SELECT * FROM fb_campaign_run WHERE status = 'COMPLETED' ORDER BY id").get(0);
            assertThat(run.get("triggered_by")).isEqualTo("SCHEDULE");
            assertThat(run.get("scheduled_for")).isNotNull();
            assertThat(run.get("job_execution_id")).isNotNull();
            assertThat(jdbc.queryForList("SELECT status FROM fb_campaign_candidate ORDER BY candidate_name",
                    String.class)).containsExactly("COMPLETED", "COMPLETED");
            assertThat(dir.resolve("out/ions/ions_ZN/ions_ZN_data.json")).exists();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
