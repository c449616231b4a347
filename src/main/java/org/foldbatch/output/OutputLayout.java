package org.foldbatch.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.foldbatch.FoldbatchException;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.util.PathSegments;

/**
 * AF3's output directory layout for one job named J (AlphaFold 3: run_alphafold.py, write_outputs):
 * <pre>
 * J/J_data.json, J_model.cif, J_confidences.json, J_summary_confidences.json, J_ranking_scores.csv (top-ranked sample)
 * J/seed-S_sample-K/J_seed-S_sample-K_{model.cif,confidences.json,summary_confidences.json}
 * J/seed-S_embeddings/J_seed-S_embeddings.npz, J/seed-S_distogram/J_seed-S_distogram.npz
 * J/seed-S_features/J_seed-S_features.bin (ours, beside the embeddings: the seed's feature batch)
 * </pre>
 * With {@code compress}, model and full-confidence files get a {@code .zst} suffix (the summary never does).
 * AF3's TERMS_OF_USE.md is not written: its text is Google's. Every file is written through {@link AtomicFiles}, so
 * a killed job leaves whole files or none.
 */
public record OutputLayout(Path jobDir, String name, boolean compress) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /**
     * The layout of the job {@code name} under the output directory; the batch jobs never compress. A name that
     * would lead outside the output directory is refused (one-line {@link FoldbatchException}).
     */
    public static OutputLayout of(Path outputDir, String name) {
        return in(safeChild(outputDir, name), name);
    }

    /**
     * The layout of the job {@code name} written to the folder {@code jobDir}, which is {@code <out>/<name>} or,
     * when that folder belongs to another fold, AlphaFold 3's {@code <out>/<name>_<YYYYMMDD_HHMMSS>}.
     */
    public static OutputLayout in(Path jobDir, String name) {
        safeChild(jobDir, name);
        return new OutputLayout(jobDir, name, false);
    }

    /**
     * AlphaFold 3's folder for a job whose {@code <out>/<name>} is taken: {@code <out>/<name>_<YYYYMMDD_HHMMSS>};
     * {@code attempt} above 0 adds {@code _<attempt>} for a second fold claiming a folder in the same second.
     */
    public static Path suffixedJobDir(Path outputDir, String name, LocalDateTime now, int attempt) {
        String stamped = name + "_" + TIMESTAMP.format(now) + (attempt == 0 ? "" : "_" + attempt);
        return safeChild(outputDir, stamped);
    }

    /**
     * Deletes the {@code .<file>.<random>.tmp} files {@link AtomicFiles} leaves when a job is killed mid-write; call
     * only while holding the folder (no other process writes into it). Returns how many were removed.
     */
    public static int removeStrayTempFiles(Path jobDir) {
        if (!Files.isDirectory(jobDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(jobDir)) {
            List<Path> stray = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("\\..+\\.tmp")).toList();
            for (Path p : stray) {
                Files.deleteIfExists(p);
            }
            return stray.size();
        } catch (IOException e) {
            throw new FoldbatchException("cannot clean stray temporary files in " + jobDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A campaign's report page in its folder {@code <out>/<campaign>}, named as a fold's page is in the fold's
     * folder: {@code <out>/<campaign>/<campaign>_report.html}, beside the campaign's fold folders.
     */
    public static Path campaignPage(Path campaignDir, String campaign) {
        return safeChild(campaignDir, campaign + "_report.html");
    }

    /** AlphaFold 3 writes into an existing job folder only when it is empty. */
    public static boolean freeOnDisk(Path jobDir) {
        if (!Files.isDirectory(jobDir)) {
            return !Files.exists(jobDir);
        }
        try (Stream<Path> entries = Files.list(jobDir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new FoldbatchException("cannot list output folder " + jobDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files a finished job of these stages leaves in its folder that are not there, in layout order: a job is
     * only "already completed" when this is empty.
     */
    public List<Path> missingOutputs(boolean features, boolean inference, List<Long> seeds, int samples) {
        List<Path> expected = new ArrayList<>(List.of(dataJson()));
        for (long seed : seeds) {
            if (features) {
                expected.add(features(seed));
            }
            for (int k = 0; inference && k < samples; k++) {
                expected.addAll(List.of(sampleModelCif(seed, k), sampleConfidences(seed, k),
                        sampleSummaryConfidences(seed, k)));
            }
        }
        if (inference) {
            expected.addAll(List.of(topModelCif(), topConfidences(), topSummaryConfidences(), rankingScores()));
        }
        return expected.stream().filter(p -> !Files.isRegularFile(p)).toList();
    }

    /** {@code dir/name}, or a one-line error when the name would leave {@code dir}. */
    public static Path safeChild(Path dir, String name) {
        try {
            return PathSegments.inside(dir, name);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException(e.getMessage());
        }
    }

    public Path dataJson() {
        return jobDir.resolve(name + "_data.json");
    }

    /** Writes the input completed by the data pipeline as {@code J_data.json}; returns its path. */
    public Path writeDataJson(FoldInput completed) {
        AtomicFiles.write(dataJson(), FoldInputWriter.toJson(completed));
        return dataJson();
    }

    /**
     * {@code J_data_search_engines.json}: which engine searched each database, beside {@code J_data.json}, whose
     * schema (AlphaFold 3's input) has no such field. Written only when some database was searched with another
     * engine than AlphaFold 3's, so a default run's files are exactly AlphaFold 3's.
     */
    public Path searchEnginesJson() {
        return jobDir.resolve(name + "_data_search_engines.json");
    }

    /** Writes {@link #searchEnginesJson()}, or removes a stale one when {@code json} is null (AlphaFold 3's engines). */
    public void writeSearchEngines(String json) {
        if (json != null) {
            AtomicFiles.write(searchEnginesJson(), json);
            return;
        }
        try {
            Files.deleteIfExists(searchEnginesJson());
        } catch (IOException e) {
            throw new FoldbatchException("cannot remove " + searchEnginesJson() + ": " + e.getMessage(), e);
        }
    }

    /** The completed input the featurisation and inference read back. */
    public FoldInput readDataJson() {
        return new FoldInputLoader().load(dataJson()).get(0);
    }

    public Path features(long seed) {
        return jobDir.resolve("seed-" + seed + "_features").resolve(name + "_seed-" + seed + "_features.bin");
    }

    public void writeFeatures(long seed, FeatureBatch batch) {
        AtomicFiles.write(features(seed), batch::writeTo);
    }

    public FeatureBatch readFeatures(long seed) {
        return FeatureBatch.read(features(seed));
    }

    public Path rankingScores() {
        return jobDir.resolve(name + "_ranking_scores.csv");
    }

    public Path topModelCif() {
        return jobDir.resolve(name + "_model.cif" + zst());
    }

    public Path topConfidences() {
        return jobDir.resolve(name + "_confidences.json" + zst());
    }

    public Path topSummaryConfidences() {
        return jobDir.resolve(name + "_summary_confidences.json");
    }

    public Path sampleDir(long seed, int sample) {
        return jobDir.resolve("seed-" + seed + "_sample-" + sample);
    }

    public Path sampleModelCif(long seed, int sample) {
        return sampleFile(seed, sample, "model.cif" + zst());
    }

    public Path sampleConfidences(long seed, int sample) {
        return sampleFile(seed, sample, "confidences.json" + zst());
    }

    public Path sampleSummaryConfidences(long seed, int sample) {
        return sampleFile(seed, sample, "summary_confidences.json");
    }

    public Path embeddings(long seed) {
        return jobDir.resolve("seed-" + seed + "_embeddings").resolve(name + "_seed-" + seed + "_embeddings.npz");
    }

    public Path distogram(long seed) {
        return jobDir.resolve("seed-" + seed + "_distogram").resolve(name + "_seed-" + seed + "_distogram.npz");
    }

    private Path sampleFile(long seed, int sample, String suffix) {
        return sampleDir(seed, sample).resolve(name + "_seed-" + seed + "_sample-" + sample + "_" + suffix);
    }

    private String zst() {
        return compress ? ".zst" : "";
    }
}
