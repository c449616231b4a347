package org.foldbatch.model.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFile;
import org.foldbatch.records.RecordFormatException;
import org.foldbatch.records.RecordReader;

/**
 * Model parameters by scope and name, as AlphaFold 3 stores them ({@code params[scope][name]}). Records keep the
 * file's bytes (bfloat16 stays bfloat16) until a graph converts them.
 */
public final class ParameterStore {
    private final Map<String, Record> records;

    public ParameterStore(Collection<Record> records) {
        Map<String, Record> m = new LinkedHashMap<>();
        for (Record r : records) {
            m.put(r.key(), r);
        }
        this.records = m;
    }

    /**
     * Loads the official weights from a directory (as AF3 does: {@code af3.bin.zst} or its variants), checking every
     * record against {@code schema} while streaming.
     */
    public static ParameterStore loadModel(Path dir, String modelName, WeightsSchema schema) {
        List<Record> kept = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        String source = dir.resolve(modelName).toString();
        try (RecordReader reader = RecordFile.openModel(dir, modelName)) {
            source = reader.source();
            for (Record r = reader.next(); r != null; r = reader.next()) {
                schema.checkRecord(r, source);
                if (!seen.add(r.key())) {
                    throw new RecordFormatException(source + ": duplicate record " + r.key());
                }
                kept.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        schema.checkComplete(seen, source, Set.of());
        return new ParameterStore(kept);
    }

    /** The parameter records of a reference or feature file: everything whose scope is not {@code __...__}. */
    public static ParameterStore parametersOf(List<Record> records) {
        return new ParameterStore(records.stream().filter(r -> !r.scope().startsWith("__")).toList());
    }

    public boolean has(String scope, String name) {
        return records.containsKey(scope + ":" + name);
    }

    public Record get(String scope, String name) {
        Record r = records.get(scope + ":" + name);
        if (r == null) {
            throw new RecordFormatException("missing parameter " + scope + ":" + name);
        }
        return r;
    }

    /**
     * The model identifier ({@code __meta__:__identifier__}, 64 bytes that AlphaFold 3 prints as the model id),
     * as text when printable, else hex; null when the file has none (the reference vectors).
     */
    public String identifier() {
        Record r = records.get(WeightsSchema.META_KEY);
        if (r == null) {
            return null;
        }
        byte[] b = r.data();
        boolean printable = true;
        for (byte x : b) {
            printable &= x >= 0x20 && x < 0x7F;
        }
        if (printable) {
            return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        }
        StringBuilder hex = new StringBuilder();
        for (byte x : b) {
            hex.append(String.format("%02x", x & 0xFF));
        }
        return hex.toString();
    }

    public Collection<Record> records() {
        return records.values();
    }

    public int size() {
        return records.size();
    }
}
