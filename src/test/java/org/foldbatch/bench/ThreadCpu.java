package org.foldbatch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's threads, from /proc/self/task (Linux). TensorFlow's kernels run on its own native
 * thread pools, whose threads keep the process name ({@code java}, as the launcher's and the main Java thread do;
 * the JVM names all its other threads); their CPU time against the whole process's is the share in TensorFlow
 * kernels. Kernels TensorFlow runs inline on the calling thread count as Java time, so the share is a lower bound.
 * Threads that ended between two snapshots are missed (TensorFlow's pools live as long as the process).
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux x86-64

    private ThreadCpu() {
    }

    /** Seconds of user + system time per thread id, with the thread's name. */
    static Map<String, Double> snapshot() throws IOException {
        Map<String, Double> byThread = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields after the name start at field 3 (state); utime and stime are fields 14 and 15
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    byThread.put(task.getFileName() + " " + name, seconds);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        }
        return byThread;
    }

    /** CPU seconds between two snapshots, taken on the calling thread: [TensorFlow threads, all threads]. */
    static double[] tensorFlowShare(Map<String, Double> before, Map<String, Double> after) throws IOException {
        double tf = 0;
        double all = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            all += d;
            String key = e.getKey();
            if (isTensorFlow(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1))) {
                tf += d;
            }
        }
        return new double[] {tf, all};
    }

    private static boolean isTensorFlow(String threadId, String threadName) throws IOException {
        return threadName.equals("java") && !threadId.equals(callerId())
                && !threadId.equals(String.valueOf(ProcessHandle.current().pid()));
    }

    /** The id of the calling thread (the bench's main thread). */
    private static String callerId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }
}
