package org.foldbatch.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A query result as printed: aligned text columns for people, or CSV (RFC 4180 quoting) for tools. */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows) {

    private static final int MAX_CELL = 80;

    public String toText() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        for (List<Object> row : rows) {
            cells.add(row.stream().map(v -> clip(text(v))).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append(" (").append(rows.size())
                .append(rows.size() == 1 ? " row)\n" : " rows)\n");
        for (int l = 0; l < cells.size(); l++) {
            List<String> line = cells.get(l);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, widths[i]) + "s", line.get(i)));
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (l == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "" : "  ").append("-".repeat(Math.max(1, widths[i])));
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }

    public String toCsv() {
        StringBuilder out = new StringBuilder(String.join(",", columns.stream().map(ReportTable::csv).toList()))
                .append('\n');
        for (List<Object> row : rows) {
            out.append(String.join(",", row.stream().map(v -> csv(text(v))).toList())).append('\n');
        }
        return out.toString();
    }

    /** A cell as text: no value is empty, decimals plain, time stamps to the second. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().withNano(0).toString().replace('T', ' ');
        }
        return value.toString();
    }

    /** A cell's first line: Spring Batch's exit messages carry the whole stack trace after it. */
    public static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One line per cell in the text table; long messages are cut (CSV keeps them whole). */
    private static String clip(String s) {
        String line = s.indexOf('\n') < 0 ? s : firstLine(s) + " ...";
        return line.length() <= MAX_CELL ? line : line.substring(0, MAX_CELL - 3) + "...";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
