package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.foldbatch.HeadlessChromium;
import org.foldbatch.IntegrationTest;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.foldbatch.output.report.FoldPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fold with the random test model (two protein chains and an ion) runs through the job; its ranking step writes
 * {@code <name>_report.html}, which headless Chromium opens from the file system.
 */
@IntegrationTest
class FoldReportPageBrowserTests {

    @TempDir
    static Path dir;

    static Path jobDir;

    @BeforeAll
    static void fold() throws Exception {
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 3).getParent();
        Path inputFile = dir.resolve("in.json");
        Files.writeString(inputFile, """
                {"dialect": "alphafold3", "version": 4, "name": "two chains", "modelSeeds": [7],
                 "sequences": [
                   {"protein": {"id": "A", "sequence": "MKVLAGSEFEKLRQTGDELV", "unpairedMsa": ">query\\nMKVLAGSEFEKLRQTGDELV\\n>hit\\n--VLAGSEFEKaaLRQTG----\\n",
                     "pairedMsa": "", "templates": []}},
                   {"protein": {"id": "B", "sequence": "GSHMTTPLKE", "unpairedMsa": "", "pairedMsa": "",
                     "templates": []}},
                   {"ligand": {"id": "C", "ccdCodes": ["MG"]}}]}
                """);
        FoldInput input = new FoldInputLoader().load(inputFile).get(0);
        var properties = FoldbatchTestContext.inference(dir.resolve("data"), model, 2, 2, 0);
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            FoldJobLauncher.Outcome run = ctx.getBean(FoldJobLauncher.class).launch(
                    FoldJobFunctionalTests.stored(input), new FoldJobParameters(input.contentHash(),
                            FoldJobParameters.Stages.INFERENCE_FROM_DATA, out, null));
            assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        jobDir = out.resolve("two_chains");
    }

    @Test
    void theRankingStepWritesAPageThatWorksOfflineWithEveryFigure() throws Exception {
        Path page = jobDir.resolve("two_chains_report.html");
        assertThat(page).isRegularFile();
        // The same files give the same bytes (the page has no time stamp of its own).
        byte[] written = Files.readAllBytes(page);
        assertThat(Files.readAllBytes(FoldPage.write(jobDir))).isEqualTo(written);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.driver().get(page.toUri().toString());
            assertThat(browser.driver().findElements(By.cssSelector("#viewer canvas"))).hasSize(1);
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).matches("(file|data):.*"));

            // Best sample first: the selector starts on the table's first row.
            Select select = new Select(browser.driver().findElement(By.id("sample-select")));
            String first = select.getFirstSelectedOption().getAttribute("value");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.samples tbody tr"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getAttribute("data-sample")).isEqualTo(first);
            assertThat(score(rows.get(0))).isGreaterThanOrEqualTo(score(rows.get(1)));

            for (WebElement option : select.getOptions()) {
                String key = option.getAttribute("value");
                select.selectByValue(key);
                String[] seedSample = key.split("_");
                JsonNode confidences = JsonMapper.builder().build().readTree(jobDir.resolve(
                        "seed-" + seedSample[0] + "_sample-" + seedSample[1]).resolve(
                        "two_chains_seed-" + seedSample[0] + "_sample-" + seedSample[1] + "_confidences.json").toFile());
                int tokens = confidences.path("token_chain_ids").size();
                assertThat(tokens).isEqualTo(20 + 10 + 1);

                WebElement heatmap = browser.driver().findElement(By.cssSelector(
                        ".per-sample.shown svg.pae-heatmap"));
                assertThat(heatmap.findElement(By.xpath("..")).getAttribute("data-sample")).isEqualTo(key);
                @SuppressWarnings("unchecked")
                List<Long> size = (List<Long>) browser.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const img = new Image();
                        img.onload = () => done([img.naturalWidth, img.naturalHeight]);
                        img.src = arguments[0].getAttribute('href');""",
                        heatmap.findElement(By.cssSelector("image.pae-cells")));
                assertThat(size).containsExactly((long) tokens, (long) tokens);
                assertThat(heatmap.findElements(By.cssSelector("text.axis-chain")).stream().map(WebElement::getText)
                        .distinct()).containsExactly("A", "B", "C");

                List<WebElement> traces = browser.driver().findElements(By.cssSelector(
                        ".per-sample.shown svg.plddt-plot polyline.plddt-trace"));
                assertThat(traces).extracting(t -> t.getAttribute("data-chain")).containsExactly("A", "B");
                assertThat(traces.get(0).getAttribute("points").split(" ")).hasSize(20);
                assertThat(traces.get(1).getAttribute("points").split(" ")).hasSize(10);
                assertThat(browser.driver().findElements(By.cssSelector("tr.selected"))).singleElement()
                        .satisfies(r -> assertThat(r.getAttribute("data-sample")).isEqualTo(key));
            }
            // Chain A's MSA: the query and one hit; the hit covers positions 3-16 (its lower-case letters are
            // insertions).
            assertThat(browser.driver().findElement(By.cssSelector(".chain[data-chain='A'] .msa-depth")).getText())
                    .isEqualTo("2");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
        }
    }

    /**
     * The random model scatters atoms thousands of Å apart (nothing bonds, no cartoon, every atom under a pixel), so
     * for the viewer the same atoms are put on a compact helix, one turn of 3.6 residues per 5.4 Å, and the page is
     * written again as {@code foldbatch view} would.
     */
    @Test
    void theViewerDrawsTheSelectedModelColouredByPlddt() throws Exception {
        Path compact = dir.resolve("compact/two_chains");
        org.springframework.util.FileSystemUtils.copyRecursively(jobDir, compact);
        try (var files = Files.walk(compact)) {
            for (Path cif : files.filter(p -> p.toString().endsWith("_model.cif")).toList()) {
                Files.writeString(cif, onHelix(Files.readAllLines(cif)));
            }
        }
        // As a user would for an older output: foldbatch view DIR writes the page and prints its path.
        assertThat(org.foldbatch.cli.Main.execute("view", compact.toString())).isZero();
        Path page = FoldPage.path(compact);
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.driver().get(page.toUri().toString());
            WebElement canvas = browser.driver().findElement(By.cssSelector("#viewer canvas"));
            Thread.sleep(1500); // WebGL on SwiftShader: let the first frame land
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(HeadlessChromium.elementPng(canvas)));
            assertThat(nonWhiteFraction(shot)).as("share of the viewer's pixels the structure covers")
                    .isGreaterThan(0.01);
            // pLDDT colours: the random model's atoms are all below 70, so yellow or orange, never blue.
            assertThat(hasColourNear(shot, 0xff7d45) || hasColourNear(shot, 0xffdb13)).isTrue();
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
            browser.screenshot("fold-page");
        }
    }

    /** Rewrites Cartn_x/y/z (columns 11-13 of Foldbatch's atom_site rows) onto helices, residue by residue. */
    static String onHelix(List<String> lines) {
        StringBuilder out = new StringBuilder();
        String residue = null;
        int r = -1;
        int atom = 0;
        for (String line : lines) {
            if (!line.startsWith("ATOM") && !line.startsWith("HETATM")) {
                out.append(line).append('\n');
                continue;
            }
            String[] f = line.trim().split("\\s+");
            String key = f[6] + "/" + f[15];
            if (!key.equals(residue)) {
                residue = key;
                r++;
                atom = 0;
            }
            int chain = f[6].charAt(0) - 'A';
            double angle = Math.toRadians(100.0 * r);
            // Helix axis along x (across the screen), chains 12 Å apart in y.
            f[10] = String.format(java.util.Locale.ROOT, "%.3f", 1.5 * r + 0.2 * atom);
            f[11] = String.format(java.util.Locale.ROOT, "%.3f", 2.3 * Math.cos(angle) + 0.3 * (atom % 3) + 12.0 * chain);
            f[12] = String.format(java.util.Locale.ROOT, "%.3f", 2.3 * Math.sin(angle) + 0.4 * (atom % 4));
            atom++;
            out.append(String.join(" ", f)).append('\n');
        }
        return out.toString();
    }

    private static boolean hasColourNear(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) < 40
                        && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 40
                        && Math.abs((p & 255) - (rgb & 255)) < 40) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double score(WebElement row) {
        return Double.parseDouble(row.findElements(By.tagName("td")).get(3).getText());
    }

    private static double nonWhiteFraction(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    coloured++;
                }
            }
        }
        return coloured / (double) ((long) image.getWidth() * image.getHeight());
    }
}
