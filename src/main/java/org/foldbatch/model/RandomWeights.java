package org.foldbatch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.foldbatch.records.DType;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.model.weights.WeightsSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a small model of random weights in AlphaFold 3's weights format (every official record name and dtype, at
 * the reduced sizes of {@link ModelConfig#small()}), so the pipeline runs end to end without Google's weights.
 * Structures predicted with it are meaningless; the file name and its identifier say so, and loading it logs a
 * warning.
 */
public final class RandomWeights {
    public static final String MODEL_NAME = "af3-random-weights-TEST-ONLY";
    public static final String FILE_NAME = MODEL_NAME + ".bin";
    public static final String WARNING = "!!! RANDOM TEST-ONLY WEIGHTS: every predicted structure and confidence is "
            + "MEANINGLESS; use AlphaFold 3's official weights for real predictions !!!";
    static final String IDENTIFIER = "foldbatch-RANDOM-WEIGHTS-TEST-ONLY-structures-are-meaningless";

    private RandomWeights() {
    }

    /**
     * @param smallConfig must have the sizes of {@link ModelConfig#small()} (sampling settings may differ)
     * @return the written file, {@code dir/}{@link #FILE_NAME}
     */
    public static Path write(Path dir, ModelConfig smallConfig, long seed) {
        requireSmallSizes(smallConfig);
        WeightsSchema schema = WeightsSchema.small();
        SplittableRandom random = new SplittableRandom(seed);
        List<Record> records = new ArrayList<>();
        for (WeightsSchema.Entry e : schema.entries().stream()
                .sorted((a, b) -> a.key().compareTo(b.key())).toList()) {
            int colon = e.key().lastIndexOf(':');
            String scope = e.key().substring(0, colon);
            String name = e.key().substring(colon + 1);
            if (e.key().equals(WeightsSchema.META_KEY)) {
                byte[] id = Arrays.copyOf(IDENTIFIER.getBytes(StandardCharsets.US_ASCII), e.shape()[0]);
                Arrays.fill(id, IDENTIFIER.length(), id.length, (byte) '-');
                records.add(new Record(scope, name, DType.UINT8, e.shape(), id));
                continue;
            }
            float[] v = values(random, e, name);
            records.add(e.dtype() == DType.BFLOAT16 ? Record.ofBfloat16(scope, name, e.shape(), v)
                    : Record.ofFloats(scope, name, e.shape(), v));
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(dir + ": " + ex.getMessage(), ex);
        }
        Path file = dir.resolve(FILE_NAME);
        RecordFile.write(file, records);
        return file;
    }

    /** Scales like initialised weights: LayerNorm scales near 1, small offsets and biases, fan-in scaled weights. */
    private static float[] values(SplittableRandom random, WeightsSchema.Entry e, String name) {
        int[] shape = e.shape();
        int n = (int) Record.elementCount(shape);
        int stackAxes = (int) Arrays.stream(e.key().split("/")).filter(s -> s.startsWith("__layer_stack")).count();
        double fanIn = shape.length > stackAxes + 1 ? shape[stackAxes] : 1;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double g = gaussian(random);
            v[i] = (float) switch (name) {
                case "scale" -> 1 + 0.1 * g;
                case "offset", "bias" -> 0.1 * g;
                default -> g / Math.sqrt(fanIn);
            };
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void requireSmallSizes(ModelConfig c) {
        ModelConfig small = ModelConfig.small();
        if (!c.evoformer().equals(small.evoformer()) || !withoutEval(c.heads().diffusion())
                .equals(withoutEval(small.heads().diffusion())) || !c.heads().confidence()
                .equals(small.heads().confidence()) || !c.heads().distogram().equals(small.heads().distogram())) {
            throw new IllegalArgumentException("RandomWeights: only the sizes of ModelConfig.small() are supported "
                    + "(evoformer and heads must match; heads.diffusion.eval may differ)");
        }
    }

    private static JsonNode withoutEval(JsonNode diffusion) {
        if (diffusion == null || !diffusion.isObject()) {
            return diffusion;
        }
        ObjectNode copy = ((ObjectNode) diffusion).deepCopy();
        copy.remove("eval");
        return copy;
    }
}
