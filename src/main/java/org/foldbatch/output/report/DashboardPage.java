package org.foldbatch.output.report;

import java.util.List;

import org.foldbatch.output.report.CampaignPage.Table;

/** The dashboard's front page: campaigns (links to their pages) and the job repository's tables. */
public final class DashboardPage {

    private DashboardPage() {
    }

    /** @param campaignLinks one href per campaign name */
    public static String render(List<String> campaigns, List<String> campaignLinks, List<Table> tables) {
        StringBuilder html = CampaignPage.head("Foldbatch dashboard");
        html.append("<p>Read only: this page changes nothing.</p><section id=\"campaigns\"><h2>Campaigns</h2>");
        if (campaigns.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<ul>");
            for (int i = 0; i < campaigns.size(); i++) {
                html.append("<li><a class=\"campaign\" href=\"").append(Html.escape(campaignLinks.get(i))).append("\">")
                        .append(Html.escape(campaigns.get(i))).append("</a></li>");
            }
            html.append("</ul>");
        }
        html.append("</section>\n");
        for (Table table : tables) {
            String id = table.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
            html.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(table.title()))
                    .append("</h2>");
            CampaignPage.table(html, "dashboard sortable", table, null, -1);
            html.append("</section>\n");
        }
        return html.append("<script>").append(Html.resource("campaign-page.js")).append("</script>\n</body></html>\n")
                .toString();
    }
}
