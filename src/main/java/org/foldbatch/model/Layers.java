package org.foldbatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The layer toolkit the AlphaFold 3 modules are built from: a position in the Haiku scope tree (plus the layer of an
 * enclosing layer stack), the graph's parameters, and the activation type. Linear weights follow Haiku's shapes:
 * {@code [in..., out...]}, or {@code [out..., in]} when stored transposed.
 */
public final class Layers<T extends TFloating> {
    public static final float LAYER_NORM_EPS = 1e-5f;

    private final Ops tf;
    private final GraphParameters params;
    private final Class<T> type;
    private final String scope;
    private final int[] layers;
    private final TrunkOptions options;

    private Layers(Ops tf, GraphParameters params, Class<T> type, String scope, int[] layers, TrunkOptions options) {
        this.tf = tf;
        this.params = params;
        this.type = type;
        this.scope = scope;
        this.layers = layers;
        this.options = options;
    }

    public static <T extends TFloating> Layers<T> root(Ops tf, GraphParameters params, Class<T> type,
            TrunkOptions options) {
        return new Layers<>(tf, params, type, "", new int[0], options);
    }

    public Ops tf() {
        return tf;
    }

    public Class<T> type() {
        return type;
    }

    public String scope() {
        return scope;
    }

    public TrunkOptions options() {
        return options;
    }

    /** A child module scope: {@code scope/name}. */
    public Layers<T> child(String name) {
        return new Layers<>(tf, params, type, scope.isEmpty() ? name : scope + "/" + name, layers, options);
    }

    /** The same scope, reading slice {@code l} of every (stacked) parameter. */
    public Layers<T> layer(int l) {
        return new Layers<>(tf, params, type, scope, new int[] {l}, options);
    }

    /** The same scope, reading element {@code [l0, l1, ...]} of nested layer stacks. */
    public Layers<T> layers(int... ls) {
        return new Layers<>(tf, params, type, scope, ls.clone(), options);
    }

    public GraphParameters params() {
        return params;
    }

    public Layers<T> withOps(Ops other) {
        return new Layers<>(other, params, type, scope, layers, options);
    }

    public boolean hasParam(String module, String name) {
        return params.has(path(module), name);
    }

    /** Parameter {@code module:name} under this scope, as float32. */
    public Operand<TFloat32> param32(String module, String name) {
        return f32(params.get(path(module), name, layers));
    }

    /** Leading (layer-stack) size of a stored parameter, e.g. the number of blocks of a stack. */
    public int stackDepth(String module, String name) {
        return params.storedShape(path(module), name)[0];
    }

    /** Parameter {@code module:name} under this scope, in the activation type. */
    public Operand<T> param(String module, String name) {
        return cast(params.get(path(module), name, layers));
    }

    private String path(String module) {
        return module.isEmpty() ? scope : scope.isEmpty() ? module : scope + "/" + module;
    }

    // ---- conversions and constants ----

    public Operand<T> cast(Operand<?> x) {
        if (x.type() == type) {
            @SuppressWarnings("unchecked")
            Operand<T> same = (Operand<T>) x;
            return same;
        }
        return tf.dtypes.cast(x, type);
    }

