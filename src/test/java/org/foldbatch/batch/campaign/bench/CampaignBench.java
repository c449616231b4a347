package org.foldbatch.batch.campaign.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.foldbatch.batch.campaign.Campaign;
import org.foldbatch.batch.campaign.CampaignLauncher;
import org.foldbatch.batch.campaign.CampaignMode;
import org.foldbatch.batch.campaign.Candidate;
import org.foldbatch.batch.campaign.TokenPolicy;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints the scheduling overhead per fold job of a campaign whose data pipeline is all cached: a target with N ligand
 * candidates (default 1,000) after one warm-up campaign has filled the MSA and template caches, then the same campaign
 * again the next night (every candidate already done). Target: under 100 ms per candidate. Run from the repository
 * root after {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.foldbatch.batch.campaign.bench.CampaignBench 1000 [PARALLEL_FOLDS [JDBC_URL]]} (default: one fold job at a time, a fresh
 * H2 file database; PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench} with an empty
 * schema).
 */
public final class CampaignBench {

    private static final String TARGET = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";

    private CampaignBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("campaign-bench");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        p.put("foldbatch.data-dir", dir.toString());
        p.put("logging.level.org.foldbatch", "WARN");
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        p.put("foldbatch.campaign.parallel-folds", parallel);
        // Concurrent job launches under Spring Batch's default SERIALIZABLE create abort on PostgreSQL.
        p.put("spring.batch.jdbc.isolation-level-for-create", "read_committed");
        if (args.length > 2) {
            p.put("spring.datasource.url", args[2]);
            p.put("spring.datasource.username", "postgres");
        }
        String[] springArgs = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(FoldbatchApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs)) {
            CampaignLauncher launcher = ctx.getBean(CampaignLauncher.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            String tag = Long.toString(System.currentTimeMillis(), 36);
            Path out = dir.resolve("out");

            launcher.run(campaign("warm_" + tag, 1), out, CampaignLauncher.Trigger.MANUAL, null);
            Campaign bench = campaign("bench_" + tag, n);
            long t0 = System.nanoTime();
            CampaignLauncher.Outcome first = launcher.run(bench, out, CampaignLauncher.Trigger.MANUAL, null);
            long t1 = System.nanoTime();
            CampaignLauncher.Outcome again = launcher.run(bench, out, CampaignLauncher.Trigger.SCHEDULE,
                    java.time.Instant.now());
            long t2 = System.nanoTime();

            int toolRuns = jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class);
            System.out.printf(Locale.ROOT, "campaign of %d candidates, data pipeline cached (%d tool runs in total, all"
                    + " from the warm-up), database %s%n", n, toolRuns, jdbc.getDataSource().getConnection().getMetaData()
                    .getDatabaseProductName());
            System.out.printf(Locale.ROOT, "first run:  %s in %.1f s = %.1f ms per candidate (target < 100 ms),"
                    + " %d fold job(s) at a time%n", first.execution().getStatus(), (t1 - t0) / 1e9, (t1 - t0) / 1e6 / n,
                    parallel);
            for (Map<String, Object> step : jdbc.queryForList("SELECT STEP_NAME, START_TIME, END_TIME FROM"
                    + " BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID",
                    first.execution().getId())) {
                double s = java.time.Duration.between(((java.sql.Timestamp) step.get("START_TIME")).toLocalDateTime(),
                        ((java.sql.Timestamp) step.get("END_TIME")).toLocalDateTime()).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "  %-22s %7.2f s%n", step.get("STEP_NAME"), s);
            }
            System.out.printf(Locale.ROOT, "next night: %s in %.2f s = %.2f ms per candidate (all already done)%n",
                    again.execution().getStatus(), (t2 - t1) / 1e9, (t2 - t1) / 1e6 / n);
        }
    }

    private static Campaign campaign(String name, int n) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "L" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
            candidates.add(new Candidate(code, FoldInput.of(name + "_" + code, List.of(1L),
                    List.of(ProteinChain.of("A", TARGET), Ligand.ofCcd("B", code)))));
        }
        return new Campaign(name, CampaignMode.LIGAND_SCREEN, org.foldbatch.batch.FoldJobParameters.Stages.DATA_PIPELINE, null, TokenPolicy.NONE, candidates, null);
    }
}
