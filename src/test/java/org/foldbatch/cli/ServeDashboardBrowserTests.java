package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.foldbatch.HeadlessChromium;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** foldbatch serve on PostgreSQL with a finished campaign, opened in headless Chromium. */
@IntegrationTest
class ServeDashboardBrowserTests {

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsTheCampaignItsSortablePageAndFoldPagesAndChangesNothing() throws Exception {
        try (ConfigurableApplicationContext ctx = ServeCommand.start(TestDatabases.postgres(dir), "127.0.0.1", 0)) {
            assertThat(ctx.getEnvironment().getProperty("local.server.port")).isNotNull();
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Path fold = Files.createDirectories(dir.resolve("out/screen_ATP"));
            Files.writeString(fold.resolve("screen_ATP_report.html"),
                    "<html><head><link rel=\"icon\" href=\"data:,\"></head><body>ATP fold page</body></html>");
            candidate(jdbc, "ATP", "h1", "COMPLETED");
            candidate(jdbc, "ADP", "h2", "COMPLETED");
            candidate(jdbc, "GTP", "h3", "FAILED");
            sample(jdbc, "h1", 0.81, 0.52, fold.resolve("seed-1_sample-0"));
            sample(jdbc, "h2", 0.64, 0.91, dir.resolve("out/screen_ADP/seed-1_sample-0"));
            jdbc.update("INSERT INTO fb_campaign_run (campaign_name, triggered_by, started_at, ended_at, status) "
                    + "VALUES ('screen', 'manual', ?, ?, 'COMPLETED')", now(), now());

            try (HeadlessChromium browser = new HeadlessChromium()) {
                browser.driver().get(base + "/");
                assertThat(browser.driver().findElement(By.id("campaign-runs")).getText()).contains("manual");
                assertThat(browser.driver().findElement(By.id("failures")).getText()).contains("GTP");
                assertThat(browser.driver().findElements(By.cssSelector("#running-steps-and-partitions-with-worker-and-"
                        + "heartbeat"))).hasSize(1);
                browser.driver().findElement(By.cssSelector("a.campaign")).click();
                assertThat(candidates(browser)).containsExactly("ATP", "ADP", "GTP");
                browser.driver().findElement(By.cssSelector("table.ranking th[data-column='iptm']")).click();
                assertThat(candidates(browser)).containsExactly("ATP", "ADP", "GTP");
                browser.driver().findElement(By.cssSelector("table.ranking th[data-column='iptm']")).click();
                assertThat(candidates(browser)).containsExactly("ADP", "ATP", "GTP");
                browser.driver().findElement(By.linkText("ATP")).click();
                assertThat(browser.driver().getPageSource()).contains("ATP fold page");
                assertThat(browser.consoleErrors()).isEmpty();
                assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).startsWith(base));
            }

            HttpClient http = HttpClient.newHttpClient();
            // Read only: no method but GET is accepted, and no file outside a campaign's fold pages is served.
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/campaigns/screen"))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method).isEqualTo(405);
            }
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/fold-page?path="
                    + java.net.URLEncoder.encode("/etc/passwd", java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    private static List<String> candidates(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("table.ranking tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static void candidate(JdbcTemplate jdbc, String name, String hash, String status) {
        jdbc.update("INSERT INTO fb_campaign_candidate (campaign_name, candidate_name, input_hash, fold_name, stages,"
                + " status, output_dir, updated_at) VALUES ('screen', ?, ?, ?, 'data+features+inference', ?, ?, ?)",
                name, hash, "screen_" + name, status, "/out/screen_" + name, now());
    }

    private static void sample(JdbcTemplate jdbc, String hash, double score, double iptm, Path path) {
        jdbc.update("INSERT INTO fb_sample_result (job_execution_id, input_hash, seed, sample, ranking_score, ptm, iptm,"
                + " chain_pair_iptm, output_path, created_at) VALUES (1, ?, 1, 0, ?, 0.8, ?, '[[0.9]]', ?, ?)", hash,
                score, iptm, path.toString(), now());
    }
}
