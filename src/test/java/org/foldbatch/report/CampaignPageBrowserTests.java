package org.foldbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.JdbcTemplate;

/** A finished campaign's rows on PostgreSQL; its page in headless Chromium sorts by a clicked column. */
@IntegrationTest
class CampaignPageBrowserTests {

    @TempDir
    Path dir;

    @Test
    void theRankingSortsByAClickedColumnAndLinksToFoldPages() throws Exception {
        JdbcTemplate jdbc = TestDatabases.migrated("postgresql", dir);
        ReportsTests.candidate(jdbc, "screen", "ATP", "h1");
        ReportsTests.candidate(jdbc, "screen", "ADP", "h2");
        ReportsTests.candidate(jdbc, "screen", "GTP", "h3");
        Path atpFold = Files.createDirectories(dir.resolve("out/screen_ATP"));
        Files.writeString(atpFold.resolve("screen_ATP_report.html"), "<html><body>fold page</body></html>");
        ReportsTests.sample(jdbc, "h1", 0, 0.61, 0.30, "[[0.9]]", atpFold.resolve("seed-1_sample-0").toString());
        ReportsTests.sample(jdbc, "h1", 1, 0.83, 0.75, "[[0.9]]", atpFold.resolve("seed-1_sample-1").toString());
        ReportsTests.sample(jdbc, "h2", 0, 0.72, 0.94, "[[0.9]]", dir.resolve("out/screen_ADP/seed-1_sample-0")
                .toString());
        jdbc.update("UPDATE fb_campaign_candidate SET status = 'FAILED', reason = 'inference: out of memory' "
                + "WHERE candidate_name = 'GTP'");
        jdbc.update("INSERT INTO fb_campaign_run (campaign_name, triggered_by, started_at, ended_at, status) "
                + "VALUES ('screen', 'manual', ?, ?, 'FAILED')", Timestamp.from(Instant.now().minusSeconds(60)),
                Timestamp.from(Instant.now()));

        Path page = new CampaignReport(new Reports(jdbc)).write("screen", dir.resolve("screen_report.html"));
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.driver().get(page.toUri().toString());
            assertThat(candidates(browser)).containsExactly("ATP", "ADP", "GTP");
            WebElement iptm = browser.driver().findElement(By.cssSelector("table.ranking th[data-column='iptm']"));
            iptm.click();
            assertThat(candidates(browser)).containsExactly("ATP", "ADP", "GTP"); // 0.75, 0.94, empty last
            iptm.click();
            assertThat(candidates(browser)).containsExactly("ADP", "ATP", "GTP");
            browser.driver().findElement(By.cssSelector("table.ranking th[data-column='candidate_name']")).click();
            assertThat(candidates(browser)).containsExactly("ADP", "ATP", "GTP");
            browser.driver().findElement(By.cssSelector("table.ranking th[data-column='candidate_name']")).click();
            assertThat(candidates(browser)).containsExactly("GTP", "ATP", "ADP");

            // Only ATP has a fold page on this machine; its link is relative to the campaign page.
            List<WebElement> links = browser.driver().findElements(By.cssSelector("table.ranking a"));
            assertThat(links).singleElement().satisfies(a -> {
                assertThat(a.getText()).isEqualTo("ATP");
                assertThat(a.getDomAttribute("href")).isEqualTo("out/screen_ATP/screen_ATP_report.html");
            });
            assertThat(browser.driver().findElement(By.cssSelector("table.failures")).getText())
                    .contains("GTP", "inference: out of memory");
            assertThat(browser.driver().findElements(By.cssSelector("table.runs tbody tr"))).hasSize(1);
            List<String> bins = browser.driver().findElements(By.cssSelector("svg[data-score='iptm'] rect.bin"))
                    .stream().map(r -> r.getAttribute("data-count")).toList();
            assertThat(bins).containsExactly("0", "0", "0", "0", "0", "0", "0", "1", "0", "1");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
            links.get(0).click();
            assertThat(browser.driver().getPageSource()).contains("fold page");
        }
    }

    private static List<String> candidates(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("table.ranking tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }
}
