package org.foldbatch.batch;

import java.nio.file.Path;

/** Where a fold job's files go under its output directory, in AlphaFold 3's layout plus the feature batches. */
final class OutputFiles {

    private OutputFiles() {
    }

    static Path jobDir(Path outputDir, String name) {
        return outputDir.resolve(name);
    }

    static Path dataJson(Path outputDir, String name) {
        return jobDir(outputDir, name).resolve(name + "_data.json");
    }

    /** Beside AlphaFold 3's {@code seed-S_embeddings/} folders: one feature batch per seed. */
    static Path features(Path outputDir, String name, long seed) {
        return jobDir(outputDir, name).resolve("seed-" + seed + "_features").resolve(name + "_seed-" + seed
                + "_features.bin");
    }
}
