package org.foldbatch.batch;

import java.nio.file.Path;

/** Where a fold job's files go in its directory ({@link FoldJobParameters#jobDir}), in AlphaFold 3's layout plus the feature batches. */
final class OutputFiles {

    private OutputFiles() {
    }

    static Path dataJson(Path jobDir, String name) {
        return jobDir.resolve(name + "_data.json");
    }

    /** Beside AlphaFold 3's {@code seed-S_embeddings/} folders: one feature batch per seed. */
    static Path features(Path jobDir, String name, long seed) {
        return jobDir.resolve("seed-" + seed + "_features").resolve(name + "_seed-" + seed + "_features.bin");
    }
}
