package org.foldbatch.msa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool with a timeout, keeping the tails of stdout and stderr and measuring wall and CPU seconds.
 * CPU time comes from GNU {@code /usr/bin/time -o} when that binary exists, because the kernel's rusage of the reaped
 * child is exact and includes multi-threaded work; otherwise (no GNU time installed, or a {@code time} that is not GNU's)
 * it falls back to sampling the live process. GNU time is optional: it never makes a tool run fail.
 */
public final class ToolRunner {

    public static final Path DEFAULT_TIME_BINARY = Path.of("/usr/bin/time");

    /**
     * util-linux's {@code setpriv --pdeathsig KILL}: the kernel kills the tool when its parent dies, so a JVM killed
     * with SIGKILL (no shutdown hook runs) leaves no HMMER process behind. Put before GNU time and again before the
     * tool, since time forks the tool as its own child. Empty where setpriv is missing (the tools then outlive a
     * killed JVM, as before).
     */
    static final List<String> DIE_WITH_PARENT = Files.isExecutable(Path.of("/usr/bin/setpriv"))
            ? List.of("/usr/bin/setpriv", "--pdeathsig", "KILL") : List.of();
    private static final int DEFAULT_TAIL_BYTES = 64 * 1024;
    private static final long SAMPLE_MILLIS = 100;

    private final Path timeBinary;
    private final int tailBytes;

    public ToolRunner() {
        this(GnuTime.BINARY, DEFAULT_TAIL_BYTES);
    }

    /** {@link #DEFAULT_TIME_BINARY} when it is GNU time (takes {@code -f} and {@code -o}), else null; probed once. */
    private static final class GnuTime {
        static final Path BINARY = probe();

        private static Path probe() {
            if (!Files.isExecutable(DEFAULT_TIME_BINARY)) {
                return null;
            }
            try {
                Path out = Files.createTempFile("foldbatch-time-probe-", ".txt");
                try {
                    Process p = new ProcessBuilder(DEFAULT_TIME_BINARY.toString(), "-f", "%U", "-o", out.toString(),
                            "true").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    boolean gnu = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(out) > 0;
                    return gnu ? DEFAULT_TIME_BINARY : null;
                } finally {
                    Files.deleteIfExists(out);
                }
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** @param timeBinary GNU time, or null to sample CPU time from the live process instead */
    public ToolRunner(Path timeBinary, int tailBytes) {
        this.timeBinary = timeBinary;
        this.tailBytes = tailBytes;
    }

    /** True when CPU seconds come from GNU time rather than sampling. */
    public boolean measuresCpuExactly() {
        return timeBinary != null;
    }

    /** Runs {@code command}, labelled in errors by the binary's file name. */
    public ToolRun run(List<String> command, Path workDir, Duration timeout) {
        return run(Path.of(command.get(0)).getFileName().toString(), command, workDir, timeout);
    }

    /**
     * Runs {@code command} in {@code workDir}; throws {@link ToolException} labelled {@code label} (for example
     * {@code jackhmmer (uniref90.fasta)}) on a non-zero exit or when {@code timeout} passes, in which case the whole
     * process tree is killed.
     */
    public ToolRun run(String label, List<String> command, Path workDir, Duration timeout) {
        Path timeFile = null;
        try {
            List<String> fullCommand = new ArrayList<>(DIE_WITH_PARENT);
            if (timeBinary != null) {
                // in the tool's own directory (the process's scratch) when it has one, so a kill leaves it there
                timeFile = workDir == null ? Files.createTempFile("foldbatch-time-", ".txt")
                        : Files.createTempFile(workDir, "foldbatch-time-", ".txt");
                fullCommand.addAll(List.of(timeBinary.toString(), "-f", "%e %U %S", "-o", timeFile.toString()));
                fullCommand.addAll(DIE_WITH_PARENT);
            }
            fullCommand.addAll(command);
            return execute(label, fullCommand, workDir, timeout, timeFile);
        } catch (IOException e) {
            throw new UncheckedIOException(label + " could not be started: " + e.getMessage(), e);
        } finally {
            if (timeFile != null) {
                try {
                    Files.deleteIfExists(timeFile);
                } catch (IOException ignored) {
                    // A leftover three-number temp file is harmless.
                }
            }
        }
    }

    private ToolRun execute(String label, List<String> command, Path workDir, Duration timeout, Path timeFile)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process process = builder.start();
        TailReader stdout = TailReader.start(process.getInputStream(), tailBytes, label + "-stdout");
        TailReader stderr = TailReader.start(process.getErrorStream(), tailBytes, label + "-stderr");
        long deadline = start + timeout.toNanos();
        double sampledCpu = 0;
        boolean finished = false;
        try {
            while (!finished) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                finished = process.waitFor(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, SAMPLE_MILLIS),
                        TimeUnit.MILLISECONDS);
                if (!finished && timeFile == null) {
                    sampledCpu = Math.max(sampledCpu, liveCpuSeconds(process.toHandle()));
                }
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ToolException(label, -1, false, label + " was interrupted", "", "");
        }
        if (!finished) {
            killTree(process);
            double wall = (System.nanoTime() - start) / 1e9;
            throw ToolException.timedOut(label, wall, stdout.finish(), stderr.finish());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String out = stdout.finish();
        String err = stderr.finish();
        int exitCode = process.exitValue();
        double cpu = timeFile != null ? cpuFromTimeFile(timeFile) : sampledCpu;
        if (exitCode != 0) {
            throw ToolException.failed(label, exitCode, out, err);
        }
        return new ToolRun(exitCode, wall, cpu, out, err);
    }

    private static double liveCpuSeconds(ProcessHandle handle) {
        double total = handle.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        for (ProcessHandle child : handle.descendants().toList()) {
            total += child.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        }
        return total;
    }

    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last line of the GNU time output is "wall user system"; earlier lines may report the exit status. */
    private static double cpuFromTimeFile(Path timeFile) throws IOException {
        List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).strip().split("\\s+");
            if (parts.length == 3) {
                try {
                    return Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]);
                } catch (NumberFormatException ignored) {
                    // Not the format line; keep looking upwards.
                }
            }
        }
        return 0;
    }

    /** Drains a stream on its own thread so the child never blocks on a full pipe, keeping only the last bytes. */
    private static final class TailReader implements Runnable {
        private final InputStream in;
        private final int limit;
        private final byte[] ring;
        private long total;
        private final Thread thread;

        private TailReader(InputStream in, int limit, String name) {
            this.in = in;
            this.limit = limit;
            this.ring = new byte[limit];
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        static TailReader start(InputStream in, int limit, String name) {
            TailReader reader = new TailReader(in, limit, name);
            reader.thread.start();
            return reader;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total % limit)] = buffer[i];
                            total++;
                        }
                    }
                }
            } catch (IOException ignored) {
                // The stream closes when the process is killed; what was read so far is the tail.
            }
        }

        String finish() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long from = Math.max(0, total - limit);
                for (long i = from; i < total; i++) {
                    out.write(ring[(int) (i % limit)]);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
