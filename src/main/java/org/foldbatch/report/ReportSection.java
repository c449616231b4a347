package org.foldbatch.report;

import java.util.Arrays;
import java.util.Optional;

/** The tables {@code foldbatch report} prints, each a query over the reporting views ({@code db/sql/report_*.sql}). */
public enum ReportSection {
    STATUS("status", "Job status: latest execution of each job"),
    STEPS("steps", "Step timings"),
    CACHE("cache", "Cache efficiency"),
    RANKING("ranking", "Campaign ranking"),
    FAILURES("failures", "Failures"),
    RUNS("runs", "Campaign runs"),
    RUNNING("running", "Running steps and partitions, with worker and heartbeat");

    private final String label;
    private final String title;

    ReportSection(String label, String title) {
        this.label = label;
        this.title = title;
    }

    public String label() {
        return label;
    }

    public String title() {
        return title;
    }

    String statement() {
        return "report_" + label;
    }

    public static Optional<ReportSection> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
