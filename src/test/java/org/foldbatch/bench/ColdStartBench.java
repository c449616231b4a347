package org.foldbatch.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.structure.ccd.Ccd;

/**
 * The first featurisation in a fresh process, split into its parts: JVM start to {@code main}, reading the CCD,
 * reading the {@code _data.json}, the first featurisation (which pays class loading, JIT warm-up and every lazy
 * initialisation) and a second featurisation of the same input with another seed (the steady state). Input: the
 * {@link EndToEndBench} lysozyme (128 residues, 64 MSA rows). Run it in a fresh JVM each time; for a profile add
 * {@code -XX:StartFlightRecording=filename=cold.jfr,settings=profile} and read the execution samples with
 * {@code jfr print --events jdk.ExecutionSample cold.jfr}.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.foldbatch.bench.ColdStartBench
 * </pre>
 */
public final class ColdStartBench {
    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        double jvm = (main - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        Path dir = Files.createTempDirectory("foldbatch-cold");
        Path dataJson = dir.resolve("lysozyme_data.json");
        Files.writeString(dataJson, EndToEndBench.dataJson());
        long t0 = System.nanoTime();
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        long t1 = System.nanoTime();
        FoldInput input = new FoldInputLoader().load(dataJson).get(0);
        long t2 = System.nanoTime();
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(ccd));
        featuriser.featurise(input, 1);
        long t3 = System.nanoTime();
        featuriser.featurise(input, 2);
        long t4 = System.nanoTime();
        System.out.printf("%-44s %7.2f s%n", "JVM start to main", jvm);
        System.out.printf("%-44s %7.2f s%n", "read CCD (components-subset.cif)", (t1 - t0) / 1e9);
        System.out.printf("%-44s %7.2f s%n", "read _data.json (128 residues, 64 MSA rows)", (t2 - t1) / 1e9);
        System.out.printf("%-44s %7.2f s%n", "first featurisation (seed 1)", (t3 - t2) / 1e9);
        System.out.printf("%-44s %7.2f s%n", "second featurisation (seed 2, warm)", (t4 - t3) / 1e9);
        System.out.printf("%-44s %7.2f s%n", "first featurisation in a fresh process", jvm + (t3 - t0) / 1e9);
        System.out.printf("process CPU time so far (all threads): %.2f s%n",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9);
    }
}
