package org.foldbatch.model.bench;

import java.lang.management.ManagementFactory;

/**
 * Best (smallest) wall time and process CPU time over warm repetitions. On a shared, overloaded machine the wall
 * time says how much of the machine the process got; the CPU time (all threads of the process, TensorFlow's
 * included) says what the work costs, so efficiency ratios are also given on CPU time.
 */
record BestOf(double wallSeconds, double cpuSeconds) {

    static BestOf run(int reps, Runnable body) {
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            body.run();
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (cpuNanos() - c0) / 1e9);
        }
        return new BestOf(wall, cpu);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
