package org.foldbatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/** What the tests that run real processes share: slowed HMMER, log reading, the RabbitMQ check. */
public final class TestProcesses {

    private static final List<String> HMMER = List.of("jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch");

    private TestProcesses() {
    }

    /** HMMER binaries that wait before running the real ones: a real process, only slower, so a kill lands mid-search. */
    public static Path slowHmmerWrappers(Path dir, String seconds) throws IOException {
        Files.createDirectories(dir);
        for (String tool : HMMER) {
            Path wrapper = dir.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nsleep " + seconds + "\nexec " + which(tool) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** A process log for assertion messages; empty when the process has not written one yet. */
    public static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Skips when RabbitMQ at 127.0.0.1:5672 is unreachable, except under CI=true, where that fails the test. */
    public static void requireRabbitMq() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but RabbitMQ at 127.0.0.1:5672 is unreachable", e);
            }
            Assumptions.abort("RabbitMQ at 127.0.0.1:5672 is unreachable: " + e.getMessage());
        }
    }

    private static String which(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool).toString();
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
