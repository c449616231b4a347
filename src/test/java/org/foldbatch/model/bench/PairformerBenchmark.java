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
 * N = 128 and 256: seconds per block (warm, best of several), achieved GFLOP/s beside a 4096² f32 matmul in the same
 * JVM (warm, best of 5), and peak memory (resident-set high-water mark of a fresh JVM per setting) with and without
 * sharding/chunking. {@code --bf16} adds a bf16 matmul reference and a bf16-policy row per N with its speed-up over
 * the f32 row; the CPU's bf16 units (avx512_bf16, amx_bf16) are named from /proc/cpuinfo.
 *
 * <p>Run: {@code mvn -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.foldbatch.model.bench.PairformerBenchmark [N...] [--bf16] [--xla] [--inter-op K] [--reps 3] [--no-memory]}
 * (cp.txt from {@code mvn dependency:build-classpath}); {@code --memory-table [--bf16] N...} prints peak memory and
 * seconds per block with AlphaFold 3's chunking, one fresh JVM per N.
 */
public final class PairformerBenchmark {
    static final int CZ = 128;
    static final int CS = 384;
    static final int PAIR_HEADS = 4;
    static final int SINGLE_HEADS = 16;

    /** The block's session settings; {@code --xla} turns TensorFlow's XLA JIT on for the blocks, not the matmul. */
    private static RuntimeOptions blockRuntime = RuntimeOptions.defaults();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--memory")) {
            Chunking chunking = Chunking.valueOf(args[2].toUpperCase());
            System.out.println("PEAK_DELTA_BYTES=" + measurePeak(Integer.parseInt(args[1]), chunking.options(),
                    Precision.valueOf(args[3])));
            return;
        }
        if (args.length > 0 && args[0].equals("--memory-table")) {
            memoryTable(args);
            return;
        }
        List<String> options = List.of(args);
        boolean bf16 = options.contains("--bf16");
        boolean memory = !options.contains("--no-memory");
        blockRuntime = RuntimeOptions.defaults().withXlaJit(options.contains("--xla"));
        if (options.contains("--inter-op")) {
            int interOp = Integer.parseInt(options.get(options.indexOf("--inter-op") + 1));
            blockRuntime = blockRuntime.withThreads(0, interOp);
        }
        int reps = options.contains("--reps") ? Integer.parseInt(options.get(options.indexOf("--reps") + 1)) : 3;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps") || args[i].equals("--inter-op")) {
                i++;
            } else if (!args[i].startsWith("--")) {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(128, 256);
        }
        String units = bf16Units();
        Rate matmul = matmulGflops(4096, Precision.FLOAT32, 5);
        System.out.printf("4096x4096 matmul, warm, best of 5: f32 %.1f GFLOP/s (%.1f per CPU-second)", matmul.wall(),
                matmul.cpu());
        if (bf16) {
            Rate half = matmulGflops(4096, Precision.BFLOAT16, 5);
            System.out.printf(", bf16 %.1f GFLOP/s (%.1f per CPU-second; %.2fx f32)", half.wall(), half.cpu(),
                    half.cpu() / matmul.cpu());
        }
        System.out.printf("%n%d cores, CPU bf16 units: %s; block times: warm, best of %d; %%matmul against the f32 "
                + "matmul, on wall time and on CPU time; bf16 speed-up on CPU time%s%n",
                Runtime.getRuntime().availableProcessors(), units.isEmpty() ? "none" : units, reps,
                (blockRuntime.xlaJit() ? "; blocks compiled by XLA (JIT on)" : "")
                        + (blockRuntime.interOpThreads() > 0 ? "; blocks run " + blockRuntime.interOpThreads()
                        + " op(s) at a time" : ""));
        System.out.println("precision  N     s/block   cpu-s/block  GFLOP/block  GFLOP/s  %matmul  %matmul(cpu)  "
                + "bf16 speed-up  peak(unchunked)  peak(sharded 32 rows)");
        for (int n : sizes) {
            double gflop = blockFlops(n) / 1e9;
            double f32 = 0;
            for (Precision precision : bf16 ? List.of(Precision.FLOAT32, Precision.BFLOAT16)
                    : List.of(Precision.FLOAT32)) {
                BestOf t = secondsPerBlock(n, precision, TrunkOptions.unchunked(), reps);
                String speedUp = "";
                if (precision == Precision.FLOAT32) {
                    f32 = t.cpuSeconds();
                } else {
                    speedUp = String.format("%.2fx", f32 / t.cpuSeconds());
                }
                System.out.printf("%-10s %-5d %-9.3f %-12.3f %-12.1f %-8.1f %-8.0f %-13.0f %-14s %-16s %s%n",
                        precision, n, t.wallSeconds(), t.cpuSeconds(), gflop, gflop / t.wallSeconds(),
                        100 * gflop / t.wallSeconds() / matmul.wall(), 100 * gflop / t.cpuSeconds() / matmul.cpu(),
                        speedUp, memory ? mib(peakInFreshJvm(n, Chunking.PLAIN, precision).delta()) : "-",
                        memory ? mib(peakInFreshJvm(n, Chunking.SHARDED, precision).delta()) : "-");
            }
        }
    }

    /** The CPU flags of bf16 arithmetic units ({@code avx512_bf16}, {@code amx_bf16}) in /proc/cpuinfo. */
    static String bf16Units() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            return java.util.stream.Stream.of("avx512_bf16", "amx_bf16").filter(f -> info.matches("(?s).*\\b" + f
                    + "\\b.*")).collect(java.util.stream.Collectors.joining(" "));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
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

    /**
     * A {@code size}² matmul in {@code precision}: inputs made once and fed (making random inputs inside the timed
     * graph, as before, made the reference read low), one warm-up run, then the best of {@code reps}.
     */
    /** GFLOP per wall second and per CPU second (all threads). */
    record Rate(double wall, double cpu) {
    }

    static Rate matmulGflops(int size, Precision precision, int reps) {
        return matmulGflops(size, precision.type(), reps);
    }

    private static <T extends TFloating> Rate matmulGflops(int size, Class<T> type, int reps) {
        try (Graph g = new Graph(); Session s = new Session(g, RuntimeOptions.defaults().toConfigProto())) {
            Ops tf = Ops.create(g);
            Operand<T> a = tf.dtypes.cast(tf.random.randomUniform(tf.constant(new long[] {size, size}),
                    TFloat32.class), type);
            Operand<T> b = tf.dtypes.cast(tf.random.randomUniform(tf.constant(new long[] {size, size}),
                    TFloat32.class), type);
            Operand<TFloat32> c = tf.sum(tf.dtypes.cast(tf.linalg.matMul(a, b), TFloat32.class),
                    tf.constant(new int[] {0, 1}));
            try (Result inputs = s.runner().fetch(a).fetch(b).run()) {
                Runnable once = () -> s.runner().feed(a, inputs.get(0)).feed(b, inputs.get(1)).fetch(c).run().close();
                once.run();
                BestOf best = BestOf.run(reps, once);
                double gflop = 2.0 * size * size * (double) size / 1e9;
                return new Rate(gflop / best.wallSeconds(), gflop / best.cpuSeconds());
            }
        }
    }

    static BestOf secondsPerBlock(int n, Precision precision, TrunkOptions options, int reps) {
        ParameterStore store = SyntheticWeights.stackSlice(SyntheticWeights.TRUNK_BLOCK, 1, 7);
        try (Graph g = new Graph(); Session s = new Session(g, blockRuntime.toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
            {
                Operand<TFloat32> out = buildBlock(tf, gp, precision.type(), options, n);
                gp.upload(s);
                run(s, gp, out);
                return BestOf.run(reps, () -> run(s, gp, out));
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
    /** How the block's pair transition and triangle attention are split into row chunks. */
    enum Chunking {
        PLAIN, SHARDED, AF3;

        TrunkOptions options() {
            return switch (this) {
                case PLAIN -> TrunkOptions.unchunked();
                case SHARDED -> sharded();
                case AF3 -> TrunkOptions.alphaFoldDefaults();
            };
        }
    }

    /**
     * {@code --memory-table [--bf16] N...}: per N, in a fresh JVM each, with AlphaFold 3's chunking: the process's
     * peak resident memory, its growth while running the block once, and the seconds of a second (warm) run.
     */
    private static void memoryTable(String[] args) throws Exception {
        Precision precision = List.of(args).contains("--bf16") ? Precision.BFLOAT16 : Precision.FLOAT32;
        System.out.println("precision " + precision + ", AlphaFold 3's chunking (pair attention 128 rows up to 1536 "
                + "tokens, transition unsharded up to 2048), one fresh JVM per N");
        System.out.println("N     peak RSS (VmHWM)  growth in block  s/block (2nd run)");
        for (String a : args) {
            if (a.startsWith("--")) {
                continue;
            }
            int n = Integer.parseInt(a);
            Peak p = peakInFreshJvm(n, Chunking.AF3, precision);
            System.out.printf("%-5d %-17s %-16s %.2f%n", n, mib(p.hwm()), mib(p.delta()), p.warmSeconds());
        }
    }

    static long measurePeak(int n, TrunkOptions options, Precision precision) throws IOException {
        ParameterStore store = SyntheticWeights.stackSlice(SyntheticWeights.TRUNK_BLOCK, 1, 7);
        try (Graph g = new Graph(); Session s = new Session(g, RuntimeOptions.defaults().withThreads(2, 1)
                .toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
            {
                Operand<TFloat32> out = buildBlock(tf, gp, precision.type(), options, n);
                gp.upload(s);
                // Measured on the first run: after a warm-up, freed buffers would stay resident and hide the peak.
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
                long before = ProcessMemory.bytes("VmRSS");
                run(s, gp, out);
                long delta = ProcessMemory.bytes("VmHWM") - before;
                System.out.println("VMHWM_BYTES=" + ProcessMemory.bytes("VmHWM"));
                long t0 = System.nanoTime();
                run(s, gp, out);
                System.out.println("WARM_SECONDS=" + (System.nanoTime() - t0) / 1e9);
                return delta;
            }
        }
    }


    /** Growth of the peak while running the block once, the process's peak, and a second run's seconds. */
    record Peak(long delta, long hwm, double warmSeconds) {
    }

    private static Peak peakInFreshJvm(int n, Chunking chunking, Precision precision) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PairformerBenchmark.class.getName(), "--memory", String.valueOf(n), chunking.name(),
                precision.name()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long delta = -1;
        long hwm = -1;
        double warm = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String value = line.substring(line.indexOf('=') + 1);
                if (line.startsWith("PEAK_DELTA_BYTES=")) {
                    delta = Long.parseLong(value);
                } else if (line.startsWith("VMHWM_BYTES=")) {
                    hwm = Long.parseLong(value);
                } else if (line.startsWith("WARM_SECONDS=")) {
                    warm = Double.parseDouble(value);
                }
            }
        }
        p.waitFor();
        return new Peak(delta, hwm, warm);
    }
}
