package org.foldbatch.report.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.output.report.CampaignPage;
import org.foldbatch.output.report.DashboardPage;
import org.foldbatch.report.CampaignReport;
import org.foldbatch.report.ReportSection;
import org.foldbatch.report.ReportTable;
import org.foldbatch.report.Reports;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code foldbatch serve}: read-only pages over the job repository. GET only (Spring answers 405 to anything else);
 * a fold page is served only when a campaign's ranking points at it, so no other file can be read through here.
 * Exists only in the web context that serve starts.
 */
@RestController
@ConditionalOnWebApplication
class DashboardController {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final Reports reports;

    DashboardController(JdbcTemplate jdbc) {
        this.reports = new Reports(jdbc);
    }

    @GetMapping(value = "/", produces = HTML)
    String dashboard() {
        List<String> campaigns = reports.campaigns();
        List<String> links = campaigns.stream().map(c -> "/campaigns/" + encode(c)).toList();
        List<CampaignPage.Table> tables = new ArrayList<>();
        for (ReportSection section : List.of(ReportSection.RUNNING, ReportSection.STATUS, ReportSection.STEPS,
                ReportSection.RUNS, ReportSection.FAILURES, ReportSection.CACHE)) {
            tables.add(CampaignReport.table(reports.run(section, null), null));
        }
        return DashboardPage.render(campaigns, links, tables);
    }

    @GetMapping(value = "/campaigns/{name}", produces = HTML)
    String campaign(@PathVariable String name) {
        if (!reports.campaigns().contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + name);
        }
        return new CampaignReport(reports).render(name, page -> "/fold-page?path=" + encode(page.toString()));
    }

    @GetMapping(value = "/fold-page", produces = HTML)
    String foldPage(@RequestParam String path) throws IOException {
        Path page = Path.of(path);
        ReportTable ranking = reports.run(ReportSection.RANKING, null);
        int column = ranking.columns().indexOf("output_path");
        boolean known = ranking.rows().stream()
                .map(r -> CampaignReport.foldPage(ReportTable.text(r.get(column))))
                .anyMatch(page::equals);
        if (!known || !Files.isRegularFile(page)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a fold page of any campaign: " + path);
        }
        return Files.readString(page);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
