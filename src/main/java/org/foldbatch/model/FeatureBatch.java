package org.foldbatch.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;

/**
 * The network's input features by AlphaFold 3 feature key ({@code msa}, {@code seq_mask},
 * {@code tokens_to_queries:gather_idxs}, ...), as records. On disk a batch is a record file whose records have scope
 * {@link #SCOPE} and the feature key as name.
 */
public record FeatureBatch(Map<String, Record> features, String source) {
    public static final String SCOPE = "__input__";

    public FeatureBatch {
        features = Map.copyOf(features);
    }

    /** Records whose scope is {@code scope}; names may carry a prefix such as {@code batch/} that is stripped. */
    public static FeatureBatch of(List<Record> records, String scope, String namePrefix, String source) {
        Map<String, Record> m = new LinkedHashMap<>();
        for (Record r : records) {
            if (r.scope().equals(scope) && r.name().startsWith(namePrefix)) {
                m.put(r.name().substring(namePrefix.length()), r);
            }
        }
        return new FeatureBatch(m, source);
    }

    public static FeatureBatch read(Path file) {
        return of(RecordFile.read(file), SCOPE, "", file.toString());
    }

    public void write(Path file) {
        RecordFile.write(file, features.entrySet().stream().map(e -> new Record(SCOPE, e.getKey(),
                e.getValue().dtype(), e.getValue().shape(), e.getValue().data())).toList());
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
}
