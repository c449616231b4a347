package org.foldbatch.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The tables {@code foldbatch report} prints, each a query over the reporting views ({@code db/sql/report_*.sql}). */
public enum ReportSection {
    STATUS("Job status: latest execution of each job"),
    STEPS("Step timings"),
    CACHE("Cache efficiency"),
    MSAS("MSA searches: the engine that produced each stored MSA and its CPU time"),
    RANKING("Campaign ranking"),
    FAILURES("Failures"),
    RUNS("Campaign runs"),
    RUNNING("Running steps and partitions, with worker and heartbeat");

    private final String title;

    ReportSection(String title) {
        this.title = title;
    }

    /** The name on the command line and of the statement file: the constant in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    String statement() {
        return "report_" + label();
    }

    public static Optional<ReportSection> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
