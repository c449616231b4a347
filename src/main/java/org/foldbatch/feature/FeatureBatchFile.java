package org.foldbatch.feature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;
import org.foldbatch.records.RecordReader;
import org.foldbatch.records.RecordWriter;

/**
 * Features as a file in AlphaFold 3's record format ({@link org.foldbatch.records}), one record per feature under
 * the scope {@code __input__}, as in the project's reference test vectors. Written uncompressed; a file whose name
 * ends in {@code .zst} is read as zstd.
 */
public final class FeatureBatchFile {

    public static final String SCOPE = "__input__";

    private FeatureBatchFile() {
    }

    /** Writes the records, uncompressed, to a stream the caller owns (and closes it). */
    public static void write(Map<String, Feature> features, OutputStream stream) throws IOException {
        try (RecordWriter out = new RecordWriter(stream)) {
            for (Feature feature : features.values()) {
                out.write(new Record(SCOPE, feature.name(), feature.dtype(), feature.shape(), feature.data()));
            }
        }
    }

    public static Map<String, Feature> read(Path file) {
        Map<String, Feature> features = new LinkedHashMap<>();
        try (RecordReader in = RecordFile.open(file)) {
            for (Record r = in.next(); r != null; r = in.next()) {
                if (!r.scope().equals(SCOPE)) {
                    throw new FeaturisationException("Cannot read feature batch " + file + ": record "
                            + (in.recordsRead() - 1) + " (" + r.name() + "): scope '" + r.scope() + "', expected "
                            + SCOPE);
                }
                features.put(r.name(), new Feature(r.name(), r.dtype(), r.shape(), r.data()));
            }
            return features;
        } catch (RecordFormatException e) {
            throw new FeaturisationException("Cannot read feature batch " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeaturisationException("Cannot read feature batch " + file + ": " + e.getMessage(), e);
        }
    }
}
