package org.foldbatch.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one HMMER command with a timeout; failures carry the command and the tail of its stderr. */
final class HmmerProcess {

    private static final int STDERR_TAIL = 2000;

    private HmmerProcess() {
    }

    static void run(List<String> command, Duration timeout, Path workDir) {
        var stdout = workDir.resolve(Path.of(command.get(0)).getFileName() + ".stdout");
        var stderr = workDir.resolve(Path.of(command.get(0)).getFileName() + ".stderr");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new TemplateSearchException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TemplateSearchException(String.join(" ", command) + " timed out after "
                        + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TemplateSearchException(command.get(0) + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new TemplateSearchException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + "; stderr: " + tail(stderr));
        }
    }

    private static String tail(Path file) {
        try {
            var text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.length() > STDERR_TAIL ? "..." + text.substring(text.length() - STDERR_TAIL) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
