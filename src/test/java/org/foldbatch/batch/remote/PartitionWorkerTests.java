package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.input.ProteinChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A worker runs only partitions that are waiting: stale or redelivered requests are dropped. */
@IntegrationTest
class PartitionWorkerTests {

    @TempDir
    Path dir;

    @Test
    void requestsForFinishedPartitionsAndMalformedRequestsAreDropped() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(TestDatabases.h2(dir.resolve("data")));
        properties.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(FoldbatchApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args)) {
            FoldInput input = FoldInput.of("short", List.of(1L), List.of(ProteinChain.of("A", "MKVLAAGIVGLLLAAG")));
            FoldJobLauncher.Outcome done = ctx.getBean(FoldJobLauncher.class).launch(
                    new StoredInput(input.contentHash(), "short", "test", FoldInputWriter.toJson(input)),
                    new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.DATA_PIPELINE,
                            dir.resolve("out"), null));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long partition = jdbc.queryForObject("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME LIKE 'geneSearchChain:%'", Long.class);
            List<Long> handled = new ArrayList<>();
            StepExecutionRequestHandler recording = new StepExecutionRequestHandler() {
                @Override
                public StepExecution handle(StepExecutionRequest request) {
                    handled.add(request.getStepExecutionId());
                    return null;
                }
            };
            RemoteProperties remote = new RemoteProperties(true, "q", null, Duration.ofMillis(100),
                    Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(5), 1, "all", 0, false);
            try (PartitionWorker worker = new PartitionWorker(recording, ctx.getBean(JobRepository.class),
                    new JdbcPartitionWorkers(jdbc), new JdbcFleet(jdbc), remote)) {

                worker.onMessage(MessageBuilder.withBody(("geneSearchChain " + partition)
                        .getBytes(StandardCharsets.UTF_8)).build());
                worker.onMessage(MessageBuilder.withBody("geneSearchChain".getBytes(StandardCharsets.UTF_8)).build());
                worker.onMessage(MessageBuilder.withBody("geneSearchChain 99999".getBytes(StandardCharsets.UTF_8))
                        .build());
            }

            assertThat(done.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(handled).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_partition_worker", Integer.class)).isZero();
        }
    }
}
