package org.foldbatch.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.feature.Feature;
import org.foldbatch.records.Record;

/**
 * The featurisation's batch as the network takes it. Featurisation keeps AlphaFold 3's numpy dtypes (bool, int8,
 * int64, float64) so its arrays hash like AlphaFold 3's; the network, like AlphaFold 3's, reads them as int32,
 * float32 and uint8 masks, so they are widened or narrowed here, once, value by value.
 */
public final class NetworkInputs {

    private NetworkInputs() {
    }

    public static FeatureBatch of(org.foldbatch.feature.FeatureBatch batch, String source) {
        Map<String, Record> records = new LinkedHashMap<>();
        for (Map.Entry<String, Feature> e : batch.features().entrySet()) {
            records.put(e.getKey(), record(e.getValue()));
        }
        return new FeatureBatch(records, source);
    }

    private static Record record(Feature f) {
        String scope = FeatureBatch.SCOPE;
        return switch (f.dtype()) {
            case BOOL -> Record.ofBooleans(scope, f.name(), f.shape(), f.bools());
            case INT8 -> {
                byte[] v = f.int8s();
                int[] ints = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    ints[i] = v[i];
                }
                yield Record.ofInts(scope, f.name(), f.shape(), ints);
            }
            case INT32 -> Record.ofInts(scope, f.name(), f.shape(), f.ints());
            case INT64 -> {
                long[] v = f.longs();
                int[] ints = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    ints[i] = Math.toIntExact(v[i]);
                }
                yield Record.ofInts(scope, f.name(), f.shape(), ints);
            }
            case FLOAT32 -> Record.ofFloats(scope, f.name(), f.shape(), f.floats());
            case UINT8, BFLOAT16 -> new Record(scope, f.name(), f.dtype(), f.shape(), f.data());
            case FLOAT64 -> {
                double[] v = f.doubles();
                float[] floats = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    floats[i] = (float) v[i];
                }
                yield Record.ofFloats(scope, f.name(), f.shape(), floats);
            }
        };
    }
}
