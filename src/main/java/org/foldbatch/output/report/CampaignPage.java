package org.foldbatch.output.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's report page: the ranking (sortable by any column, each candidate linked to its fold page when there
 * is one), histograms of ranking score and ipTM, failures with their reasons, cache efficiency and run history.
 * Drawn from plain rows so the same page comes from the CLI or the dashboard, with each caller's own links.
 */
public final class CampaignPage {

    /** A titled table of text cells. */
    public record Table(String title, List<String> columns, List<List<String>> rows) {

        int column(String name) {
            return columns.indexOf(name);
        }
    }

    private CampaignPage() {
    }

    /**
     * @param foldLinks one per ranking row: the href of the candidate's fold page, or null when it has none
     */
    public static String render(String campaign, Table ranking, List<String> foldLinks, Table cache, Table failures,
            Table runs) {
        StringBuilder html = head("Campaign " + campaign);
        html.append("<section id=\"ranking\"><h2>Ranking (click a column to sort)</h2>");
        table(html, "ranking sortable", ranking, foldLinks, ranking.column("candidate_name"));
        html.append("</section>\n<section id=\"distributions\"><h2>Distributions</h2><div class=\"row\">");
        for (String column : List.of("ranking_score", "iptm")) {
            List<Double> values = numbers(ranking, column);
            html.append("<figure>").append(histogram(column, values)).append("<figcaption>")
                    .append(column.replace('_', ' ')).append(", ").append(values.size()).append(" candidates")
                    .append("</figcaption></figure>");
        }
        html.append("</div></section>\n<section id=\"failures\"><h2>Failures</h2>");
        table(html, "failures", failures, null, -1);
        html.append("</section>\n<section id=\"cache\"><h2>Cache efficiency (searches saved)</h2>");
        table(html, "cache", cache, null, -1);
        html.append("</section>\n<section id=\"runs\"><h2>Run history</h2>");
        table(html, "runs", runs, null, -1);
        html.append("</section>\n<script>").append(Html.resource("campaign-page.js")).append("</script>\n</body></html>\n");
        return html.toString();
    }

    static void table(StringBuilder html, String cssClass, Table table, List<String> links, int linkColumn) {
        if (table.rows().isEmpty()) {
            html.append("<p class=\"").append(cssClass).append(" empty\">None.</p>");
            return;
        }
        html.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
        for (String column : table.columns()) {
            html.append("<th class=\"sortable\" data-column=\"").append(Html.escape(column)).append("\">")
                    .append(Html.escape(column.replace('_', ' '))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rows().size(); r++) {
            html.append("<tr>");
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = Html.escape(row.get(c));
                String link = links != null && c == linkColumn ? links.get(r) : null;
                html.append("<td>").append(link == null ? cell
                        : "<a href=\"" + Html.escape(link) + "\">" + cell + "</a>").append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** The page's start up to and including its {@code <h1>}. */
    static StringBuilder head(String title) {
        String text = Html.escape(title);
        return new StringBuilder(64 * 1024).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                // An empty icon: no favicon request, so the page makes none at all.
                .append("<link rel=\"icon\" href=\"data:,\"><title>").append(text).append(" - Foldbatch</title><style>")
                .append(Html.resource("page.css"))
                .append("</style></head><body>\n<h1>").append(text).append("</h1>\n");
    }

    private static List<Double> numbers(Table table, String column) {
        int c = table.column(column);
        List<Double> out = new ArrayList<>();
        for (List<String> row : table.rows()) {
            if (c >= 0 && !row.get(c).isBlank()) {
                out.add(Double.parseDouble(row.get(c)));
            }
        }
        return out;
    }

    /** Ten bins over [0, 1] (both scores live there), bar heights relative to the fullest bin. */
    static String histogram(String name, List<Double> values) {
        int[] bins = new int[10];
        for (double v : values) {
            bins[Math.min(9, Math.max(0, (int) Math.floor(v * 10)))]++;
        }
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        StringBuilder svg = new StringBuilder("<svg class=\"histogram\" data-score=\"").append(name)
                .append("\" viewBox=\"0 0 360 170\" width=\"360\" height=\"170\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int b = 0; b < 10; b++) {
            double h = 130.0 * bins[b] / max;
            svg.append("<rect class=\"bin\" data-count=\"").append(bins[b]).append("\" x=\"")
                    .append(Html.fixed(30 + 32 * b, 1)).append("\" y=\"").append(Html.fixed(140 - h, 1))
                    .append("\" width=\"30\" height=\"").append(Html.fixed(h, 1)).append("\" fill=\"#5c6bc0\"><title>")
                    .append(Html.fixed(b / 10.0, 1)).append('-').append(Html.fixed((b + 1) / 10.0, 1)).append(": ")
                    .append(bins[b]).append("</title></rect>");
        }
        for (int t = 0; t <= 10; t += 5) {
            svg.append("<text x=\"").append(30 + 32 * t).append("\" y=\"156\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(Html.fixed(t / 10.0, 1)).append("</text>");
        }
        svg.append("<text x=\"24\" y=\"18\" font-size=\"11\" text-anchor=\"end\">").append(max).append("</text>");
        return svg.append("</svg>").toString();
    }
}
