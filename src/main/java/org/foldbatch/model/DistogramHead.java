package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * AlphaFold 3's distogram head: symmetrised logits from the final pair (f32, no LayerNorm), and the contact
 * probability as the mass of the bins whose upper edge is at most 8 Å.
 */
public final class DistogramHead {
    public static final String SCOPE = "diffuser/distogram_head";
    public static final double CONTACT_CUTOFF = 8.0;

    /** Bin layout: {@code numBins - 1} breaks from {@code firstBreak} to {@code lastBreak}. */
    public record Bins(double firstBreak, double lastBreak, int numBins) {
        public static final Bins DEFAULT = new Bins(2.3125, 21.6875, 64);

        public static Bins fromJson(tools.jackson.databind.JsonNode d) {
            if (d == null || !d.isObject()) {
                return DEFAULT;
            }
            return new Bins(d.path("first_break").asDouble(2.3125), d.path("last_break").asDouble(21.6875),
                    d.path("num_bins").asInt(64));
        }

        public float[] edges() {
            float[] e = new float[numBins - 1];
            for (int k = 0; k < e.length; k++) {
                e[k] = (float) (firstBreak + k * (lastBreak - firstBreak) / (numBins - 2));
            }
            return e;
        }

        /** Bins below the first break at or beyond the contact cutoff. */
        public int contactBins() {
            int n = 0;
            for (float e : edges()) {
                if (e <= CONTACT_CUTOFF + 1e-3) {
                    n++;
                }
            }
            return n;
        }
    }

    public record Output(Operand<TFloat32> logits, Operand<TFloat32> contactProbs) {
    }

    private DistogramHead() {
    }

    /**
     * @param nn scoped at {@link #SCOPE}
     * @param pair {@code [N, N, Cz]} in f32
     * @param pairMask {@code [N, N]}
     */
    public static Output apply(Layers<TFloat32> nn, Operand<TFloat32> pair, Operand<TFloat32> pairMask, Bins bins) {
        return fromHalfLogits(nn.tf(), nn.linear(pair, "half_logits"), pairMask, bins);
    }

    /**
     * From the output of the head's Linear ({@code [N, N, bins]}) onward: logits = half + its transpose over the two
     * token axes, and the contact probability of each token pair.
     */
    public static Output fromHalfLogits(Ops tf, Operand<TFloat32> half, Operand<TFloat32> pairMask, Bins bins) {
        Operand<TFloat32> logits = tf.math.add(half, tf.linalg.transpose(half, tf.constant(new int[] {1, 0, 2})));
        Operand<TFloat32> probs = tf.nn.softmax(logits);
        int k = bins.contactBins();
        long n = Layers.dims(half)[0];
        Operand<TFloat32> near = tf.slice(probs, tf.constant(new long[] {0, 0, 0}), tf.constant(new long[] {n, n, k}));
        Operand<TFloat32> contact = tf.math.mul(tf.sum(near, tf.constant(-1)), pairMask);
        return new Output(logits, contact);
    }
}
