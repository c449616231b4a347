package org.foldbatch.batch.campaign;

import java.nio.file.Path;

import org.foldbatch.output.OutputLayout;
import org.foldbatch.report.CampaignReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a campaign's report page in its output folder current: rewritten (atomically) as each fold ends and when
 * the run ends, so the page of a running screen shows the folds finished so far.
 */
final class CampaignPages {

    private static final Logger log = LoggerFactory.getLogger(CampaignPages.class);

    private final CampaignReport report;

    CampaignPages(CampaignReport report) {
        this.report = report;
    }

    /**
     * Writes the page and returns its path; a page that cannot be written is logged (null) and never fails the
     * campaign or its folds.
     */
    synchronized Path refresh(String campaign, Path campaignDir) {
        Path page = OutputLayout.campaignPage(campaignDir, campaign);
        try {
            return report.write(campaign, page);
        } catch (RuntimeException e) {
            log.warn("{}: campaign page {} not written: {}", campaign, page, e.getMessage());
            return null;
        }
    }
}
