package org.foldbatch.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.feature.Feature;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.FeatureBatchFile;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFormatException;

/**
 * The network's input features by AlphaFold 3 feature key ({@code msa}, {@code seq_mask},
 * {@code tokens_to_queries:gather_idxs}, ...), as records. Featurisation keeps AlphaFold 3's numpy dtypes (bool, int8,
 * int64, float64) so its arrays hash like AlphaFold 3's; the network, like AlphaFold 3's, reads them as int32,
 * float32 and uint8 masks, so {@link #of} widens or narrows them, once, value by value. On disk there is only the
 * featurisation's {@link FeatureBatch}.
 *
 * @param source where the features came from, for error messages
 */
public record NetworkInputs(Map<String, Record> features, String source) {

    public NetworkInputs {
        features = Map.copyOf(features);
    }

    public static NetworkInputs of(FeatureBatch batch, String source) {
        Map<String, Record> records = new LinkedHashMap<>();
        for (Map.Entry<String, Feature> e : batch.features().entrySet()) {
            records.put(e.getKey(), record(e.getValue()));
        }
        return new NetworkInputs(records, source);
    }

    public Record get(String key) {
        Record r = features.get(key);
        if (r == null) {
            throw new RecordFormatException(source + ": feature '" + key + "' is missing");
        }
        return r;
    }

    public boolean has(String key) {
        return features.containsKey(key);
    }

    /** The padded token count N, from {@code seq_mask}. */
    public int numTokens() {
        return get("seq_mask").shape()[0];
    }

    private static Record record(Feature f) {
        String scope = FeatureBatchFile.SCOPE;
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
