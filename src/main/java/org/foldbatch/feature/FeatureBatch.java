package org.foldbatch.feature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The featurised batch of one input and seed: feature name → {@link Feature}, in the order they were made.
 *
 * @param tokenCount the real (unpadded) number of tokens
 */
public record FeatureBatch(Map<String, Feature> features, int tokenCount, long seed) {

    public FeatureBatch {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    public Feature get(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new NoSuchElementException("no feature named " + name);
        }
        return feature;
    }

    public boolean has(String name) {
        return features.containsKey(name);
    }

    /** Writes the batch as a record file (see {@link FeatureBatchFile}) to a stream, closing it. */
    public void writeTo(OutputStream out) throws IOException {
        FeatureBatchFile.write(features, out);
    }

    /** Reads a batch written by {@link #writeTo}; token count and seed come from {@code seq_length}, unknown seed -1. */
    public static FeatureBatch read(Path file) {
        Map<String, Feature> features = FeatureBatchFile.read(file);
        Feature length = features.get("seq_length");
        return new FeatureBatch(features, length == null ? -1 : length.ints()[0], -1);
    }
}
