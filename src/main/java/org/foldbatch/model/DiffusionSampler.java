package org.foldbatch.model;

import tools.jackson.databind.JsonNode;

/**
 * AlphaFold 3's sampler ({@code diffusion_head.sample}): start from σ₀-scaled Gaussian noise, then for each level of
 * the Karras schedule randomly rotate and translate the structure, add noise up to {@code t̂ = σ_prev·(1 + γ)}, denoise
 * and take an Euler step of size {@code step_scale·(σ − t̂)}. The result is the last Euler step, not the last
 * denoiser output.
 */
public final class DiffusionSampler {

    /** {@code heads.diffusion.eval} of the model config, plus the schedule constants of {@code diffusion_head.py}. */
    public record Config(int steps, int numSamples, double gamma0, double gammaMin, double noiseScale,
            double stepScale, double sigmaData, double sMin, double sMax, double rho) {
        public static final Config ALPHAFOLD = new Config(200, 5, 0.8, 1.0, 1.003, 1.5, 16.0, 4e-4, 160.0, 7);

        public static Config fromJson(JsonNode eval, String source) {
            if (eval == null || !eval.isObject()) {
                return ALPHAFOLD;
            }
            Config d = ALPHAFOLD;
            return new Config(eval.path("steps").asInt(d.steps), eval.path("num_samples").asInt(d.numSamples),
                    eval.path("gamma_0").asDouble(d.gamma0), eval.path("gamma_min").asDouble(d.gammaMin),
                    eval.path("noise_scale").asDouble(d.noiseScale), eval.path("step_scale").asDouble(d.stepScale),
                    d.sigmaData, d.sMin, d.sMax, d.rho);
        }

        public Config withSteps(int s, int samples) {
            return new Config(s, samples, gamma0, gammaMin, noiseScale, stepScale, sigmaData, sMin, sMax, rho);
        }

        /** {@code σ(t) = σ_data·(smax^{1/ρ} + t·(smin^{1/ρ} − smax^{1/ρ}))^ρ} at {@code t = i/steps}, in f32. */
        public float[] noiseLevels() {
            float[] s = new float[steps + 1];
            float a = (float) Math.pow(sMax, 1 / rho);
            float b = (float) Math.pow(sMin, 1 / rho);
            for (int i = 0; i <= steps; i++) {
                float t = steps == 0 ? 0f : (float) i / steps;
                s[i] = (float) (sigmaData * Math.pow(a + t * (b - a), rho));
            }
            return s;
        }
    }

    /** One denoiser call: positions {@code [N·24·3]} at noise level σ → denoised positions. */
    @FunctionalInterface
    public interface Denoiser {
        float[] denoise(float[] positionsNoisy, float sigma);
    }

    /** One denoiser call for {@code count} samples at once: {@code [count·N·24·3]} → denoised. */
    @FunctionalInterface
    public interface BatchDenoiser {
        float[] denoise(float[] positionsNoisy, int count, float sigma);
    }

    private DiffusionSampler() {
    }

    /**
     * Samples one structure.
     *
     * @param atomMask {@code [N·24]} (pred_dense_atom_mask)
     */
    public static float[] sample(Config cfg, Denoiser denoiser, float[] atomMask, long seed, int sampleIndex,
            NoiseSource noise) {
        return sample(cfg, (x, count, sigma) -> denoiser.denoise(x, sigma), atomMask, seed, sampleIndex, 1,
                noise)[0];
    }

    /**
     * Samples {@code count} structures (sample indices {@code first .. first+count-1}) with one denoiser call per
     * step for all of them. Each sample draws its own noise, so the result does not depend on the grouping.
     */
    public static float[][] sample(Config cfg, BatchDenoiser denoiser, float[] atomMask, long seed, int first,
            int count, NoiseSource noise) {
        int values = atomMask.length * 3;
        float[] levels = cfg.noiseLevels();
        float[][] x = new float[count][];
        for (int s = 0; s < count; s++) {
            x[s] = noise.normal(seed, NoiseSource.Kind.INITIAL_POSITIONS, first + s, 0, values);
            for (int i = 0; i < values; i++) {
                x[s][i] *= levels[0];
            }
        }
        float prev = levels[0];
        for (int step = 1; step <= cfg.steps(); step++) {
            float level = levels[step];
            float gamma = level > cfg.gammaMin() ? (float) cfg.gamma0() : 0f;
            float tHat = prev * (1 + gamma);
            float scale = (float) (cfg.noiseScale() * Math.sqrt(Math.max(tHat * tHat - prev * prev, 0f)));
            float[] noisy = new float[count * values];
            for (int s = 0; s < count; s++) {
                augment(x[s], atomMask, noise.normal(seed, NoiseSource.Kind.ROTATION, first + s, step, 6),
                        noise.normal(seed, NoiseSource.Kind.TRANSLATION, first + s, step, 3));
                float[] eps = noise.normal(seed, NoiseSource.Kind.STEP_NOISE, first + s, step, values);
                for (int i = 0; i < values; i++) {
                    noisy[s * values + i] = x[s][i] + scale * eps[i];
                }
            }
            float[] denoised = denoiser.denoise(noisy, count, tHat);
            float dt = level - tHat;
            for (int s = 0; s < count; s++) {
                for (int i = 0; i < values; i++) {
                    int j = s * values + i;
                    x[s][i] = noisy[j] + (float) cfg.stepScale() * dt * ((noisy[j] - denoised[j]) / tHat);
                }
            }
            prev = level;
        }
        return x;
    }

    /** Random rigid motion about the masked centre: {@code ((x − c)·R + t)·mask}. */
    static void augment(float[] x, float[] mask, float[] rot, float[] translation) {
        double[] center = new double[3];
        double total = 0;
        for (int a = 0; a < mask.length; a++) {
            total += mask[a];
            for (int c = 0; c < 3; c++) {
                center[c] += mask[a] * x[3 * a + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            center[c] /= Math.max(total, 1e-6);
        }
        double[][] r = rotation(rot);
        for (int a = 0; a < mask.length; a++) {
            double[] v = {x[3 * a] - center[0], x[3 * a + 1] - center[1], x[3 * a + 2] - center[2]};
            for (int j = 0; j < 3; j++) {
                double y = v[0] * r[0][j] + v[1] * r[1][j] + v[2] * r[2][j] + translation[j];
                x[3 * a + j] = (float) (y * mask[a]);
            }
        }
    }

    /** Gram–Schmidt of two normal vectors; rows {@code e0, e1, e0 × e1}. */
    static double[][] rotation(float[] v) {
        double[] v0 = {v[0], v[1], v[2]};
        double[] v1 = {v[3], v[4], v[5]};
        double[] e0 = scale(v0, 1 / Math.max(1e-10, norm(v0)));
        double d = v1[0] * e0[0] + v1[1] * e0[1] + v1[2] * e0[2];
        double[] w = {v1[0] - e0[0] * d, v1[1] - e0[1] * d, v1[2] - e0[2] * d};
        double[] e1 = scale(w, 1 / Math.max(1e-10, norm(w)));
        double[] e2 = {e0[1] * e1[2] - e0[2] * e1[1], e0[2] * e1[0] - e0[0] * e1[2], e0[0] * e1[1] - e0[1] * e1[0]};
        return new double[][] {e0, e1, e2};
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double[] scale(double[] v, double s) {
        return new double[] {v[0] * s, v[1] * s, v[2] * s};
    }
}
