package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffusionSamplerTests {

    @Test
    void scheduleHasAlphaFoldsEndpointsAnd160NoisySteps() {
        float[] s = DiffusionSampler.Config.ALPHAFOLD.noiseLevels();
        assertThat(s).hasSize(201);
        assertThat(s[0]).isCloseTo(2560f, within(1e-2f));
        assertThat(s[200]).isCloseTo(0.0064f, within(1e-6f));
        int noisy = 0;
        for (int i = 1; i <= 200; i++) {
            noisy += s[i] > 1.0f ? 1 : 0;
        }
        assertThat(noisy).isEqualTo(160);
    }

    /** No rotation, translation or step noise, no γ, step scale 1: x_N = T + (σ_N / σ_0)·(x_0 − T) exactly. */
    @Test
    void eulerStepsContractTowardsTheDenoisedStructure() {
        DiffusionSampler.Config cfg = new DiffusionSampler.Config(4, 1, 0.8, 1e9, 1.003, 1.0, 16, 4e-4, 160, 7);
        float[] target = {1, 2, 3, -1, -2, -3};
        float[] mask = {1, 1};
        float[] start = {0.5f, -0.25f, 0.125f, 0.75f, 0.5f, -0.5f};
        NoiseSource noise = new NoiseSource() {
            @Override
            public List<int[]> msaOrders(NetworkInputs batch, int passes, long seed) {
                throw new UnsupportedOperationException();
            }

            @Override
            public float[] normal(long seed, Kind kind, int sample, int step, int count) {
                return switch (kind) {
                    case INITIAL_POSITIONS -> start.clone();
                    case ROTATION -> new float[] {1, 0, 0, 0, 1, 0};
                    default -> new float[count];
                };
            }
        };
        float[] levels = cfg.noiseLevels();
        float[] x0 = new float[6];
        for (int i = 0; i < 6; i++) {
            x0[i] = start[i] * levels[0];
        }
        double[] centre = {(x0[0] + x0[3]) / 2, (x0[1] + x0[4]) / 2, (x0[2] + x0[5]) / 2};
        float[] got = DiffusionSampler.sample(cfg, (x, sigma) -> target, mask, 7, 0, noise);
        double ratio = levels[4] / levels[0];
        for (int i = 0; i < 6; i++) {
            double centred = x0[i] - centre[i % 3];
            assertThat((double) got[i]).isCloseTo(target[i] + ratio * (centred - target[i]), within(1e-4));
        }
    }

    /**
     * Five samples in one call per step give the same bits as five one-sample runs: every sample draws its own noise
     * stream and the Euler update is per sample. The denoiser here is a per-sample function (as the network is, up to
     * matmul rounding), so any mix-up of samples, steps or noise streams between the two paths shows.
     */
    @Test
    void allSamplesInOneCallEqualOneSampleAtATime() {
        DiffusionSampler.Config cfg = DiffusionSampler.Config.ALPHAFOLD.withSteps(6, 5);
        float[] mask = {1, 1, 0, 1};
        int values = mask.length * 3;
        DiffusionSampler.BatchDenoiser shrink = (x, count, sigma) -> {
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] * 0.5f + (i % values) * 0.01f + sigma * 1e-3f;
            }
            return out;
        };
        int[] calls = new int[2];
        NoiseSource noise = NoiseSource.seeded();
        float[][] together = DiffusionSampler.sample(cfg, (x, count, sigma) -> {
            calls[0]++;
            assertThat(count).isEqualTo(5);
            return shrink.denoise(x, count, sigma);
        }, mask, 42, 0, 5, noise);
        assertThat(calls[0]).isEqualTo(6);
        for (int s = 0; s < 5; s++) {
            float[] alone = DiffusionSampler.sample(cfg, (x, sigma) -> {
                calls[1]++;
                return shrink.denoise(x, 1, sigma);
            }, mask, 42, s, noise);
            assertThat(together[s]).as("sample %d", s).containsExactly(alone);
        }
        assertThat(calls[1]).isEqualTo(30);
        assertThat(together[0]).isNotEqualTo(together[1]);
    }

    @Test
    void rotationIsOrthonormal() {
        double[][] r = DiffusionSampler.rotation(new float[] {0.3f, -1.2f, 0.7f, 2f, 0.1f, -0.4f});
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[i][0] * r[j][0] + r[i][1] * r[j][1] + r[i][2] * r[j][2];
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }
}
