package org.foldbatch.batch.campaign;

import java.util.Arrays;
import java.util.Optional;

/** How a campaign turns its fixed chains and candidates into fold inputs: the screening designs labs run. */
public enum CampaignMode {
    /** The fixed chains (the target) with one candidate ligand each. */
    LIGAND_SCREEN("ligand-screen"),
    /** The fixed chains (the bait) with one partner chain each. */
    PULLDOWN("pulldown"),
    /** Every unordered pair of members (with each member against itself unless includeSelf is false). */
    ALL_VS_ALL("all-vs-all"),
    /** Every member of left with every member of right. */
    N_X_M("n-x-m"),
    /** The fixed chains repeated n times, for each n in copies. */
    HOMO_OLIGOMER("homo-oligomer"),
    /** The fixed chains once per seed, one seed per fold. */
    SEED_SWEEP("seed-sweep");

    private final String label;

    CampaignMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<CampaignMode> ofLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(CampaignMode::label).toList());
    }
}
