package org.foldbatch.report;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.batch.jdbc.SqlStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Runs the report queries over the reporting views, for all jobs or for one campaign. */
public final class Reports {

    private final NamedParameterJdbcTemplate jdbc;

    public Reports(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Every campaign with candidates in the repository, by name. */
    public List<String> campaigns() {
        return jdbc.getJdbcTemplate().queryForList(
                "SELECT DISTINCT campaign_name FROM fb_campaign_candidate ORDER BY campaign_name", String.class);
    }

    /** {@code campaign} null: every job and campaign. */
    public ReportTable run(ReportSection section, String campaign) {
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaign);
        String title = section.title() + (campaign == null ? "" : " of campaign " + campaign);
        return jdbc.query(SqlStatements.get(section.statement()), params, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int c = 1; c <= columns.size(); c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
            return new ReportTable(title, columns, rows);
        });
    }
}
