package org.foldbatch.batch;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcSampleResults.SampleRow;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.input.FoldInput;
import org.foldbatch.model.FoldModel;
import org.foldbatch.model.InferenceProgress;
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

    List<SampleRow> run(String inputHash, OutputLayout files, long seed, InferenceProgress progress) {
        FoldInput completed = files.readDataJson();
        String name = completed.sanitisedName();
        FeatureBatch features = files.readFeatures(seed);
        FoldModel model = inference.model();
        long start = System.nanoTime();
        ModelOutput out = model.predict(NetworkInputs.of(features, files.features(seed).toString()), seed,
                NoiseSource.seeded(), inference.sampling(model), progress);
        log.info("{} seed {}: network ran in {} s{}", name, seed,
                String.format("%.1f", (System.nanoTime() - start) / 1e9),
                model.usesRandomWeights() ? " (RANDOM TEST-ONLY WEIGHTS: meaningless structures)" : "");
        return writeOutputs(inputHash, completed, ccd, features, out, files, seed,
                inference.settings().saveEmbeddings(), inference.settings().saveDistogram());
    }

    /** Writes one seed's sample files (and embeddings or distogram when asked) and returns their database rows. */
    public static List<SampleRow> writeOutputs(String inputHash, FoldInput completed, Ccd ccd, FeatureBatch features,
            ModelOutput out, OutputLayout files, long seed, boolean saveEmbeddings, boolean saveDistogram) {
        String name = completed.sanitisedName();
        StructureLayout layout = OutputStructures.layout(completed, ccd, features);
        DenseToFlat gather = OutputStructures.denseToFlat(completed, ccd);
        if (!gather.missingAtoms().isEmpty()) {
            log.warn("{}: {} atoms have no slot in the network's 24-atom layout and are written at the origin",
                    name, gather.missingAtoms().size());
        }
        PredictionWriter writer = new PredictionWriter(files, layout, ModelCif.Metadata.of(SOFTWARE,
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        List<SampleRow> rows = new ArrayList<>();
        for (int k = 0; k < out.samples().size(); k++) {
            ModelOutput.Sample s = out.samples().get(k);
            SampleResult result = gather.sample(seed, k, s.atomPositions(), s.plddt(), s.pae(),
                    s.tmAdjustedPaeGlobal(), s.tmAdjustedPaeInterface(), out.contactProbs());
            // Summarised once: rASA dominates the output work and the writer needs the same numbers.
            SummaryConfidences summary = Confidences.summarize(layout, result);
            PredictionWriter.SampleScore score = writer.writeSample(result, summary);
            rows.add(new SampleRow(inputHash, seed, k, score.rankingScore(), summary.ptm(), summary.iptm(),
                    Arrays.deepToString(summary.chainPairIptm()), files.sampleDir(seed, k).toString()));
        }
        int t = layout.numTokens();
        if (saveEmbeddings) {
            writer.writeEmbeddings(seed, new Npz.Float16Array(new int[] {t, out.seqChannels()}, out.singleOfTokens(t)),
                    new Npz.Float16Array(new int[] {t, t, out.pairChannels()}, out.pairOfTokens(t)));
        }
        if (saveDistogram) {
            writer.writeDistogram(seed, new Npz.Float16Array(new int[] {t, t, out.distogramBins()},
                    out.distogramProbabilities(t)));
        }
        return rows;
    }
}
