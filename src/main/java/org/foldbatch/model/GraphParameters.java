package org.foldbatch.model;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldbatch.records.DType;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.records.Record;
import org.foldbatch.records.RecordFormatException;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Binds model parameters to a graph as resource variables (one per parameter, or per layer of a stack). Their values
 * are uploaded once with {@link #upload}, one parameter at a time from the store's bytes, so the graph definition
 * holds no weights, runs need no weight feeds (on a GPU the weights stay on the device), and afterwards the store
 * may be dropped if no other graph needs it: once uploaded, this object keeps no reference to the store or its
 * records. bfloat16 records stay bfloat16 when {@code keepBfloat16} is set (the bf16 policy); otherwise they are
 * widened exactly to f32.
 */
public final class GraphParameters {
    private record Binding(Operand<?> handle, Placeholder<?> value, org.tensorflow.op.Op assign, Record record,
            int[] layers) {
    }

    private final Ops tf;
    /** Null once the values are uploaded: the variables hold them then. */
    private ParameterStore store;
    private final boolean keepBfloat16;
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, Operand<? extends TFloating>> reads = new LinkedHashMap<>();

    public GraphParameters(Ops tf, ParameterStore store, boolean keepBfloat16) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("weights are copied as little-endian bytes; this platform is big-endian");
        }
        this.tf = tf;
        this.store = store;
        this.keepBfloat16 = keepBfloat16;
    }

    public GraphParameters(Ops tf, ParameterStore store) {
        this(tf, store, false);
    }

    public boolean has(String scope, String name) {
        return store().has(scope, name);
    }

    private ParameterStore store() {
        if (store == null) {
            throw new IllegalStateException("parameters were already uploaded; build the whole graph first");
        }
        return store;
    }

    /** The stored shape of {@code scope:name} (with any layer-stack axes), without binding it to the graph. */
    public int[] storedShape(String scope, String name) {
        return store().get(scope, name).shape().clone();
    }

    /**
     * The parameter {@code scope:name}; with {@code layer >= 0}, that slice of its leading layer-stack axis. Float32,
     * or bfloat16 for bf16 records when bfloat16 is kept.
     */
    public Operand<? extends TFloating> get(String scope, String name, int layer) {
        return get(scope, name, layer >= 0 ? new int[] {layer} : new int[0]);
    }

    /**
     * The parameter {@code scope:name} with its leading layer-stack axes indexed by {@code layers} (nested stacks,
     * e.g. {@code [super-block, block]} of the diffusion transformer).
     */
    public Operand<? extends TFloating> get(String scope, String name, int[] layers) {
        StringBuilder k = new StringBuilder(scope).append(':').append(name);
        for (int l : layers) {
            k.append('#').append(l);
        }
        String key = k.toString();
        Operand<? extends TFloating> read = reads.get(key);
        if (read != null) {
            return read;
        }
        if (store == null) {
            throw new IllegalStateException(key + ": parameters were already uploaded; build the whole graph first");
        }
        Record r = store.get(scope, name);
        if (!r.dtype().isFloating()) {
            throw new RecordFormatException(key + ": parameter is " + r.dtype().numpyName() + ", not a float type");
        }
        int[] dims = r.shape();
        for (int i = 0; i < layers.length; i++) {
            if (dims.length <= i || layers[i] >= dims[i]) {
                throw new RecordFormatException(key + ": layer " + layers[i] + " is outside the stack of "
                        + (dims.length <= i ? 0 : dims[i]));
            }
        }
        dims = Arrays.copyOfRange(dims, layers.length, dims.length);
        Shape shape = Shape.of(Arrays.stream(dims).asLongStream().toArray());
        Class<? extends TFloating> type = keepBfloat16 && r.dtype() == DType.BFLOAT16 ? TBfloat16.class
                : TFloat32.class;
        String base = "param." + key.replaceAll("[^A-Za-z0-9_.\\-]", "_") + "_" + bindings.size();
        // An empty shared_name would make every handle in the graph point at the same resource.
        Operand<?> handle = tf.withName(base).varHandleOp(type, shape,
                org.tensorflow.op.core.VarHandleOp.sharedName(base + "#" + System.identityHashCode(this)));
        Placeholder<?> value = tf.withName(base + ".value").placeholder(type, Placeholder.shape(shape));
        org.tensorflow.op.Op assign = tf.withName(base + ".assign").assignVariableOp(handle, value);
        bindings.put(key, new Binding(handle, value, assign, r, layers.clone()));
        read = tf.withName(base + ".read").readVariableOp(handle, type);
        reads.put(key, read);
        return read;
    }

    /** Host bytes staged per upload run: bounds the transient second copy while keeping runs few. */
    static final long UPLOAD_BATCH_BYTES = 256L << 20;

    /**
     * Copies every bound parameter into its variable, in batches of about {@link #UPLOAD_BATCH_BYTES} (each run
     * prunes the graph anew, so one run per parameter would be slow). Idempotent.
     */
    public void upload(Session session) {
        if (store == null) {
            return;
        }
        List<Binding> pending = new ArrayList<>(bindings.values());
        int i = 0;
        while (i < pending.size()) {
            List<Tensor> staged = new ArrayList<>();
            try {
                Session.Runner runner = session.runner();
                long bytes = 0;
                while (i < pending.size() && (staged.isEmpty() || bytes < UPLOAD_BATCH_BYTES)) {
                    Binding b = pending.get(i++);
                    Tensor t = toTensor(b);
                    staged.add(t);
                    bytes += t.numBytes();
                    runner.feed(b.value(), t).addTarget(b.assign());
                }
                runner.run();
            } finally {
                staged.forEach(Tensor::close);
            }
        }
        // The variables hold the values now; dropping the records lets the caller's store leave the Java heap.
        bindings.clear();
        store = null;
    }

    private Tensor toTensor(Binding b) {
        Record sliced = b.record();
        for (int l : b.layers()) {
            sliced = sliced.slice(l);
        }
        Record r = sliced;
        Shape shape = Shape.of(Arrays.stream(r.shape()).asLongStream().toArray());
        if (r.dtype() == DType.BFLOAT16 && keepBfloat16) {
            return TBfloat16.tensorOf(shape, t -> t.asRawTensor().data().write(r.data()));
        }
        if (r.dtype() == DType.FLOAT32) {
            return TFloat32.tensorOf(shape, t -> t.asRawTensor().data().write(r.data()));
        }
        return TFloat32.tensorOf(shape, DataBuffers.of(r.floats(), true, false));
    }
}
