package org.foldbatch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * AF3's output directory layout for one job named J (data facts 3.1):
 * <pre>
 * J/J_data.json, J_model.cif, J_confidences.json, J_summary_confidences.json, J_ranking_scores.csv (top-ranked sample)
 * J/seed-S_sample-K/J_seed-S_sample-K_{model.cif,confidences.json,summary_confidences.json}
 * J/seed-S_embeddings/J_seed-S_embeddings.npz, J/seed-S_distogram/J_seed-S_distogram.npz
 * </pre>
 * With {@code compress}, model and full-confidence files get a {@code .zst} suffix (the summary never does).
 * AF3's TERMS_OF_USE.md is not written: its text is Google's.
 */
public record OutputLayout(Path jobDir, String name, boolean compress) {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /**
     * {@code outputDir/name}, or, when that exists and is not empty and {@code force} is off, the sibling
     * {@code name_YYYYMMDD_HHMMSS} as AF3 picks it.
     */
    public static OutputLayout choose(Path outputDir, String name, boolean force, LocalDateTime now, boolean compress) {
        Path dir = outputDir.resolve(name);
        if (!force && isNonEmptyDirectory(dir)) {
            dir = outputDir.resolve(name + "_" + SUFFIX.format(now));
        }
        return new OutputLayout(dir, name, compress);
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dataJson() {
        return jobDir.resolve(name + "_data.json");
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
