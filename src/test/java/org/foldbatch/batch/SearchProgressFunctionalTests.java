package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestProcesses;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chain's gene and template search with slowed HMMER: while they run, fb_progress names the databases being
 * searched (or the template search's tool) and for how long, and its count of finished searches only rises, ending
 * at n of n.
 */
@IntegrationTest
class SearchProgressFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void searchesShowWhatRunsAndSearchesDone() throws Exception {
        FoldInput input = FoldInput.of("slow", List.of(1L),
                List.of(ProteinChain.of("A", FoldJobFunctionalTests.PROTEIN_5TGY)));
        var properties = FoldbatchTestContext.properties("h2", dir.resolve("data"));
        properties.put("foldbatch.search.hmmer-binary-dir",
                TestProcesses.slowHmmerWrappers(dir.resolve("hmmer"), "3").toString());
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            CompletableFuture<FoldJobLauncher.Outcome> run = CompletableFuture.supplyAsync(() -> ctx.getBean(
                    FoldJobLauncher.class).launch(FoldJobFunctionalTests.stored(input),
                    FoldJobFunctionalTests.params(input, dir.resolve("out"), null)));
            List<String> seen = new ArrayList<>();
            List<Integer> done = new ArrayList<>();
            List<String> templates = new ArrayList<>();
            List<Integer> templatesDone = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300)).until(() -> {
                for (Map<String, Object> row : jdbc.queryForList("SELECT done, detail FROM fb_progress "
                        + "WHERE phase = 'search'")) {
                    seen.add((String) row.get("detail"));
                    done.add(((Number) row.get("done")).intValue());
                }
                for (Map<String, Object> row : jdbc.queryForList("SELECT done, detail FROM fb_progress "
                        + "WHERE phase = 'templates'")) {
                    templates.add((String) row.get("detail"));
                    templatesDone.add(((Number) row.get("done")).intValue());
                }
                return run.isDone();
            });
            assertThat(run.get().execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(seen).anySatisfy(line -> assertThat(line).matches(
                    "slow chain protein-[0-9a-f]{16}: searches \\d of 4 done; running: [a-z0-9_-]+ for \\d+ s.*"));
            for (int i = 1; i < done.size(); i++) {
                assertThat(done.get(i)).as("%s", seen).isGreaterThanOrEqualTo(done.get(i - 1));
            }
            assertThat(jdbc.queryForObject("SELECT detail FROM fb_progress WHERE phase = 'search'", String.class))
                    .endsWith(": searches 4 of 4 done");

            // hmmbuild and hmmsearch each sleep 3 s first, so the 1 s ticks see each running.
            String running = "slow chain protein-[0-9a-f]{16}: template searches 0 of 1 done; running: %s for \\d+ s";
            assertThat(templates).anySatisfy(line -> assertThat(line).matches(running.formatted("hmmbuild")));
            assertThat(templates).anySatisfy(line -> assertThat(line).matches(
                    running.formatted("hmmsearch pdb_seqres_2022_09_28__subsampled_1000\\.fasta")));
            assertThat(templatesDone).as("%s", templates).isSorted();
            assertThat(jdbc.queryForObject("SELECT detail FROM fb_progress WHERE phase = 'templates'", String.class))
                    .matches("slow chain protein-[0-9a-f]{16}: template searches 1 of 1 done");
        }
    }
}
