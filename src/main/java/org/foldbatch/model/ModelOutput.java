package org.foldbatch.model;

import java.util.List;

/**
 * What the network returns for one input, as AlphaFold 3's {@code get_inference_result} consumes it. Confidence
 * values are already reduced (expected values over the bins, as AlphaFold 3's network returns them): pLDDT in
 * 0..100 per atom slot, PAE and PDE in Å, TM-score-adjusted PAE terms for pTM/ipTM, resolved probability per atom
 * slot, contact probability ≤ 8 Å. The distogram is given as logits with its bin edges. All arrays are row-major,
 * padded to N tokens and 24 atom slots per token.
 *
 * @param atomMask {@code [N, 24]} (pred_dense_atom_mask)
 * @param distogramLogits {@code [N, N, bins]}
 * @param contactProbs {@code [N, N]}
 * @param single {@code [N, Cs]} trunk single embedding
 * @param pair {@code [N, N, Cz]} trunk pair embedding
 */
public record ModelOutput(int numTokens, List<Sample> samples, float[] atomMask, float[] distogramLogits,
        float[] distogramBinEdges, float[] contactProbs, float[] single, int seqChannels, float[] pair,
        int pairChannels) {

    /**
     * One diffusion sample and its confidences.
     *
     * @param atomPositions {@code [N, 24, 3]} (dense per-token atom layout)
     * @param plddt {@code [N, 24]}
     * @param pae {@code [N, N]} (full_pae)
     * @param pde {@code [N, N]} (full_pde)
     * @param resolved {@code [N, 24]} (predicted_experimentally_resolved)
     * @param tmAdjustedPaeGlobal {@code [N, N]} (tmscore_adjusted_pae_global)
     * @param tmAdjustedPaeInterface {@code [N, N]} (tmscore_adjusted_pae_interface)
     */
    public record Sample(float[] atomPositions, float[] plddt, float[] pae, float[] pde, float averagePde,
            float[] resolved, float[] tmAdjustedPaeGlobal, float[] tmAdjustedPaeInterface) {
    }
}
