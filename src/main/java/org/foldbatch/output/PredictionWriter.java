package org.foldbatch.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.luben.zstd.ZstdOutputStream;

/**
 * Writes a job's inference outputs in AF3's layout. Each call writes complete files atomically and can be repeated,
 * so a restarted step simply rewrites what it had not finished: samples one by one ({@link #writeSample}), then the
 * top-ranked copies and the ranking CSV ({@link #writeRanking}) from the scores the samples returned.
 */
public final class PredictionWriter {

    /** What the ranking needs to remember about a written sample. */
    public record SampleScore(long seed, int sample, double rankingScore) {
    }

    private final OutputLayout out;
    private final StructureLayout layout;
    private final ModelCif.Metadata metadata;

    public PredictionWriter(OutputLayout out, StructureLayout layout, ModelCif.Metadata metadata) {
        this.out = out;
        this.layout = layout;
        this.metadata = metadata;
    }

    /** Computes the sample's confidences and writes its model, full and summary confidence files. */
    public SampleScore writeSample(SampleResult sample) {
        return writeSample(sample, Confidences.summarize(layout, sample));
    }

    /** As {@link #writeSample(SampleResult)} with the sample's summary already computed by the caller. */
    public SampleScore writeSample(SampleResult sample, SummaryConfidences summary) {
        long seed = sample.seed();
        int k = sample.sample();
        writeMaybeCompressed(out.sampleModelCif(seed, k), ModelCif.write(layout, sample, metadata));
        writeMaybeCompressed(out.sampleConfidences(seed, k), ConfidencesJson.write(layout, sample));
        AtomicFiles.write(out.sampleSummaryConfidences(seed, k), SummaryConfidencesJson.write(summary));
        return new SampleScore(seed, k, summary.rankingScore());
    }

    /**
     * Copies the first sample with the strictly highest ranking score to the top-level files and writes the ranking
     * CSV, scores in the given order (seed by seed, samples in order). Returns the top sample's score.
     */
    public SampleScore writeRanking(List<SampleScore> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("Job " + out.name() + ": no samples to rank");
        }
        var top = scores.get(Confidences.topRanked(scores.stream().map(SampleScore::rankingScore).toList()));
        AtomicFiles.copy(out.sampleModelCif(top.seed(), top.sample()), out.topModelCif());
        AtomicFiles.copy(out.sampleConfidences(top.seed(), top.sample()), out.topConfidences());
        AtomicFiles.copy(out.sampleSummaryConfidences(top.seed(), top.sample()), out.topSummaryConfidences());
        var rows = new ArrayList<RankingScoresCsv.Row>();
        for (var s : scores) {
            rows.add(new RankingScoresCsv.Row(s.seed(), s.sample(), s.rankingScore()));
        }
        AtomicFiles.write(out.rankingScores(), RankingScoresCsv.write(rows));
        return top;
    }

    /** {@code single_embeddings [T][384]} and {@code pair_embeddings [T][T][128]}, float16. */
    public void writeEmbeddings(long seed, Npz.Float16Array single, Npz.Float16Array pair) {
        var arrays = new java.util.LinkedHashMap<String, Npz.Float16Array>();
        arrays.put("single_embeddings", single);
        arrays.put("pair_embeddings", pair);
        AtomicFiles.write(out.embeddings(seed), o -> Npz.write(o, arrays));
    }

    /** {@code distogram [T][T][64]} probabilities, float16. */
    public void writeDistogram(long seed, Npz.Float16Array distogram) {
        AtomicFiles.write(out.distogram(seed), o -> Npz.write(o, Map.of("distogram", distogram)));
    }

    private void writeMaybeCompressed(java.nio.file.Path path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!out.compress()) {
            AtomicFiles.write(path, bytes);
            return;
        }
        AtomicFiles.write(path, o -> {
            try (var zstd = new ZstdOutputStream(o)) {
                zstd.write(bytes);
            }
        });
    }
}
