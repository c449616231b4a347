package org.foldbatch.output;

import java.util.List;

/**
 * AF3's per-sample summary scores ({@code *_summary_confidences.json}). Chain-level arrays are in chain order
 * (asym_id order). NaN marks an undefined value (ipTM of one chain, chain-pair values of chains with no frame).
 *
 * @param chainIds per-token chain IDs, as AF3 fills the JSON's {@code chain_ids} (its docs say one per chain)
 */
public record SummaryConfidences(double ptm, double iptm, double rankingScore, double fractionDisordered,
                                 double hasClash, double[][] chainPairPaeMin, double[][] chainPairIptm,
                                 double[] chainPtm, double[] chainIptm, List<String> chainIds) {

    public SummaryConfidences {
        chainIds = List.copyOf(chainIds);
    }
}
