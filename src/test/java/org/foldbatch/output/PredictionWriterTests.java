package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionWriterTests {

    private static final ModelCif.Metadata META = ModelCif.Metadata.of("0.1.0", "2026-01-01 00:00:00");

    /** Sample whose TM-adjusted PAE is a constant, so its pTM and ipTM (just under) equal that constant. */
    private static SampleResult sample(StructureLayout layout, long seed, int k, float tm) {
        var base = ModelCifTests.sample(layout);
        int t = layout.numTokens();
        return new SampleResult(seed, k, base.atomPositions(), base.atomPlddt(), base.pae(),
                TestLayouts.constant(t, tm), TestLayouts.constant(t, tm), base.contactProbs());
    }

    @Test
    void writesAf3LayoutAndCopiesTheTopRankedSample(@TempDir Path dir) throws Exception {
        var layout = ModelCifTests.proteinAndLigand();
        var out = OutputLayout.of(dir, "prot_lig");
        var writer = new PredictionWriter(out, layout, META);
        var scores = new ArrayList<PredictionWriter.SampleScore>();
        float[][] tms = {{0.5f, 0.8f}, {0.8f, 0.3f}};
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < 2; k++) {
                scores.add(writer.writeSample(sample(layout, 10 + s, k, tms[s][k])));
            }
        }
        var top = writer.writeRanking(scores);
        assertThat(top.seed()).isEqualTo(10);                 // seed 10 sample 1 ties seed 11 sample 0: first wins
        assertThat(top.sample()).isEqualTo(1);

        Path job = dir.resolve("prot_lig");
        assertThat(job.resolve("seed-10_sample-1/prot_lig_seed-10_sample-1_model.cif")).isRegularFile();
        assertThat(job.resolve("seed-11_sample-0/prot_lig_seed-11_sample-0_confidences.json")).isRegularFile();
        assertThat(job.resolve("seed-11_sample-1/prot_lig_seed-11_sample-1_summary_confidences.json")).isRegularFile();
        assertThat(Files.readAllBytes(job.resolve("prot_lig_model.cif")))
                .isEqualTo(Files.readAllBytes(out.sampleModelCif(10, 1)));
        assertThat(Files.readAllBytes(job.resolve("prot_lig_confidences.json")))
                .isEqualTo(Files.readAllBytes(out.sampleConfidences(10, 1)));
        assertThat(Files.readAllBytes(job.resolve("prot_lig_summary_confidences.json")))
                .isEqualTo(Files.readAllBytes(out.sampleSummaryConfidences(10, 1)));
        var csv = Files.readString(job.resolve("prot_lig_ranking_scores.csv")).split("\r\n");
        assertThat(csv).hasSize(5);
        assertThat(csv[0]).isEqualTo("seed,sample,ranking_score");
        // Every residue of the stretched-out protein is exposed: fraction disordered 1 adds 0.5 to each score.
        assertThat(csv[1]).startsWith("10,0,");
        assertThat(Double.parseDouble(csv[1].substring(5))).isCloseTo(0.5 + 0.5, within(1e-6));
        assertThat(csv[3]).startsWith("11,0,");
        assertThat(Double.parseDouble(csv[3].substring(5))).isCloseTo(0.8 + 0.5, within(1e-6));
        assertThat(Files.readString(job.resolve("prot_lig_summary_confidences.json"))).contains(" \"ptm\": 0.8,");
        assertThat(job.resolve("TERMS_OF_USE.md")).doesNotExist();
        try (Stream<Path> files = Files.walk(job)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void everyFileOfAJobLivesUnderItsNamedDirectory(@TempDir Path dir) {
        var job = OutputLayout.of(dir, "job");
        assertThat(job.jobDir()).isEqualTo(dir.resolve("job"));
        assertThat(job.dataJson()).isEqualTo(dir.resolve("job/job_data.json"));
        assertThat(job.features(7)).isEqualTo(dir.resolve("job/seed-7_features/job_seed-7_features.bin"));
        assertThat(job.embeddings(7)).isEqualTo(dir.resolve("job/seed-7_embeddings/job_seed-7_embeddings.npz"));
        assertThat(job.distogram(7)).isEqualTo(dir.resolve("job/seed-7_distogram/job_seed-7_distogram.npz"));
    }

    @Test
    void compressionZstdsModelAndFullConfidencesOnly(@TempDir Path dir) throws Exception {
        var layout = ModelCifTests.proteinAndLigand();
        var plain = new OutputLayout(dir.resolve("plain"), "prot_lig", false);
        var packed = new OutputLayout(dir.resolve("packed"), "prot_lig", true);
        var sample = sample(layout, 1, 0, 0.7f);
        new PredictionWriter(plain, layout, META).writeSample(sample);
        var score = new PredictionWriter(packed, layout, META).writeSample(sample);
        new PredictionWriter(packed, layout, META).writeRanking(List.of(score));
        assertThat(packed.sampleModelCif(1, 0).toString()).endsWith("_model.cif.zst");
        assertThat(unzstd(Files.readAllBytes(packed.sampleModelCif(1, 0))))
                .isEqualTo(Files.readAllBytes(plain.sampleModelCif(1, 0)));
        assertThat(unzstd(Files.readAllBytes(packed.topConfidences())))
                .isEqualTo(Files.readAllBytes(plain.sampleConfidences(1, 0)));
        assertThat(packed.topSummaryConfidences().toString()).endsWith("_summary_confidences.json");
    }

    @Test
    void embeddingsAndDistogramAreNpzFiles(@TempDir Path dir) throws Exception {
        var layout = ModelCifTests.proteinAndLigand();
        var out = new OutputLayout(dir, "prot_lig", false);
        var writer = new PredictionWriter(out, layout, META);
        writer.writeDistogram(3, new Npz.Float16Array(new int[] {1, 1, 2}, new float[] {0.25f, 0.75f}));
        writer.writeEmbeddings(3, new Npz.Float16Array(new int[] {1, 2}, new float[] {1, 2}),
                new Npz.Float16Array(new int[] {1, 1, 1}, new float[] {3}));
        assertThat(out.distogram(3)).isRegularFile();
        try (var zip = new java.util.zip.ZipFile(out.embeddings(3).toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactly("single_embeddings.npy", "pair_embeddings.npy");
        }
    }

    @Test
    void rankingWithoutSamplesIsAnError(@TempDir Path dir) {
        var writer = new PredictionWriter(new OutputLayout(dir, "x", false), ModelCifTests.proteinAndLigand(), META);
        assertThatThrownBy(() -> writer.writeRanking(List.of())).hasMessage("Job x: no samples to rank");
    }

    private static byte[] unzstd(byte[] bytes) throws Exception {
        try (var in = new ZstdInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
