package org.foldbatch.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.model.weights.Record;
import org.foldbatch.model.weights.WeightsSchema;

/** Random parameters at official shapes, from the weights schema, for benchmarks (never for numbers). */
final class SyntheticWeights {
    static final String TRUNK_BLOCK = "diffuser/evoformer/__layer_stack_no_per_layer_1/trunk_pairformer";

    private SyntheticWeights() {
    }

    /** The first {@code layers} layers of every record under {@code stackScope}, scaled like trained weights. */
    static ParameterStore stackSlice(String stackScope, int layers, long seed) {
        WeightsSchema schema = WeightsSchema.official();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Record> out = new ArrayList<>();
        for (String key : schema.keys().stream().sorted().toList()) {
            if (!key.startsWith(stackScope + "/")) {
                continue;
            }
            WeightsSchema.Entry e = schema.entry(key);
            int[] shape = e.shape().clone();
            shape[0] = layers;
            int n = (int) Record.elementCount(shape);
            float[] v = new float[n];
            String name = key.substring(key.lastIndexOf(':') + 1);
            double fanIn = shape.length > 1 ? shape[1] : 1;
            for (int i = 0; i < n; i++) {
                v[i] = switch (name) {
                    case "scale" -> (float) (1 + 0.1 * rnd.nextGaussian());
                    case "offset", "bias" -> (float) (0.1 * rnd.nextGaussian());
                    default -> (float) (rnd.nextGaussian() / Math.sqrt(fanIn));
                };
            }
            String scope = key.substring(0, key.lastIndexOf(':'));
            out.add(e.dtype() == org.foldbatch.model.weights.DType.BFLOAT16 ? Record.ofBfloat16(scope, name, shape, v)
                    : Record.ofFloats(scope, name, shape, v));
        }
        return new ParameterStore(out);
    }
}
