package org.foldbatch.batch.campaign;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foldbatch.campaign.*} settings.
 *
 * @param parallelFolds candidate fold jobs launched at the same time by one campaign
 * @param ccdFile      a CCD mmCIF file (e.g. components.cif) for ligand heavy-atom counts in the token guard; without
 *                     it each CCD code counts as one token (a lower bound)
 */
@ConfigurationProperties("foldbatch.campaign")
public record CampaignProperties(
        @DefaultValue("1") int parallelFolds,
        Path ccdFile) {
}
