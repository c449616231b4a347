package org.foldbatch.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * AlphaFold 3's Fourier embedding of the noise level: {@code cos(2π(¼·ln(σ/σ_data)·w + b))} with 256 fixed
 * weights and biases that are part of AlphaFold 3's code, not of its weights file (kept in a resource here).
 */
public final class NoiseEmbedding {
    static final String RESOURCE = "fourier-noise-embedding.txt";
    public static final int WIDTH = 256;
    static final float[] WEIGHTS;
    static final float[] BIASES;

    static {
        float[][] wb = load();
        WEIGHTS = wb[0];
        BIASES = wb[1];
    }

    private NoiseEmbedding() {
    }

    /** @param noiseLevel scalar σ (not yet divided by σ_data) */
    public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> noiseLevel, float sigmaData) {
        Operand<TFloat32> x = tf.math.mul(tf.constant(0.25f), tf.math.log(tf.math.div(noiseLevel,
                tf.constant(sigmaData))));
        Operand<TFloat32> h = tf.math.add(tf.math.mul(x, tf.constant(WEIGHTS)), tf.constant(BIASES));
        return tf.math.cos(tf.math.mul(tf.constant((float) (2 * Math.PI)), h));
    }

    private static float[][] load() {
        try (InputStream in = NoiseEmbedding.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            float[] w = null;
            float[] b = null;
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("weights ")) {
                    w = parse(line);
                } else if (line.startsWith("biases ")) {
                    b = parse(line);
                }
            }
            if (w == null || b == null || w.length != WIDTH || b.length != WIDTH) {
                throw new IllegalStateException(RESOURCE + ": expected 256 weights and 256 biases");
            }
            return new float[][] {w, b};
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static float[] parse(String line) {
        String[] parts = line.trim().split("\\s+");
        float[] v = new float[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            v[i - 1] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    static double sum(float[] v) {
        return Arrays.stream(toDoubles(v)).sum();
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
