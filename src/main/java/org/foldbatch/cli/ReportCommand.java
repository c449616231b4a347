package org.foldbatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.foldbatch.report.CampaignReport;
import org.foldbatch.report.ReportSection;
import org.foldbatch.report.ReportTable;
import org.foldbatch.report.Reports;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foldbatch report}: the reporting views as tables, for every job or for one campaign. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print job status, step timings, cache efficiency, campaign ranking, failures and campaign runs "
                + "from the job repository (views fb_report_*; example psql queries in db/reports/)."},
        footer = {"", "Example:  foldbatch report rr_ligand_screen --section ranking --csv > ranking.csv"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CAMPAIGN",
            description = "Only this campaign's jobs and candidates (default: everything).")
    String campaign;

    @Option(names = "--section", paramLabel = "NAME", split = ",",
            description = "Sections to print: status, steps, cache, ranking, failures, runs, running (default: all).")
    List<String> sections = new ArrayList<>();

    @Option(names = "--csv", description = "Print CSV instead of aligned tables (a '# title' line before each table).")
    boolean csv;

    @Option(names = "--page", paramLabel = "FILE",
            description = "Write CAMPAIGN's HTML report page (ranking linked to fold pages, score distributions, "
                    + "failures, cache efficiency, runs) to FILE and print its path, instead of the tables.")
    java.nio.file.Path page;

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() {
        List<ReportSection> chosen = new ArrayList<>();
        for (String name : sections) {
            chosen.add(ReportSection.ofLabel(name).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--section: unknown section '" + name
                    + "'; expected status, steps, cache, ranking, failures, runs or running")));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(List.of(ReportSection.values()));
        }
        if (page != null && campaign == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--page: name the CAMPAIGN the page is for");
        }
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(service.springProperties())) {
            Reports reports = new Reports(ctx.getBean(JdbcTemplate.class));
            if (page != null) {
                System.out.println(new CampaignReport(reports).write(campaign, page).toAbsolutePath());
                return 0;
            }
            for (ReportSection section : chosen) {
                ReportTable table = reports.run(section, campaign);
                if (csv) {
                    System.out.print("# " + table.title() + "\n" + table.toCsv() + "\n");
                } else {
                    System.out.println(table.toText());
                }
            }
        }
        return 0;
    }
}
