package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class ToolRunnerTests {

    private static final String BUSY = "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; echo done";

    @Test
    void capturesOutputAndMeasuresCpuWithGnuTime(@TempDir Path dir) {
        ToolRunner runner = new ToolRunner();
        Assumptions.assumeTrue(runner.measuresCpuExactly(), "GNU time is optional and not installed here");
        ToolRun run = runner.run(List.of("/bin/sh", "-c", BUSY), dir, Duration.ofMinutes(1));
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdoutTail()).isEqualTo("done\n");
        assertThat(run.cpuSeconds()).isGreaterThan(0.05).isLessThanOrEqualTo(run.wallSeconds() * 2 + 0.05);
        assertThat(run.wallSeconds()).isGreaterThan(0.05);
    }

    @Test
    void samplesCpuWithoutGnuTime(@TempDir Path dir) {
        ToolRun run = new ToolRunner(null, 1024).run(List.of("/bin/sh", "-c", BUSY), dir, Duration.ofMinutes(1));
        assertThat(run.cpuSeconds()).isGreaterThan(0.05);
    }

    @Test
    void keepsOnlyTheTailOfLongOutput(@TempDir Path dir) {
        ToolRun run = new ToolRunner(null, 10).run(List.of("/bin/sh", "-c", "echo 0123456789abcdef"), dir,
                Duration.ofMinutes(1));
        assertThat(run.stdoutTail()).isEqualTo("789abcdef\n");
    }

    @Test
    void failureGivesOneLineMessageWithLastStderrLine(@TempDir Path dir) {
        ToolException e = catchThrowableOfType(ToolException.class, () -> new ToolRunner().run("mytool (db.fasta)",
                List.of("/bin/sh", "-c", "echo first >&2; echo 'Error: last words' >&2; echo >&2; exit 3"), dir,
                Duration.ofMinutes(1)));
        assertThat(e.getMessage()).isEqualTo("mytool (db.fasta) failed with exit code 3: Error: last words");
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.isTimeout()).isFalse();
        assertThat(e.stderrTail()).isEqualTo("first\nError: last words\n\n");
    }

    @Test
    void timeoutKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long start = System.nanoTime();
        ToolException e = catchThrowableOfType(ToolException.class, () -> new ToolRunner().run("sleeper (x)",
                List.of("/bin/sh", "-c", "sleep 60 & echo $! > " + pidFile + "; echo started >&2; wait"), dir,
                Duration.ofMillis(1500)));
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.exitCode()).isEqualTo(-1);
        assertThat(e.getMessage()).startsWith("sleeper (x) timed out after ").endsWith("s and was killed: started");
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(runningWithin(childPid, Duration.ofSeconds(5))).as("grandchild still running").isFalse();
    }

    /** False once the process is gone or a zombie (killed, waiting to be reaped by init). */
    private static boolean runningWithin(long pid, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return false;
            }
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            if (state == 'Z' || state == 'X') {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
