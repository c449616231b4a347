package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.foldbatch.msa.SearchTool;
import org.junit.jupiter.api.Test;

/** A fold's identity follows its search engines, and only the settings that change its files. */
class OutputSettingsTests {

    private static String settings(Map<String, Object> properties, SearchTool campaignEngine) {
        return FoldbatchProperties.bind(properties).outputSettings(campaignEngine);
    }

    @Test
    void theDefaultEnginesLeaveAFoldsIdentityAsItWasBeforeEnginesExisted() {
        String defaults = settings(Map.of(), null);
        assertThat(defaults).doesNotContain("engine");
        assertThat(settings(Map.of("foldbatch.search.mmseqs-index-dir", "/elsewhere",
                "foldbatch.search.mmseqs-binary", "/opt/mmseqs"), null)).isEqualTo(defaults);
    }

    @Test
    void anEngineSettingOrACampaignsEngineMakesAnotherFold() {
        String defaults = settings(Map.of(), null);
        String uniref = settings(Map.of("foldbatch.search.engine.uniref90", "mmseqs2"), null);
        String campaign = settings(Map.of(), SearchTool.MMSEQS2);
        assertThat(uniref).isNotEqualTo(defaults).contains("uniref90=mmseqs2");
        assertThat(campaign).isNotEqualTo(defaults).isNotEqualTo(uniref).endsWith("|proteinEngine=mmseqs2");
        assertThat(settings(Map.of(), SearchTool.JACKHMMER)).isNotEqualTo(campaign);
    }
}
