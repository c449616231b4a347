package org.foldbatch.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Every random number of one prediction: the MSA row order of each trunk pass and the standard-normal draws of the
 * diffusion sampler. AlphaFold 3 draws them from JAX's threefry stream, which is not reproduced; tests inject
 * recorded values through this interface instead.
 */
public interface NoiseSource {

    /** What a block of normal draws is for. */
    enum Kind {
        /** {@code [N, 24, 3]} start positions of a sample (scaled by σ₀ afterwards). */
        INITIAL_POSITIONS,
        /** 6 values: the two vectors orthonormalised into a random rotation. */
        ROTATION,
        /** 3 values: the random translation (1 Å standard deviation). */
        TRANSLATION,
        /** {@code [N, 24, 3]} noise added before a denoising step. */
        STEP_NOISE
    }

    /** The MSA row order of each of {@code passes} trunk passes. */
    List<int[]> msaOrders(NetworkInputs batch, int passes, long seed);

    /** {@code count} standard-normal values for sample {@code sample} at step {@code step} (0 for start values). */
    float[] normal(long seed, Kind kind, int sample, int step, int count);

    /** The default: {@link MsaShuffle} orders and independent seeded Gaussian streams per (kind, sample, step). */
    static NoiseSource seeded() {
        return new NoiseSource() {
            @Override
            public List<int[]> msaOrders(NetworkInputs batch, int passes, long seed) {
                return MsaShuffle.orders(batch.get("msa_mask"), passes, seed);
            }

            @Override
            public float[] normal(long seed, Kind kind, int sample, int step, int count) {
                long stream = ((seed * 31 + kind.ordinal()) * 1_000_003L + sample) * 1_000_033L + step;
                SplittableRandom random = new SplittableRandom(new SplittableRandom(stream).nextLong());
                float[] v = new float[count];
                for (int i = 0; i < count; i++) {
                    v[i] = (float) nextGaussian(random);
                }
                return v;
            }
        };
    }

    private static double nextGaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
