package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.HeadlessChromium;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.batch.FoldbatchTestContext;
import org.foldbatch.batch.campaign.CampaignLauncher;
import org.foldbatch.batch.campaign.CampaignReader;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real campaign on PostgreSQL (a pulldown folded to the end with the random test model, one partner failing for a
 * missing database) writes its own page; headless Chromium opens it from the file system and through
 * {@code foldbatch serve}, following its links to the folds' pages. The README's campaign and dashboard pictures
 * come from here.
 */
@IntegrationTest
class CampaignPagesBrowserTests {

    private static final String PROTEIN = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMP";

    @TempDir
    Path dir;

    @Test
    void aCampaignRunWritesItsPageAndServeShowsItWithTheFoldPages() throws Exception {
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 3).getParent();
        Path file = dir.resolve("pulldown.yaml");
        Files.writeString(file, """
                name: rr_pulldown
                mode: pulldown
                stages: data+features+inference
                seeds: [1]
                fixed:
                  - protein: {sequence: %s}
                partners:
                  - {name: atp, ligand: {ccdCodes: [ATP]}}
                  - {name: mg, ligand: {ccdCodes: [MG]}}
                  - {name: u6, rna: {sequence: GUCCUCUUCGGAGUGACAUAUACAAAAAUUGG}}
                """.formatted(PROTEIN));
        Map<String, Object> properties = new LinkedHashMap<>(TestDatabases.postgres(dir.resolve("data")));
        properties.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        properties.put("foldbatch.inference.model-dir", model.toString());
        properties.put("foldbatch.inference.num-samples", "2");
        properties.put("foldbatch.inference.diffusion-steps", "2");
        properties.put("foldbatch.inference.num-recycles", "0");
        properties.put("foldbatch.databases.rfam", "no_such_rfam.fasta"); // u6's search fails, the others fold
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            CampaignLauncher.Outcome run = ctx.getBean(CampaignLauncher.class).run(CampaignReader.read(file), out,
                    CampaignLauncher.Trigger.MANUAL, null);
            assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(run.message()).contains("1 of 3 candidates failed").contains("u6");
        }

        Path page = out.resolve("rr_pulldown/rr_pulldown_report.html");
        assertThat(page).isRegularFile();
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.driver().get(page.toUri().toString());
            assertThat(candidates(browser)).hasSize(3).endsWith("u6"); // best first, the failed one last
            browser.driver().findElement(By.cssSelector("table.ranking th[data-column='candidate_name']")).click();
            assertThat(candidates(browser)).containsExactly("atp", "mg", "u6");
            browser.driver().findElement(By.cssSelector("table.ranking th[data-column='candidate_name']")).click();
            assertThat(candidates(browser)).containsExactly("u6", "mg", "atp");
            assertThat(browser.driver().findElements(By.cssSelector("table.ranking a")))
                    .extracting(a -> a.getDomAttribute("href"))
                    .containsExactlyInAnyOrder("rr_pulldown_mg/rr_pulldown_mg_report.html",
                            "rr_pulldown_atp/rr_pulldown_atp_report.html");
            // A reason is its first line: Spring Batch stores the stack trace after it.
            assertThat(browser.driver().findElement(By.cssSelector("table.failures")).getText()).contains("u6",
                    "no_such_rfam.fasta").doesNotContain("at org.springframework");
            assertThat(browser.driver().findElement(By.cssSelector("table.runs")).getText()).contains("FAILED");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
            browser.screenshot("campaign-page");

            browser.driver().findElement(By.linkText("atp")).click();
            assertFoldPage(browser, "rr_pulldown_atp");
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
        }

        try (ConfigurableApplicationContext serve = ServeCommand.start(properties, "127.0.0.1", 0);
                HeadlessChromium browser = new HeadlessChromium()) {
            String base = "http://127.0.0.1:" + serve.getEnvironment().getProperty("local.server.port");
            browser.driver().get(base + "/");
            assertThat(browser.driver().findElement(By.id("campaign-runs")).getText()).contains("FAILED");
            assertThat(browser.driver().findElement(By.id("failures")).getText()).contains("u6")
                    .doesNotContain("at org.springframework");
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .doesNotContain("at org.springframework");
            browser.screenshot("dashboard");
            browser.driver().findElement(By.cssSelector("a.campaign")).click();
            assertThat(candidates(browser)).hasSize(3);
            browser.driver().findElement(By.linkText("mg")).click();
            assertFoldPage(browser, "rr_pulldown_mg");
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches(
                    "(" + java.util.regex.Pattern.quote(base) + "|data:).*"));
        }
    }

    /** The fold's own page, written by its ranking step: its viewer drawn and nothing logged as an error. */
    private static void assertFoldPage(HeadlessChromium browser, String fold) {
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(fold);
        assertThat(browser.driver().findElements(By.cssSelector("#viewer canvas"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("table.samples tbody tr, tr[data-sample]")))
                .isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static List<String> candidates(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("table.ranking tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }
}