    public Operand<TFloat32> f32(Operand<?> x) {
        if (x.type() == TFloat32.class) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> same = (Operand<TFloat32>) x;
            return same;
        }
        return tf.dtypes.cast(x, TFloat32.class);
    }

    public Operand<T> scalar(float v) {
        return cast(tf.constant(v));
    }

    public Operand<TInt32> ints(int... v) {
        return tf.constant(v);
    }

    public static long[] dims(Operand<?> x) {
        Shape s = x.shape();
        long[] d = new long[s.numDimensions()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.get(i);
        }
        return d;
    }

    public <U extends org.tensorflow.types.family.TType> Operand<U> reshape(Operand<U> x, long... shape) {
        return tf.reshape(x, tf.constant(shape));
    }

    public <U extends org.tensorflow.types.family.TType> Operand<U> transpose(Operand<U> x, int... perm) {
        return tf.linalg.transpose(x, tf.constant(perm));
    }

    public <U extends org.tensorflow.types.family.TType> Operand<U> einsum(String equation, Operand<U> a, Operand<U> b) {
        return tf.linalg.einsum(List.of(a, b), equation);
    }

    // ---- Linear ----

    /** {@code y[..., out...] = x[..., in] · W[in, out...]} (+ bias if {@code withBias}). */
    public Operand<T> linear(Operand<T> x, String module, boolean withBias) {
        Operand<T> w = param(module, "weights");
        long[] wd = dims(w);
        long[] xd = dims(x);
        long in = wd[0];
        long out = 1;
        for (int i = 1; i < wd.length; i++) {
            out *= wd[i];
        }
        Operand<T> y = tf.linalg.matMul(reshape(x, -1, in), reshape(w, in, out));
        long[] yd = new long[xd.length - 1 + wd.length - 1];
        System.arraycopy(xd, 0, yd, 0, xd.length - 1);
        System.arraycopy(wd, 1, yd, xd.length - 1, wd.length - 1);
        y = reshape(y, yd);
        if (withBias) {
            y = tf.math.add(y, param(module, "bias"));
        }
        return y;
    }

    public Operand<T> linear(Operand<T> x, String module) {
        return linear(x, module, false);
    }

    /** Haiku's {@code transpose_weights=True}: W stored {@code [out..., in]}. */
    public Operand<T> linearTransposed(Operand<T> x, String module) {
        Operand<T> w = param(module, "weights");
        long[] wd = dims(w);
        long[] xd = dims(x);
        long in = wd[wd.length - 1];
        long out = 1;
        for (int i = 0; i < wd.length - 1; i++) {
            out *= wd[i];
        }
        Operand<T> y = tf.linalg.matMul(reshape(x, -1, in), reshape(w, out, in),
                org.tensorflow.op.linalg.MatMul.transposeB(true));
        long[] yd = new long[xd.length - 1 + wd.length - 1];
        System.arraycopy(xd, 0, yd, 0, xd.length - 1);
        System.arraycopy(wd, 0, yd, xd.length - 1, wd.length - 1);
        return reshape(y, yd);
    }

    /** Haiku's {@code num_input_dims=0}: {@code y = x[..., None] · w} with {@code w [out]}. */
    public Operand<T> linearScalar(Operand<T> x, String module) {
        return tf.math.mul(tf.expandDims(x, tf.constant(-1)), param(module, "weights"));
    }

    // ---- LayerNorm ----

    /**
     * LayerNorm over the last axis with statistics in f32; {@code twoPass} selects {@code mean((x-μ)²)} over the
     * trunk's {@code mean(x²)-μ²}. Missing scale/offset records mean 1/0, as in Haiku.
     */
    public Operand<T> layerNorm(Operand<T> x, String module, boolean twoPass) {
        Operand<TFloat32> x32 = f32(x);
        Operand<TInt32> axis = tf.constant(new int[] {-1});
        Operand<TFloat32> mean = tf.math.mean(x32, axis, Mean.keepDims(true));
        Operand<TFloat32> var;
        if (twoPass) {
            var = tf.math.mean(tf.math.square(tf.math.sub(x32, mean)), axis, Mean.keepDims(true));
        } else {
            var = tf.math.sub(tf.math.mean(tf.math.square(x32), axis, Mean.keepDims(true)), tf.math.square(mean));
        }
        Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(var, tf.constant(LAYER_NORM_EPS)));
        if (hasParam(module, "scale")) {
            inv = tf.math.mul(param32(module, "scale"), inv);
        }
        Operand<TFloat32> y = tf.math.mul(inv, tf.math.sub(x32, mean));
        if (hasParam(module, "offset")) {
            y = tf.math.add(y, param32(module, "offset"));
        }
        return cast(y);
    }

    public Operand<T> layerNorm(Operand<T> x, String module) {
        return layerNorm(x, module, false);
    }

    // ---- misc ----

    public Operand<T> sigmoid(Operand<T> x) {
        return tf.math.sigmoid(x);
    }

    public Operand<T> add(Operand<T> a, Operand<T> b) {
        return tf.math.add(a, b);
    }

    public Operand<T> mul(Operand<T> a, Operand<T> b) {
        return tf.math.mul(a, b);
    }

    /** Body of a row-chunked computation: builds the result for rows {@code [start, end)} with {@code nn}. */
    @FunctionalInterface
    public interface ChunkBody<T extends TFloating> {
        Operand<T> apply(Layers<T> nn, long start, long end);
    }

    /**
     * Builds {@code body} for chunks of {@code rows} along axis 0 of a size-{@code n} axis and concatenates the results.
     * Each chunk starts only after the previous one has finished, so only one chunk's intermediates are alive at a time.
     */
    public Operand<T> chunked(long n, Integer rows, ChunkBody<T> body) {
        if (rows == null || rows >= n) {
            return body.apply(this, 0, n);
        }
        List<Operand<T>> parts = new ArrayList<>();
        Operand<T> previous = null;
        for (long start = 0; start < n; start += rows) {
            long end = Math.min(n, start + rows);
            Layers<T> l = previous == null ? this
                    : withOps(tf.withControlDependencies(List.<org.tensorflow.op.Op>of(previous)));
            Operand<T> out = body.apply(l, start, end);
            parts.add(out);
            previous = out;
        }
        return tf.concat(parts, tf.constant(0));
    }

    /** Rows {@code [start, end)} of axis 0 (the whole operand when that is everything). */
    public <U extends org.tensorflow.types.family.TType> Operand<U> rows(Operand<U> x, long start, long end) {
        if (start == 0 && end == dims(x)[0]) {
            return x;
        }
        return tf.stridedSlice(x, org.tensorflow.ndarray.index.Indices.slice(start, end));
    }
}
