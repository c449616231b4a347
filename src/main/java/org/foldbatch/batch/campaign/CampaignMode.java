package org.foldbatch.batch.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a campaign turns its fixed chains and candidates into fold inputs: the screening designs labs run. */
public enum CampaignMode {
    /** The fixed chains (the target) with one candidate ligand each. */
    LIGAND_SCREEN,
    /** The fixed chains (the bait) with one partner chain each. */
    PULLDOWN,
    /** Every unordered pair of members (with each member against itself unless includeSelf is false). */
    ALL_VS_ALL,
    /** Every member of left with every member of right. */
    N_X_M,
    /** The fixed chains repeated n times, for each n in copies. */
    HOMO_OLIGOMER,
    /** The fixed chains once per seed, one seed per fold. */
    SEED_SWEEP;

    /** The name in campaign files: the constant in lower case with dashes, e.g. {@code all-vs-all}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CampaignMode> ofLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(CampaignMode::label).toList());
    }
}
