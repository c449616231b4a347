package org.foldbatch.batch.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.batch.jdbc.SqlStatements;
import org.foldbatch.msa.SearchTool;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The campaign tables: stored plans, candidate states across runs, and the record of every run. */
public final class JdbcCampaignStore {

    public enum Status { PENDING, RUNNING, COMPLETED, FAILED, REJECTED, ROUTED }

    /** A candidate of a plan with its current state; {@code status} null when it never ran. */
    public record PlannedCandidate(int ordinal, String name, String inputHash, String stages, Status status,
            String lastInputHash, String lastStages, Integer tokens, String reason, Long jobExecutionId,
            String outputDir) {

        /** Completed earlier with the same input and stages: nothing to do. */
        public boolean done() {
            return status == Status.COMPLETED && inputHash.equals(lastInputHash) && stages.equals(lastStages);
        }
    }

    /** One run of a campaign (a launch, a restart or a skipped night). */
    public record CampaignRun(long id, String campaignName, String planHash, String triggeredBy, Instant scheduledFor,
            Instant startedAt, Instant endedAt, String status, Long jobExecutionId, String host, Long pid,
            String message) {
    }

    /** The stored guard of a plan; {@code searchEngine} null means the settings' engines. */
    public record PlanDefinition(String planHash, String campaignName, Stages stages, TokenPolicy policy,
            SearchTool searchEngine) {
    }

    private final JdbcTemplate jdbc;

    public JdbcCampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the plan once per plan hash. */
    public void savePlan(Campaign campaign) {
        String hash = campaign.planHash();
        TokenPolicy p = campaign.tokenPolicy();
        try {
            jdbc.update(SqlStatements.get("campaign_definition_insert"), hash, campaign.name(), campaign.mode().label(),
                    campaign.stages().label(),
                    campaign.source() == null ? null : campaign.source().toAbsolutePath().toString(), p.maxTokens(),
                    p.overLimit().name(), p.routeTo(), now(),
                    campaign.searchEngine() == null ? null : campaign.searchEngine().engineName());
        } catch (DuplicateKeyException samePlanAlreadyStored) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < campaign.candidates().size(); i++) {
            Candidate c = campaign.candidates().get(i);
            rows.add(new Object[] {hash, i, c.name(), c.input().contentHash()});
        }
        jdbc.batchUpdate(SqlStatements.get("campaign_plan_insert"), rows);
    }

    public PlanDefinition definition(String planHash) {
        return jdbc.queryForObject(
                "SELECT campaign_name, stages, max_tokens, over_limit, route_to, search_engine FROM fb_campaign_definition"
                        + " WHERE plan_hash = ?",
                (rs, i) -> new PlanDefinition(planHash, rs.getString(1), Stages.fromLabel(rs.getString(2)),
                        new TokenPolicy(rs.getInt(3), TokenPolicy.OverLimit.valueOf(rs.getString(4)), rs.getString(5)),
                        rs.getString(6) == null ? null : SearchTool.ofEngine(rs.getString(6))),
                planHash);
    }

    public List<PlannedCandidate> candidates(String planHash) {
        return jdbc.query(SqlStatements.get("campaign_plan_candidates"), (rs, i) -> new PlannedCandidate(
                rs.getInt("ordinal"), rs.getString("candidate_name"), rs.getString("input_hash"),
                rs.getString("stages"),
                rs.getString("status") == null ? null : Status.valueOf(rs.getString("status")),
                rs.getString("last_input_hash"), rs.getString("last_stages"), (Integer) rs.getObject("tokens"),
                rs.getString("reason"),
                rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"),
                rs.getString("output_dir")), planHash);
    }

    /** Sets a candidate's state (insert or update). */
    public void setCandidate(String campaign, String candidate, String inputHash, String foldName, Stages stages,
            Integer tokens, Status status, String reason, Long jobExecutionId, String outputDir) {
        Object[] values = {inputHash, foldName, stages.label(), tokens, status.name(), truncate(reason),
                jobExecutionId, outputDir, now(), campaign, candidate};
        if (jdbc.update(SqlStatements.get("campaign_candidate_update"), values) == 0) {
            try {
                jdbc.update(SqlStatements.get("campaign_candidate_insert"), values);
            } catch (DuplicateKeyException insertedConcurrently) {
                jdbc.update(SqlStatements.get("campaign_candidate_update"), values);
            }
        }
    }

    public long startRun(String campaign, String planHash, String triggeredBy, Instant scheduledFor, String status,
            String host, long pid, String message) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp started = now();
        Timestamp ended = status.equals("STARTED") ? null : started;
        jdbc.update(con -> {
            var ps = con.prepareStatement(SqlStatements.get("campaign_run_insert"), new String[] {"id"});
            ps.setString(1, campaign);
            ps.setString(2, planHash);
            ps.setString(3, triggeredBy);
            ps.setTimestamp(4, scheduledFor == null ? null : Timestamp.from(scheduledFor));
            ps.setTimestamp(5, started);
            ps.setTimestamp(6, ended);
            ps.setString(7, status);
            ps.setString(8, host);
            ps.setLong(9, pid);
            ps.setString(10, truncate(message));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void attachExecution(long runId, long jobExecutionId) {
        jdbc.update("UPDATE fb_campaign_run SET job_execution_id = ? WHERE id = ?", jobExecutionId, runId);
    }

    public void finishRun(long runId, String status, String message) {
        jdbc.update("UPDATE fb_campaign_run SET status = ?, message = ?, ended_at = ? WHERE id = ?", status,
                truncate(message), now(), runId);
    }

    /** The latest run of a campaign that was not skipped. */
    public Optional<CampaignRun> latestRun(String campaign) {
        return jdbc.query(SqlStatements.get("campaign_run_latest"), JdbcCampaignStore::run, campaign).stream()
                .findFirst();
    }

    public List<CampaignRun> runs(String campaign) {
        return jdbc.query("SELECT * FROM fb_campaign_run WHERE campaign_name = ? ORDER BY id", JdbcCampaignStore::run,
                campaign);
    }

    private static CampaignRun run(ResultSet rs, int i) throws SQLException {
        return new CampaignRun(rs.getLong("id"), rs.getString("campaign_name"), rs.getString("plan_hash"),
                rs.getString("triggered_by"), instant(rs.getTimestamp("scheduled_for")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")), rs.getString("status"),
                rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"), rs.getString("host"),
                rs.getObject("pid") == null ? null : rs.getLong("pid"), rs.getString("message"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }

    /** Candidates of {@code campaign} by status, and how many its latest run has finished. */
    public CampaignProgress progress(String campaign) {
        int[] counts = new int[Status.values().length];
        int[] sinceRun = {0};
        Instant[] runStarted = {null};
        jdbc.query(SqlStatements.get("campaign_progress"), rs -> {
            Status status = Status.valueOf(rs.getString(1));
            counts[status.ordinal()] = rs.getInt(2);
            if (status == Status.COMPLETED) {
                sinceRun[0] = rs.getInt(3);
            }
            Timestamp started = rs.getTimestamp(4);
            runStarted[0] = started == null ? runStarted[0] : started.toInstant();
        }, campaign, campaign);
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        return new CampaignProgress(campaign, total, counts[Status.COMPLETED.ordinal()],
                counts[Status.FAILED.ordinal()], counts[Status.RUNNING.ordinal()], counts[Status.PENDING.ordinal()],
                counts[Status.REJECTED.ordinal()] + counts[Status.ROUTED.ordinal()], sinceRun[0], runStarted[0]);
    }
}
