package org.foldbatch.model;

/** Row-major per-token arrays of the network's output: dropping the padding tokens, and softmax over a last axis. */
final class TokenArrays {

    private TokenArrays() {
    }

    /** {@code [n, n, c] -> [t, t, c]}: the block of the first {@code t} tokens of a pair array padded to {@code n}. */
    static float[] cropPair(float[] padded, int n, int t, int channels) {
        float[] out = new float[t * t * channels];
        for (int i = 0; i < t; i++) {
            System.arraycopy(padded, i * n * channels, out, i * t * channels, t * channels);
        }
        return out;
    }

    /** Softmax over each run of {@code bins} values, in double precision and shifted by the run's maximum. */
    static float[] softmax(float[] logits, int bins) {
        float[] p = new float[logits.length];
        for (int o = 0; o < logits.length; o += bins) {
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                max = Math.max(max, logits[o + b]);
            }
            double sum = 0;
            for (int b = 0; b < bins; b++) {
                sum += Math.exp(logits[o + b] - max);
            }
            for (int b = 0; b < bins; b++) {
                p[o + b] = (float) (Math.exp(logits[o + b] - max) / sum);
            }
        }
        return p;
    }
}
