package org.foldbatch.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foldbatch.model.GraphParameters;
import org.foldbatch.model.Layers;
import org.foldbatch.model.PairformerIteration;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.ShardSpec;
import org.foldbatch.model.Tensors;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.weights.ParameterStore;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * One trunk Pairformer block at official dims (Cz 128, Cs 384, 4 pair heads, 16 single heads, random weights) for
 * N = 128 and 256: seconds per block, achieved GFLOP/s beside a 4096² f32 matmul in the same JVM, and peak memory
 * (resident-set high-water mark of a fresh JVM per setting) with and without sharding/chunking.
 *
 * <p>Run: {@code mvn -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.foldbatch.model.bench.PairformerBenchmark [N...] [--bf16]} (cp.txt from {@code mvn dependency:build-classpath}).
 */
public final class PairformerBenchmark {
    static final int CZ = 128;
    static final int CS = 384;
    static final int PAIR_HEADS = 4;
    static final int SINGLE_HEADS = 16;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--memory")) {
            System.out.println("PEAK_DELTA_BYTES=" + measurePeak(Integer.parseInt(args[1]), args[2].equals("sharded"),
                    Precision.valueOf(args[3])));
            return;
        }
        Precision precision = List.of(args).contains("--bf16") ? Precision.BFLOAT16 : Precision.FLOAT32;
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                sizes.add(Integer.parseInt(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(128, 256);
        }
        double matmul = matmulGflops(4096, 3);
        System.out.printf("4096x4096 f32 matmul: %.1f GFLOP/s%n", matmul);
        System.out.println("precision " + precision + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("N     s/block   GFLOP/block  GFLOP/s  %matmul  peak(unchunked)  peak(sharded 32 rows)");
        for (int n : sizes) {
            double seconds = secondsPerBlock(n, precision, TrunkOptions.unchunked(), 3);
            double gflop = blockFlops(n) / 1e9;
            long plain = peakInFreshJvm(n, false, precision);
            long sharded = peakInFreshJvm(n, true, precision);
            System.out.printf("%-5d %-9.3f %-12.1f %-8.1f %-8.0f %-16s %s%n", n, seconds, gflop, gflop / seconds,
                    100 * gflop / seconds / matmul, mib(plain), mib(sharded));
        }
    }

    /** Multiply-adds of one block counted as 2 FLOPs, matmuls and attention only. */
    static double blockFlops(long n) {
        double c = CZ;
        double triMul = 12 * n * n * c * c + 2 * c * n * n * n;
        double triAtt = 10 * n * n * c * c + 4 * n * n * n * c + 2 * n * n * c * PAIR_HEADS;
        double transition = 24 * n * n * c * c;
        double single = 2 * n * n * c * SINGLE_HEADS + 10 * n * (double) CS * CS + 4 * n * n * (double) CS
                + 24 * n * (double) CS * CS;
        return 2 * triMul + 2 * triAtt + transition + single;
    }

    static TrunkOptions sharded() {
        return new TrunkOptions(ShardSpec.of(null, 32, null, 32), ShardSpec.of(null, 32, null, 32));
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }

    static double matmulGflops(int size, int reps) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> a = tf.random.randomUniform(tf.constant(new long[] {size, size}), TFloat32.class);
            Operand<TFloat32> b = tf.random.randomUniform(tf.constant(new long[] {size, size}), TFloat32.class);
            Operand<TFloat32> c = tf.sum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
            s.runner().fetch(c).run().close();
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                s.runner().fetch(c).run().close();
            }
            double sec = (System.nanoTime() - t0) / 1e9 / reps;
            return 2.0 * size * size * (double) size / sec / 1e9;
        }
    }

    static double secondsPerBlock(int n, Precision precision, TrunkOptions options, int reps) {
        ParameterStore store = SyntheticWeights.stackSlice(SyntheticWeights.TRUNK_BLOCK, 1, 7);
        try (Graph g = new Graph(); Session s = new Session(g, RuntimeOptions.defaults().toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
            {
                Operand<TFloat32> out = buildBlock(tf, gp, precision.type(), options, n);
                gp.upload(s);
                run(s, gp, out);
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    run(s, gp, out);
                }
                return (System.nanoTime() - t0) / 1e9 / reps;
            }
        }
    }

    private static void run(Session s, GraphParameters gp, Operand<TFloat32> out) {
        try (Result r = s.runner().fetch(out).run()) {
            if (r.size() != 1) {
                throw new IllegalStateException("no output");
            }
        }
    }

    static <T extends TFloating> Operand<TFloat32> buildBlock(Ops tf, GraphParameters gp, Class<T> type,
            TrunkOptions options, int n) {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] pair = new float[n * n * CZ];
        float[] single = new float[n * CS];
        for (int i = 0; i < pair.length; i++) {
            pair[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < single.length; i++) {
            single[i] = (float) rnd.nextGaussian();
        }
        float[] seqMask = new float[n];
        java.util.Arrays.fill(seqMask, 1f);
        float[] pairMask = new float[n * n];
        java.util.Arrays.fill(pairMask, 1f);
        Layers<T> nn = Layers.root(tf, gp, type, options).child(SyntheticWeights.TRUNK_BLOCK).layer(0);
        var o = PairformerIteration.apply(nn, nn.cast(Tensors.floatConstant(tf, new int[] {n, n, CZ}, pair)),
                nn.cast(Tensors.floatConstant(tf, new int[] {n, n}, pairMask)),
                nn.cast(Tensors.floatConstant(tf, new int[] {n, CS}, single)),
                nn.cast(Tensors.floatConstant(tf, new int[] {n}, seqMask)));
        return tf.math.add(tf.sum(nn.f32(o.pair()), tf.constant(new int[] {0, 1, 2})),
                tf.sum(nn.f32(o.single()), tf.constant(new int[] {0, 1})));
    }

    /** In this JVM: resets the RSS high-water mark, runs the block once, returns the growth of the peak. */
    static long measurePeak(int n, boolean sharded, Precision precision) throws IOException {
        ParameterStore store = SyntheticWeights.stackSlice(SyntheticWeights.TRUNK_BLOCK, 1, 7);
        TrunkOptions options = sharded ? sharded() : TrunkOptions.unchunked();
        try (Graph g = new Graph(); Session s = new Session(g, RuntimeOptions.defaults().withThreads(2, 1)
                .toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
            {
                Operand<TFloat32> out = buildBlock(tf, gp, precision.type(), options, n);
                gp.upload(s);
                // Measured on the first run: after a warm-up, freed buffers would stay resident and hide the peak.
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
                long before = status("VmRSS");
                run(s, gp, out);
                return status("VmHWM") - before;
            }
        }
    }

    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static long peakInFreshJvm(int n, boolean sharded, Precision precision) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PairformerBenchmark.class.getName(), "--memory", String.valueOf(n), sharded ? "sharded" : "plain",
                precision.name()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long result = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("PEAK_DELTA_BYTES=")) {
                    result = Long.parseLong(line.substring("PEAK_DELTA_BYTES=".length()));
                }
            }
        }
        p.waitFor();
        return result;
    }
}
