package org.foldbatch.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.records.Record;
import org.foldbatch.model.weights.WeightsSchema;

/** Random parameters at official shapes, from the weights schema, for benchmarks (never for numbers). */
public final class SyntheticWeights {
    static final String TRUNK_BLOCK = "diffuser/evoformer/__layer_stack_no_per_layer_1/trunk_pairformer";

    private SyntheticWeights() {
    }

    /** Every official record whose scope starts with one of {@code prefixes}, at full size, in its schema dtype. */
    public static ParameterStore fullSize(long seed, String... prefixes) {
        return generate(seed, -1, prefixes);
    }

    /** The first {@code layers} layers of every record under {@code stackScope}, scaled like trained weights. */
    static ParameterStore stackSlice(String stackScope, int layers, long seed) {
        return generate(seed, layers, stackScope + "/");
    }

    private static ParameterStore generate(long seed, int layers, String... prefixes) {
        WeightsSchema schema = WeightsSchema.official();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Record> out = new ArrayList<>();
        for (String key : schema.keys().stream().sorted().toList()) {
            if (java.util.Arrays.stream(prefixes).noneMatch(key::startsWith)) {
                continue;
            }
            WeightsSchema.Entry e = schema.entry(key);
            int[] shape = e.shape().clone();
            if (layers > 0) {
                shape[0] = layers;
            }
            int n = (int) Record.elementCount(shape);
            float[] v = new float[n];
            String name = key.substring(key.lastIndexOf(':') + 1);
            boolean stacked = key.contains("__layer_stack");
            double fanIn = shape.length > (stacked ? 1 : 0) + 1 ? shape[stacked ? 1 : 0] : 1;
            for (int i = 0; i < n; i++) {
                v[i] = switch (name) {
                    case "scale" -> (float) (1 + 0.1 * rnd.nextGaussian());
                    case "offset", "bias" -> (float) (0.1 * rnd.nextGaussian());
                    default -> (float) (rnd.nextGaussian() / Math.sqrt(fanIn));
                };
            }
            String scope = key.substring(0, key.lastIndexOf(':'));
            out.add(e.dtype() == org.foldbatch.records.DType.BFLOAT16 ? Record.ofBfloat16(scope, name, shape, v)
                    : Record.ofFloats(scope, name, shape, v));
        }
        return new ParameterStore(out);
    }
}
