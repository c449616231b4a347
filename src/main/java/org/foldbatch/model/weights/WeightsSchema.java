package org.foldbatch.model.weights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.foldbatch.records.DType;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFormatException;

/**
 * The expected records of a weights file: {@code scope:name}, dtype and shape. {@link #official()} is the list of
 * all 405 records of the released AlphaFold 3 weights (AF3 {@code docs/model_parameters.md}).
 */
public final class WeightsSchema {
    public static final String META_KEY = "__meta__:__identifier__";

    /** One expected record. */
    public record Entry(String key, DType dtype, int[] shape) {
        @Override
        public String toString() {
            return key + " " + dtype.numpyName() + Arrays.toString(shape);
        }
    }

    private final Map<String, Entry> entries;

    public WeightsSchema(Collection<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.key(), e);
        }
        this.entries = Map.copyOf(m);
    }

    public static WeightsSchema official() {
        return resource("af3-weights-schema.tsv");
    }

    /**
     * The same 405 records at the reduced sizes of {@code ModelConfig.small()} (the dimensions of AlphaFold 3's tiny
     * reference model), for random test-only weights.
     */
    public static WeightsSchema small() {
        return resource("af3-small-schema.tsv");
    }

    private static WeightsSchema resource(String name) {
        try (InputStream in = WeightsSchema.class.getResourceAsStream(name)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public java.util.Collection<Entry> entries() {
        return entries.values();
    }

    /** Parses lines {@code scope:name<TAB>dtype<TAB>(d0,d1,...)}. */
    public static WeightsSchema parse(String tsv, String source) {
        List<Entry> out = new java.util.ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(tsv))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                DType t = f.length == 3 ? DType.fromNumpyName(f[1]) : null;
                if (t == null) {
                    throw new RecordFormatException(source + ":" + lineNo + ": expected key, dtype, shape: " + line);
                }
                String dims = f[2].replaceAll("[()\\s]", "");
                int[] shape = dims.isEmpty() ? new int[0]
                        : Arrays.stream(dims.split(",")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
                out.add(new Entry(f[0], t, shape));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WeightsSchema(out);
    }

    public int size() {
        return entries.size();
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    /** Fails on a record the schema does not list, or one with another dtype or shape. */
    public void checkRecord(Record r, String source) {
        Entry e = entries.get(r.key());
        if (e == null) {
            throw new RecordFormatException(source + ": unexpected record " + r.key() + " " + r.dtype().numpyName()
                    + Arrays.toString(r.shape()) + " (not in the weights schema)");
        }
        if (e.dtype() != r.dtype() || !Arrays.equals(e.shape(), r.shape())) {
            throw new RecordFormatException(source + ": record " + r.key() + " is " + r.dtype().numpyName()
                    + Arrays.toString(r.shape()) + ", schema expects " + e.dtype().numpyName()
                    + Arrays.toString(e.shape()));
        }
    }

    /** Fails naming the first schema records that were never seen (the file is incomplete or truncated). */
    public void checkComplete(Set<String> seen, String source, Set<String> optional) {
        Set<String> missing = new TreeSet<>(entries.keySet());
        missing.removeAll(seen);
        missing.removeAll(optional);
        if (!missing.isEmpty()) {
            List<String> shown = missing.stream().limit(5).toList();
            throw new RecordFormatException(source + ": " + missing.size() + " record(s) missing, e.g. " + shown);
        }
    }
}
