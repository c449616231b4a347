package org.foldbatch.msa;

/**
 * The outcome of one external tool run. CPU seconds are the user + system time of the tool and its children as
 * reported by {@code /usr/bin/time} (rusage of the reaped child), or, when that is absent, the last sample of
 * {@link ProcessHandle.Info#totalCpuDuration()} taken while it ran (a lower bound).
 */
public record ToolRun(int exitCode, double wallSeconds, double cpuSeconds, String stdoutTail, String stderrTail) {
}
