package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Command lines copied from AlphaFold 3's README and docs/performance.md give the same settings, inputs, stages and
 * output directory as Foldbatch's own spelling; AlphaFold 3 flags without a meaning here are refused.
 */
class AlphaFold3FlagsTests {

    private static final String INPUT = "samples/inputs/5tgy.json";

    private static RunCommand parse(String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static String[] run(String line) {
        return ("run " + line).trim().split("\\s+");
    }

    private static void assertSame(String af3, String foldbatch) {
        RunCommand a = parse(run(af3));
        RunCommand f = parse(run(foldbatch));
        assertThat(a.springProperties()).isEqualTo(f.springProperties());
        assertThat(a.stages()).isEqualTo(f.stages());
        assertThat(a.inputFiles()).isEqualTo(f.inputFiles());
        assertThat(a.outputDir()).isEqualTo(f.outputDir());
    }

    @Test
    void readmeCommandLine() {
        assertSame("--json_path=" + INPUT + " --model_dir=/root/models --output_dir=/root/af_output",
                INPUT + " --model-dir /root/models --output-dir /root/af_output");
    }

    @Test
    void spaceSeparatedValuesAndInputDirectory() {
        assertSame("--input_dir samples/inputs --output_dir out", "samples/inputs --output-dir out");
    }

    @Test
    void shardedDatabasesFromPerformanceDocs() {
        String af3 = """
                --small_bfd_database_path=bfd-first_non_consensus_sequences.fasta@64
                --small_bfd_z_value=65984053
                --mgnify_database_path=mgy_clusters_2022_05.fa@512
                --mgnify_z_value=623796864
                --uniprot_cluster_annot_database_path=uniprot_cluster_annot_2021_04.fasta@256
                --uniprot_cluster_annot_z_value=225619586
                --uniref90_database_path=uniref90_2022_05.fasta@128
                --uniref90_z_value=153742194
                --ntrna_database_path=nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq.fasta@256
                --ntrna_z_value=76752.808514
                --rfam_database_path=rfam_14_9_clust_seq_id_90_cov_80_rep_seq.fasta@16
                --rfam_z_value=138.115553
                --rna_central_database_path=rnacentral_active_seq_id_90_cov_80_linclust.fasta@64
                --rna_central_z_value=13271.415730
                --jackhmmer_n_cpu=2
                --jackhmmer_max_parallel_shards=16
                --nhmmer_n_cpu=2
                --nhmmer_max_parallel_shards=16
                """;
        String foldbatch = """
                --database small-bfd=bfd-first_non_consensus_sequences.fasta@64 --z-value small-bfd=65984053
                --database mgnify=mgy_clusters_2022_05.fa@512 --z-value mgnify=623796864
                --database uniprot=uniprot_cluster_annot_2021_04.fasta@256 --z-value uniprot=225619586
                --database uniref90=uniref90_2022_05.fasta@128 --z-value uniref90=153742194
                --database nt-rna=nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq.fasta@256
                --z-value nt-rna=76752.808514
                --database rfam=rfam_14_9_clust_seq_id_90_cov_80_rep_seq.fasta@16 --z-value rfam=138.115553
                --database rna-central=rnacentral_active_seq_id_90_cov_80_linclust.fasta@64
                --z-value rna-central=13271.415730
                --jackhmmer-n-cpu 2 --max-parallel-shards 16 --nhmmer-n-cpu 2
                """;
        assertSame(INPUT + " " + af3, INPUT + " " + foldbatch);
    }

    @Test
    void stagesFromReadmeAndPerformanceDocs() {
        assertSame(INPUT + " --run_inference=false", INPUT + " --data-pipeline-only");
        assertSame(INPUT + " --norun_inference", INPUT + " --data-pipeline-only");
        assertSame(INPUT + " --run_data_pipeline=false", INPUT + " --no-data-pipeline");
        assertSame(INPUT + " --norun_data_pipeline", INPUT + " --no-data-pipeline");
        assertSame(INPUT + " --run_data_pipeline --run_inference=true", INPUT);
        assertThat(parse(run(INPUT + " --run_inference=false")).stages()).isEqualTo(Stages.DATA_PIPELINE);
    }

    @Test
    void inferenceFlagsInEveryAbslForm() {
        assertSame(INPUT + " --num_recycles=3 --num_diffusion_samples 2 --save_embeddings --save_distogram=true",
                INPUT + " --num-recycles 3 --num-diffusion-samples 2 --save-embeddings --save-distogram");
        Map<String, Object> off = parse(run(INPUT + " --nosave_embeddings --save_distogram=false")).springProperties();
        assertThat(off).containsEntry("foldbatch.inference.save-embeddings", "false")
                .containsEntry("foldbatch.inference.save-distogram", "false");
        assertSame(INPUT + " --buckets 256,512,768,1024,1280,1536,2048,2560,3072,3584,4096,4608,5120,5376",
                INPUT + " --buckets=256,512,768,1024,1280,1536,2048,2560,3072,3584,4096,4608,5120,5376");
    }

    @Test
    void searchSettingsAndDbDirPlaceholder() {
        Map<String, Object> p = parse(run(INPUT + " --db_dir=/dbs --db_dir /more"
                + " --uniref90_database_path=${DB_DIR}/uniref90_2022_05.fa --hmmsearch_n_cpu=3"
                + " --max_template_date=2020-01-01 --noresolve_msa_overlaps --jackhmmer_n_workers=2"
                + " --jackhmmer_binary_path=/opt/hmmer/bin/jackhmmer --nhmmer_binary_path=/opt/hmmer/bin/nhmmer"))
                .springProperties();
        assertThat(p).containsEntry("foldbatch.db-dirs", "/dbs,/more")
                .containsEntry("foldbatch.databases.uniref90", "uniref90_2022_05.fa")
                .containsEntry("foldbatch.template.hmmsearch-cpus", "3")
                .containsEntry("foldbatch.template.max-template-date", "2020-01-01")
                .containsEntry("foldbatch.featurisation.ref-max-modified-date", "2020-01-01")
                .containsEntry("foldbatch.featurisation.resolve-msa-overlaps", "false")
                .containsEntry("foldbatch.search.max-parallel-searches", "2")
                .containsEntry("foldbatch.search.hmmer-binary-dir", "/opt/hmmer/bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"triton", "cudnn", "xla"})
    void flashAttentionIsAcceptedWithEveryValue(String value) {
        assertSame(INPUT + " --flash_attention_implementation=" + value + " --gpu_device=0 --jax_backend=cpu", INPUT);
    }

    @Test
    void compilationCacheNeedsTheLauncherAndTurnsXlaOn() {
        AlphaFold3Flags flags = parse(run(INPUT + " --jax_compilation_cache_dir /tmp/xla")).af3;
        assertThat(flags.refusals("linux-x86_64", Map.of())).singleElement().asString()
                .startsWith("--jax_compilation_cache_dir: ").contains("TF_XLA_FLAGS=--tf_xla_persistent_cache_directory=/tmp/xla");
        assertThat(flags.refusals("linux-x86_64",
                Map.of("TF_XLA_FLAGS", "--tf_xla_persistent_cache_directory=/tmp/xla --other"))).isEmpty();
        assertThat(flags.springProperties()).containsEntry("foldbatch.inference.xla-jit", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--conformer_max_iterations=100", "--fix_standalone_glycans", "--save_terms_of_use",
            "--compress_large_output_files=true", "--jax_backend=mps", "--gpu_device=1",
            "--jackhmmer_max_parallel_shards=4 --nhmmer_max_parallel_shards=8",
            "--jackhmmer_n_workers=4 --nhmmer_n_workers=3",
            "--jackhmmer_binary_path=/a/jackhmmer --nhmmer_binary_path=/b/nhmmer",
            "--jackhmmer_binary_path=/a/jackhmmer-3.4"})
    void flagsWithoutMeaningHereAreRefusedInOneLine(String flags) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.execute(run(INPUT + " " + flags));
        } finally {
            System.setErr(err);
        }
        String first = captured.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertThat(exit).isEqualTo(2);
        assertThat(first).as(first).matches("--[a-z0-9_]+.*: .+");
        assertThat(flags).contains(first.substring(0, first.indexOf('=') > 0 ? first.indexOf('=') : first.indexOf(':')));
    }

    @Test
    void defaultsOfRefusedFlagsAreAccepted() {
        assertSame(INPUT + " --nofix_standalone_glycans --nosave_terms_of_use --compress_large_output_files=false",
                INPUT);
    }

    @Test
    void numSeedsExpandsTheSingleSeedAsAlphaFold3() {
        RunCommand cmd = parse(run(INPUT + " --num_seeds=3"));
        FoldInput input = new FoldInputLoader().load(Path.of(INPUT)).get(0);
        assertThat(cmd.withSeeds(input, Path.of(INPUT)).modelSeeds()).containsExactly(1234L, 1235L, 1236L);
        assertThatThrownBy(() -> cmd.withSeeds(input.withModelSeeds(List.of(1L, 2L)), Path.of(INPUT)))
                .isInstanceOf(FoldbatchException.class)
                .hasMessageEndingWith("Input must have one rng seed to set multiple seeds.");
        RunCommand one = parse(run(INPUT + " --num_seeds 1"));
        assertThatThrownBy(() -> one.withSeeds(input, Path.of(INPUT)))
                .hasMessageEndingWith("Number of seeds must be greater than 1.");
    }

    @Test
    void bothInputFlagsOrBothStagesOffAreUsageErrors() {
        assertThatThrownBy(() -> parse(run("--json_path=a.json --input_dir=d")).inputFiles())
                .hasMessage("Exactly one of --json_path or --input_dir must be specified.");
        assertThatThrownBy(() -> parse(run(INPUT + " --norun_inference --norun_data_pipeline")).stages())
                .hasMessage("At least one of --run_inference or --run_data_pipeline must be set to true.");
    }
}
