package org.foldbatch.batch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcSampleResults.SampleRow;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.input.FoldInput;
import org.foldbatch.model.FoldModel;
import org.foldbatch.model.ModelOutput;
import org.foldbatch.model.NetworkInputs;
import org.foldbatch.model.NoiseSource;
import org.foldbatch.output.Confidences;
import org.foldbatch.output.DenseToFlat;
import org.foldbatch.output.ModelCif;
import org.foldbatch.output.Npz;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.output.OutputStructures;
import org.foldbatch.output.PredictionWriter;
import org.foldbatch.output.SampleResult;
import org.foldbatch.output.StructureLayout;
import org.foldbatch.output.SummaryConfidences;
import org.foldbatch.structure.ccd.Ccd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inference of one seed: network, confidences, and the seed's sample files in AlphaFold 3's layout. */
public final class SeedInference {

    private static final Logger log = LoggerFactory.getLogger(SeedInference.class);
    static final String SOFTWARE = "Foldbatch 0.1.0";

    private final InferenceResources inference;
    private final Ccd ccd;

    SeedInference(InferenceResources inference, Ccd ccd) {
        this.inference = inference;
        this.ccd = ccd;
    }

    List<SampleRow> run(String inputHash, FoldInput completed, Path jobDir, long seed) {
        String name = completed.sanitisedName();
        Path featuresFile = OutputFiles.features(jobDir, name, seed);
        FeatureBatch features = FeatureBatch.read(featuresFile);
        FoldModel model = inference.model();
        long start = System.nanoTime();
        ModelOutput out = model.predict(NetworkInputs.of(features, featuresFile.toString()), seed,
                NoiseSource.seeded(), inference.sampling(model));
        log.info("{} seed {}: network ran in {} s{}", name, seed,
                String.format("%.1f", (System.nanoTime() - start) / 1e9),
                model.usesRandomWeights() ? " (RANDOM TEST-ONLY WEIGHTS: meaningless structures)" : "");
        return writeOutputs(inputHash, completed, ccd, features, out, jobDir, seed,
                inference.settings().saveEmbeddings(), inference.settings().saveDistogram());
    }

    /** Writes one seed's sample files (and embeddings or distogram when asked) and returns their database rows. */
    public static List<SampleRow> writeOutputs(String inputHash, FoldInput completed, Ccd ccd, FeatureBatch features,
            ModelOutput out, Path jobDir, long seed, boolean saveEmbeddings, boolean saveDistogram) {
        String name = completed.sanitisedName();
        StructureLayout layout = OutputStructures.layout(completed, ccd, features);
        DenseToFlat gather = OutputStructures.denseToFlat(completed, ccd);
        if (!gather.missingAtoms().isEmpty()) {
            log.warn("{}: {} atoms have no slot in the network's 24-atom layout and are written at the origin",
                    name, gather.missingAtoms().size());
        }
        OutputLayout files = new OutputLayout(jobDir, name, false);
        PredictionWriter writer = new PredictionWriter(files, layout, ModelCif.Metadata.of(SOFTWARE,
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        List<SampleRow> rows = new ArrayList<>();
        for (int k = 0; k < out.samples().size(); k++) {
            ModelOutput.Sample s = out.samples().get(k);
            SampleResult result = gather.sample(seed, k, s.atomPositions(), s.plddt(), s.pae(),
                    s.tmAdjustedPaeGlobal(), s.tmAdjustedPaeInterface(), out.contactProbs());
            PredictionWriter.SampleScore score = writer.writeSample(result);
            SummaryConfidences summary = Confidences.summarize(layout, result);
            rows.add(new SampleRow(inputHash, seed, k, score.rankingScore(), summary.ptm(), summary.iptm(),
                    Arrays.deepToString(summary.chainPairIptm()), files.sampleDir(seed, k).toString()));
        }
        int t = layout.numTokens();
        int n = out.numTokens();
        if (saveEmbeddings) {
            writer.writeEmbeddings(seed,
                    new Npz.Float16Array(new int[] {t, out.seqChannels()}, crop(out.single(), n, t, out.seqChannels(), false)),
                    new Npz.Float16Array(new int[] {t, t, out.pairChannels()}, crop(out.pair(), n, t, out.pairChannels(), true)));
        }
        if (saveDistogram) {
            int bins = out.distogramLogits().length / (n * n);
            writer.writeDistogram(seed, new Npz.Float16Array(new int[] {t, t, bins},
                    softmax(crop(out.distogramLogits(), n, t, bins, true), bins)));
        }
        return rows;
    }

    /** The real tokens' rows ({@code [n, c] -> [t, c]}) or block ({@code [n, n, c] -> [t, t, c]}). */
    static float[] crop(float[] padded, int n, int t, int channels, boolean pair) {
        if (!pair) {
            return Arrays.copyOf(padded, t * channels);
        }
        float[] out = new float[t * t * channels];
        for (int i = 0; i < t; i++) {
            System.arraycopy(padded, i * n * channels, out, i * t * channels, t * channels);
        }
        return out;
    }

    static float[] softmax(float[] logits, int bins) {
        float[] p = new float[logits.length];
        for (int o = 0; o < logits.length; o += bins) {
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                max = Math.max(max, logits[o + b]);
            }
            double sum = 0;
            for (int b = 0; b < bins; b++) {
                sum += Math.exp(logits[o + b] - max);
            }
            for (int b = 0; b < bins; b++) {
                p[o + b] = (float) (Math.exp(logits[o + b] - max) / sum);
            }
        }
        return p;
    }
}
