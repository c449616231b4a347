package org.foldbatch.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFormatException;

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

    /** {@code [t, Cs]}: the single embedding of the first {@code t} (the real) tokens, padding dropped. */
    public float[] singleOfTokens(int t) {
        return Arrays.copyOf(single, t * seqChannels);
    }

    /** {@code [t, t, Cz]}: the pair embedding of the real tokens. */
    public float[] pairOfTokens(int t) {
        return TokenArrays.cropPair(pair, numTokens, t, pairChannels);
    }

    public int distogramBins() {
        return distogramLogits.length / (numTokens * numTokens);
    }

    /**
     * {@code [t, t, bins]}: the distogram of the real tokens as probabilities (a softmax over each token pair's
     * bins), which is what the saved {@code _distogram.npz} holds; the network returns logits.
     */
    public float[] distogramProbabilities(int t) {
        int bins = distogramBins();
        return TokenArrays.softmax(TokenArrays.cropPair(distogramLogits, numTokens, t, bins), bins);
    }

    /**
     * As records under {@code scope} (names as AlphaFold 3's output keys, samples stacked on a leading axis), for
     * storing between batch steps; {@link #fromRecords} reads them back.
     */
    public List<Record> toRecords(String scope) {
        int n = numTokens;
        int s = samples.size();
        int bins = distogramLogits.length / (n * n);
        List<Record> out = new ArrayList<>();
        out.add(Record.ofFloats(scope, "diffusion_samples/atom_positions", new int[] {s, n, 24, 3},
                stack(Sample::atomPositions)));
        out.add(Record.ofFloats(scope, "diffusion_samples/mask", new int[] {n, 24}, atomMask));
        out.add(Record.ofFloats(scope, "predicted_lddt", new int[] {s, n, 24}, stack(Sample::plddt)));
        out.add(Record.ofFloats(scope, "full_pae", new int[] {s, n, n}, stack(Sample::pae)));
        out.add(Record.ofFloats(scope, "full_pde", new int[] {s, n, n}, stack(Sample::pde)));
        float[] avg = new float[s];
        for (int i = 0; i < s; i++) {
            avg[i] = samples.get(i).averagePde();
        }
        out.add(Record.ofFloats(scope, "average_pde", new int[] {s}, avg));
        out.add(Record.ofFloats(scope, "predicted_experimentally_resolved", new int[] {s, n, 24},
                stack(Sample::resolved)));
        out.add(Record.ofFloats(scope, "tmscore_adjusted_pae_global", new int[] {s, n, n},
                stack(Sample::tmAdjustedPaeGlobal)));
        out.add(Record.ofFloats(scope, "tmscore_adjusted_pae_interface", new int[] {s, n, n},
                stack(Sample::tmAdjustedPaeInterface)));
        out.add(Record.ofFloats(scope, "distogram/distogram", new int[] {n, n, bins}, distogramLogits));
        out.add(Record.ofFloats(scope, "distogram/bin_edges", new int[] {distogramBinEdges.length},
                distogramBinEdges));
        out.add(Record.ofFloats(scope, "distogram/contact_probs", new int[] {n, n}, contactProbs));
        out.add(Record.ofFloats(scope, "single_embeddings", new int[] {n, seqChannels}, single));
        out.add(Record.ofFloats(scope, "pair_embeddings", new int[] {n, n, pairChannels}, pair));
        return out;
    }

    public static ModelOutput fromRecords(List<Record> records, String scope, String source) {
        Map<String, Record> m = new LinkedHashMap<>();
        for (Record r : records) {
            if (r.scope().equals(scope)) {
                m.put(r.name(), r);
            }
        }
        Record positions = require(m, "diffusion_samples/atom_positions", source);
        int s = positions.shape()[0];
        int n = positions.shape()[1];
        List<Sample> samples = new ArrayList<>();
        float[] avg = require(m, "average_pde", source).floats();
        for (int i = 0; i < s; i++) {
            samples.add(new Sample(part(positions, i), part(require(m, "predicted_lddt", source), i),
                    part(require(m, "full_pae", source), i), part(require(m, "full_pde", source), i), avg[i],
                    part(require(m, "predicted_experimentally_resolved", source), i),
                    part(require(m, "tmscore_adjusted_pae_global", source), i),
                    part(require(m, "tmscore_adjusted_pae_interface", source), i)));
        }
        Record single = require(m, "single_embeddings", source);
        Record pair = require(m, "pair_embeddings", source);
        return new ModelOutput(n, samples, require(m, "diffusion_samples/mask", source).floats(),
                require(m, "distogram/distogram", source).floats(),
                require(m, "distogram/bin_edges", source).floats(),
                require(m, "distogram/contact_probs", source).floats(), single.floats(), single.shape()[1],
                pair.floats(), pair.shape()[2]);
    }

    private float[] stack(java.util.function.Function<Sample, float[]> f) {
        int len = samples.isEmpty() ? 0 : f.apply(samples.get(0)).length;
        float[] out = new float[samples.size() * len];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(f.apply(samples.get(i)), 0, out, i * len, len);
        }
        return out;
    }

    private static float[] part(Record r, int i) {
        float[] all = r.floats();
        int len = all.length / r.shape()[0];
        return Arrays.copyOfRange(all, i * len, (i + 1) * len);
    }

    private static Record require(Map<String, Record> m, String name, String source) {
        Record r = m.get(name);
        if (r == null) {
            throw new RecordFormatException(source + ": model output record '" + name + "' is missing");
        }
        return r;
    }
}
