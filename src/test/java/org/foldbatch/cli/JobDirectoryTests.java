package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AlphaFold 3's command line and output directory naming through {@code foldbatch run}: a new fold beside a non-empty
 * {@code <name>} goes to {@code <name>_<timestamp>} unless --force_output_dir; a fold that ran before keeps its own.
 */
@Tag("integration")
class JobDirectoryTests {

    @TempDir
    Path dir;

    private String run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--json_path=samples/inputs/5tgy.json",
                "--config", "samples/foldbatch-sample.properties", "--run_inference=false",
                "--output_dir", dir.resolve("out").toString(), "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        return execute(args);
    }

    private static String execute(List<String> args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args.toArray(String[]::new));
            assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<String> jobDirs() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newFoldsBesideANonEmptyDirectoryGetATimestampAndRunsBeforeKeepTheirs() throws Exception {
        assertThat(run()).contains("output in " + dir.resolve("out/5tgy"));
        assertThat(jobDirs()).containsExactly("5tgy");

        assertThat(run()).contains("already completed; output in " + dir.resolve("out/5tgy"));
        assertThat(jobDirs()).containsExactly("5tgy");

        // --force reruns the same fold, which keeps the folder it owns (issue 12); a different input of the same
        // name gets <name>_<timestamp> (OutputFolderFunctionalTests).
        assertThat(run("--force")).contains("output in " + dir.resolve("out/5tgy"));
        assertThat(jobDirs()).containsExactly("5tgy");

        run("--force", "--force_output_dir");
        assertThat(jobDirs()).containsExactly("5tgy");
    }

    /**
     * AlphaFold 3's spelling and Foldbatch's give the same _data.json for the sample (performance.md's stages); the
     * second is the same fold, so it needs --force to run again.
     */
    @Test
    void alphaFold3SpellingWritesTheSameDataJson() throws Exception {
        run();
        execute(List.of("run", "samples/inputs/5tgy.json", "--config", "samples/foldbatch-sample.properties",
                "--data-pipeline-only", "--force", "--output-dir", dir.resolve("ours").toString(), "--data-dir",
                dir.resolve("data").toString()));
        assertThat(dir.resolve("out/5tgy/5tgy_data.json")).hasSameTextualContentAs(
                dir.resolve("ours/5tgy/5tgy_data.json"));
    }
}
