package org.foldbatch.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.foldbatch.output.AtomicFiles;
import org.foldbatch.output.report.CampaignPage;
import org.foldbatch.output.report.FoldPage;

/** A campaign's report page from the reporting views: ranking, failures, cache efficiency and runs. */
public final class CampaignReport {

    private final Reports reports;

    public CampaignReport(Reports reports) {
        this.reports = reports;
    }

    /** Writes the page to {@code file}, linking each candidate to its fold page by a path relative to the file. */
    public Path write(String campaign, Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        AtomicFiles.write(file, render(campaign, page -> dir.relativize(page).toString().replace('\\', '/')));
        return file;
    }

    /** The page, with {@code link} turning an existing fold page's path into an href. */
    public String render(String campaign, Function<Path, String> link) {
        ReportTable ranking = reports.run(ReportSection.RANKING, campaign);
        List<String> links = new ArrayList<>();
        int pathColumn = ranking.columns().indexOf("output_path");
        for (List<Object> row : ranking.rows()) {
            Path page = foldPage(ReportTable.text(row.get(pathColumn)));
            links.add(page == null ? null : link.apply(page));
        }
        return CampaignPage.render(campaign, table(ranking, "campaign_name"), links,
                table(reports.run(ReportSection.CACHE, campaign), null),
                table(reports.run(ReportSection.FAILURES, campaign), "campaign_name"),
                table(reports.run(ReportSection.RUNS, campaign), "campaign_name"));
    }

    /**
     * The fold page of a ranking row's output path (a sample directory {@code <fold>/seed-S_sample-K}, or the fold
     * directory when it has no samples), if it exists on this machine.
     */
    public static Path foldPage(String outputPath) {
        if (outputPath.isBlank()) {
            return null;
        }
        Path dir = Path.of(outputPath);
        if (dir.getFileName() != null && dir.getFileName().toString().matches("seed-\\d+_sample-\\d+")) {
            dir = dir.getParent();
        }
        Path page = FoldPage.path(dir);
        return Files.isRegularFile(page) ? page : null;
    }

    /**
     * The table as one-line text cells (a page shows an error's first line, as the text table does), without the
     * column that repeats the campaign's name.
     */
    public static CampaignPage.Table table(ReportTable t, String drop) {
        int skip = drop == null ? -1 : t.columns().indexOf(drop);
        List<String> columns = new ArrayList<>(t.columns());
        if (skip >= 0) {
            columns.remove(skip);
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                if (c != skip) {
                    cells.add(ReportTable.firstLine(ReportTable.text(row.get(c))));
                }
            }
            rows.add(cells);
        }
        return new CampaignPage.Table(t.title(), columns, rows);
    }
}
