package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordLists;
import org.foldbatch.records.RecordFormatException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One AlphaFold 3 reference vector file from the test resources: parameters, inputs, outputs and config. */
final class ReferenceCase {
    final String name;
    final ParameterStore params;
    final Map<String, Record> inputs = new LinkedHashMap<>();
    final Map<String, Record> outputs = new LinkedHashMap<>();
    final JsonNode config;

    private ReferenceCase(String name, List<Record> records) {
        this.name = name;
        this.params = ParameterStore.parametersOf(records);
        JsonNode cfg = null;
        for (Record r : records) {
            switch (r.scope()) {
                case "__input__" -> inputs.put(r.name(), r);
                case "__output__" -> outputs.put(r.name(), r);
                case "__config__" -> cfg = JsonMapper.builder().build().readTree(r.text());
                default -> {
                }
            }
        }
        this.config = cfg;
    }

    static ReferenceCase load(String name) {
        try (InputStream in = ReferenceCase.class.getResourceAsStream("/af3-reference/" + name + ".bin")) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + name);
            }
            Path tmp = Files.createTempFile(name, ".bin");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return new ReferenceCase(name, RecordLists.read(tmp));
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Record input(String key) {
        Record r = inputs.get(key);
        if (r == null) {
            throw new RecordFormatException(name + ": no input " + key);
        }
        return r;
    }

    Record output(String key) {
        Record r = outputs.containsKey(key) ? outputs.get(key) : null;
        if (r == null) {
            throw new RecordFormatException(name + ": no output " + key);
        }
        return r;
    }

    /** Builds a float32 graph over this case's parameters, runs it, and returns the fetched values in order. */
    List<float[]> run(TrunkOptions options, Function<Layers<TFloat32>, List<Operand<TFloat32>>> build) {
        return run(TFloat32.class, options, RuntimeOptions.defaults(), build);
    }

    /** As {@link #run(TrunkOptions, Function)} with activations of {@code type} and the given session options. */
    <T extends org.tensorflow.types.family.TFloating> List<float[]> run(Class<T> type, TrunkOptions options,
            RuntimeOptions runtime, Function<Layers<T>, List<Operand<TFloat32>>> build) {
        try (Graph g = new Graph(); Session s = new Session(g, runtime.toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, params, type == org.tensorflow.types.TBfloat16.class);
            {
                List<Operand<TFloat32>> outs = build.apply(Layers.root(tf, gp, type, options));
                gp.upload(s);
                Session.Runner runner = s.runner();
                List<org.tensorflow.Output<TFloat32>> unique = new java.util.ArrayList<>();
                for (Operand<TFloat32> o : outs) {
                    if (!unique.contains(o.asOutput())) {
                        unique.add(o.asOutput());
                    }
                }
                unique.forEach(runner::fetch);
                try (Result result = runner.run()) {
                    List<float[]> values = new java.util.ArrayList<>();
                    for (Operand<TFloat32> o : outs) {
                        values.add(Tensors.floats((TFloat32) result.get(unique.indexOf(o.asOutput()))));
                    }
                    return values;
                }
            }
        }
    }

    Operand<TFloat32> in(Layers<?> nn, String key) {
        return Tensors.floatConstant(nn.tf(), input(key));
    }

    /** README check: {@code max|got - ref| <= tol * max(1, max|ref|)} over the tensor. */
    static double scaledError(float[] got, float[] ref) {
        assertThat(got).hasSameSizeAs(ref);
        double maxDiff = 0;
        double maxRef = 1;
        for (int i = 0; i < ref.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs((double) got[i] - ref[i]));
            maxRef = Math.max(maxRef, Math.abs(ref[i]));
            if (Float.isNaN(got[i])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return maxDiff / maxRef;
    }

    void assertClose(float[] got, String outputKey, double tolerance) {
        double err = scaledError(got, output(outputKey).floats());
        System.out.printf("parity %s/%s scaled max error %.2e (tolerance %.0e)%n", name, outputKey, err, tolerance);
        assertThat(err).as("%s/%s scaled max error", name, outputKey).isLessThanOrEqualTo(tolerance);
    }
}
