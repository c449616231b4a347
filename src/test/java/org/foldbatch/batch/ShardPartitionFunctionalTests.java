package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.foldbatch.IntegrationTest;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Golden test of shards as partitions: UniRef90 (3 shards) and Rfam (2 shards) searched in two shard-group partitions
 * per chain give the same {@code _data.json} bytes as the unsharded files with the same Z values.
 */
@IntegrationTest
class ShardPartitionFunctionalTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shardGroupPartitionsWriteTheUnshardedDataJson(String vendor) throws Exception {
        FoldInput input = new FoldInputLoader().load(Path.of("samples/inputs/response_regulator_u6.json")).get(0);
        Path samples = Path.of("samples/databases").toAbsolutePath();
        Path uniref = samples.resolve("uniref90__subsampled_1000.fasta");
        Path rfam = samples.resolve("rfam_14_4_clustered_rep_seq__subsampled_1000.fasta");
        Path shards = dir.resolve("shards");
        String unirefShards = shard(uniref, shards.resolve("uniref90.fasta"), 3);
        String rfamShards = shard(rfam, shards.resolve("rfam.fasta"), 2);

        String whole = dataJson(vendor, "whole", Map.of("foldbatch.databases.uniref90", uniref.toString(),
                "foldbatch.databases.rfam", rfam.toString()), input, null);
        List<String> partitions = new ArrayList<>();
        String partitioned = dataJson(vendor, "sharded", Map.of("foldbatch.databases.uniref90", unirefShards,
                "foldbatch.databases.rfam", rfamShards, "foldbatch.search.shard-groups", "2"), input, partitions);

        assertThat(partitioned).isEqualTo(whole);
        FoldInput written = new FoldInputLoader().load(dir.resolve("whole-out").resolve(input.sanitisedName())
                .resolve(input.sanitisedName() + "_data.json")).get(0);
        assertThat(written.proteinChains().get(0).unpairedMsa().split(">", -1)).as("hits besides the query")
                .hasSizeGreaterThan(3);
        assertThat(written.rnaChains().get(0).unpairedMsa().split(">", -1)).hasSizeGreaterThan(3);
        assertThat(partitions).as("one partition per chain and shard group").hasSize(4)
                .allMatch(name -> name.matches("geneSearchChain:(protein|rna)-[0-9a-f]{16}-shards-[12]of2"));
    }

    /** The run's {@code _data.json}; the gene-search partitions' names go to {@code partitions} when given. */
    private String dataJson(String vendor, String run, Map<String, String> databases, FoldInput input,
            List<String> partitions) throws IOException {
        Map<String, Object> properties = FoldbatchTestContext.properties(vendor, dir.resolve(run + "-data"));
        properties.putAll(databases);
        properties.put("foldbatch.z-values.uniref90", "1000");
        properties.put("foldbatch.z-values.rfam", "0.5");
        Path out = dir.resolve(run + "-out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            FoldJobLauncher.Outcome outcome = ctx.getBean(FoldJobLauncher.class).launch(
                    FoldJobFunctionalTests.stored(input), FoldJobFunctionalTests.params(input, out, run));
            assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            if (partitions != null) {
                outcome.execution().getStepExecutions().stream().map(StepExecution::getStepName)
                        .filter(n -> n.startsWith("geneSearchChain:")).forEach(partitions::add);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_shard_result", Integer.class))
                        .as("3 UniRef90 shards for the protein, 2 Rfam shards for the RNA").isEqualTo(5);
            }
        }
        try (var folders = Files.list(out)) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            return Files.readString(folder.resolve(folder.getFileName() + "_data.json"));
        }
    }

    /** Splits a FASTA file round-robin into {@code n} shards named as AlphaFold 3's {@code prefix@n}. */
    private static String shard(Path source, Path prefix, int n) throws IOException {
        Files.createDirectories(prefix.getParent());
        String[] records = Files.readString(source).split("(?=>)");
        for (int shard = 0; shard < n; shard++) {
            StringBuilder text = new StringBuilder();
            for (int i = shard; i < records.length; i += n) {
                text.append(records[i]);
            }
            Files.writeString(Path.of(String.format("%s-%05d-of-%05d", prefix, shard, n)), text);
        }
        return prefix + "@" + n;
    }
}
