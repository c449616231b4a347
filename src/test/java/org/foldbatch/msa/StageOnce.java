package org.foldbatch.msa;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process of {@link DatabaseStagerProcessTests}: waits for a start file, stages one database file and prints
 * what it did ({@code COPIED}, {@code REUSED} or {@code SOURCE}).
 */
public final class StageOnce {

    private StageOnce() {
    }

    public static void main(String[] args) throws Exception {
        Path stageDir = Path.of(args[0]);
        Path database = Path.of(args[1]);
        Path go = Path.of(args[2]);
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        try (DatabaseStager.Lease lease = new DatabaseStager(stageDir, 1L << 30).stage(DatabaseSpec.of("uniref90",
                database))) {
            System.out.println("outcome=" + lease.outcomes().get(0));
        }
    }
}
