package org.foldbatch.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldbatch.model.weights.DType;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.model.weights.Record;
import org.foldbatch.model.weights.RecordFormatException;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Binds model parameters to a graph. Each parameter used by the graph becomes a float32 placeholder (one per layer of a
 * stack); {@link #feed} supplies the values, built once from the store's bytes (bfloat16 widened exactly).
 * Keeping weights out of the graph definition means the store's bytes are the only long-lived host copy.
 */
public final class GraphParameters implements AutoCloseable {
    private record Binding(Placeholder<TFloat32> placeholder, Record record, int layer) {
    }

    private final Ops tf;
    private final ParameterStore store;
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, TFloat32> tensors = new LinkedHashMap<>();

    public GraphParameters(Ops tf, ParameterStore store) {
        this.tf = tf;
        this.store = store;
    }

    public boolean has(String scope, String name) {
        return store.has(scope, name);
    }

    /** The stored shape of {@code scope:name} (with any layer-stack axes), without binding it to the graph. */
    public int[] storedShape(String scope, String name) {
        return store.get(scope, name).shape().clone();
    }

    /** The parameter {@code scope:name}; with {@code layer >= 0}, that slice of its leading layer-stack axis. */
    public Operand<TFloat32> get(String scope, String name, int layer) {
        String key = scope + ":" + name + (layer >= 0 ? "#" + layer : "");
        Binding b = bindings.get(key);
        if (b == null) {
            Record r = store.get(scope, name);
            if (!r.dtype().isFloating()) {
                throw new RecordFormatException(key + ": parameter is " + r.dtype().numpyName() + ", not a float type");
            }
            int[] dims = r.shape();
            if (layer >= 0) {
                if (dims.length == 0 || layer >= dims[0]) {
                    throw new RecordFormatException(key + ": layer " + layer + " is outside the stack of "
                            + (dims.length == 0 ? 0 : dims[0]));
                }
                dims = java.util.Arrays.copyOfRange(dims, 1, dims.length);
            }
            long[] shape = java.util.Arrays.stream(dims).asLongStream().toArray();
            Placeholder<TFloat32> p = tf.withName(safeName(key)).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(shape)));
            b = new Binding(p, r, layer);
            bindings.put(key, b);
        }
        return b.placeholder();
    }

    private String safeName(String key) {
        return "param." + key.replaceAll("[^A-Za-z0-9_.\\-]", "_") + "_" + bindings.size();
    }

    /** Adds every bound parameter to a run. */
    public Session.Runner feed(Session.Runner runner) {
        for (Map.Entry<String, Binding> e : bindings.entrySet()) {
            runner.feed(e.getValue().placeholder(), tensors.computeIfAbsent(e.getKey(), k -> toTensor(e.getValue())));
        }
        return runner;
    }

    public int boundCount() {
        return bindings.size();
    }

    private static TFloat32 toTensor(Binding b) {
        Record r = b.layer() >= 0 ? b.record().slice(b.layer()) : b.record();
        long[] shape = java.util.Arrays.stream(r.shape()).asLongStream().toArray();
        if (r.dtype() == DType.FLOAT32) {
            float[] v = new float[Math.toIntExact(r.elementCount())];
            ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false));
        }
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(r.floats(), true, false));
    }

    @Override
    public void close() {
        tensors.values().forEach(TFloat32::close);
        tensors.clear();
    }
}
