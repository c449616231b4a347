package org.foldbatch.msa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.foldbatch.msa.A3m;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.DatabaseStager;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.GeneSearchExecutor;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.ToolRunner;

/**
 * Prints the wall time of the same jackhmmer search reading a database from its source and from a copy staged on a
 * fast file system, plus the one-off copy. Run from the repository root:
 * {@code java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * org.foldbatch.msa.bench.DatabaseStagingBench [protein database.fasta] [stage dir] [runs]} (defaults: the sample UniRef90, /dev/shm/foldbatch-bench, 5). The source's
 * page cache is dropped by nothing here: on a warm local disk both read from memory, so the figure that matters is
 * with the source on NFS or a cold disk.
 */
public final class DatabaseStagingBench {

    private DatabaseStagingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args.length > 0 ? args[0] : "samples/databases/uniref90__subsampled_1000.fasta");
        Path stageDir = Path.of(args.length > 1 ? args[1] : "/dev/shm/foldbatch-bench");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String query = A3m.parse(Files.readString(database)).get(0).sequence().replace("-", "").toUpperCase(
                Locale.ROOT);
        GeneSearchExecutor hmmer = new GeneSearchExecutor(HmmerBinaries.locate(null), new ToolRunner(),
                Duration.ofHours(1), null);
        DatabaseSpec source = DatabaseSpec.of("uniref90", database);
        DatabaseStager stager = new DatabaseStager(stageDir, Files.size(database) * 2 + (1 << 20));

        long copyStart = System.nanoTime();
        try (DatabaseStager.Lease lease = stager.stage(source)) {
            System.out.printf(Locale.ROOT, "stage %s (%d bytes) into %s: %s in %.3f s%n", database,
                    Files.size(database), stageDir, lease.outcomes().get(0), (System.nanoTime() - copyStart) / 1e9);
        }
        double[] fromSource = new double[runs];
        double[] fromStaged = new double[runs];
        for (int i = 0; i < runs; i++) { // interleaved, so drift on a shared machine hits both alike
            fromSource[i] = search(hmmer, query, source).wallSeconds();
            try (DatabaseStager.Lease lease = stager.stage(source)) {
                fromStaged[i] = search(hmmer, query, lease.spec()).wallSeconds();
            }
        }
        print("jackhmmer reading the source", fromSource);
        print("jackhmmer reading the staged copy in " + stageDir, fromStaged);
    }

    private static SearchResult search(GeneSearchExecutor hmmer, String query, DatabaseSpec database) {
        return hmmer.apply(new SearchRequest(MoleculeType.PROTEIN, query, database, SearchTool.JACKHMMER, 1e-4, 10_000,
                2, null, "bench", "bench"));
    }

    private static void print(String what, double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-80s median %.3f s, min %.3f s (%d runs)%n", what, sorted[sorted.length / 2],
                sorted[0], sorted.length);
    }
}
