package org.foldbatch.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benches' view of this process's memory, from Linux's {@code /proc/self/status}. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** A memory field of {@code /proc/self/status} ({@code "VmHWM"}, {@code "VmRSS"}) in bytes, -1 if absent. */
    public static long bytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
