package org.foldbatch.pipeline.bench;

import java.util.List;
import java.util.Random;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.MiniatureDatabases;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.pipeline.BenchFigures;
import org.foldbatch.pipeline.DataPipeline;
import org.foldbatch.pipeline.MemoryStores;

/**
 * Prints what storing each chain's merged MSA saves the steps after the gene search: completing a one-chain input
 * whose four searches returned 10,000 synthetic rows each, once from the stored merge and once merging the cached
 * searches again (what every later step did before). In memory, so only the Java work is timed. Run from the
 * repository root: {@code java -cp target/classes:target/test-classes org.foldbatch.pipeline.bench.DataPipelineBench}.
 */
public final class DataPipelineBench {

    private static final int REPEATS = 9;

    private DataPipelineBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String query = query(width);
        String a3m = ">query\n" + query + "\n" + BenchFigures.syntheticA3m(rows, width);

        ChainMsaSearch search = new ChainMsaSearch(new GeneSearchPlan(MiniatureDatabases.config(1, 4), "bench"));
        MemoryStores.Searches searches = new MemoryStores.Searches();
        MemoryStores.MergedMsas merged = new MemoryStores.MergedMsas();
        DataPipeline pipeline = new DataPipeline(search, searches, merged);
        pipeline.searchChain(query, MoleculeType.PROTEIN, request -> new SearchResult(a3m, rows, rows, 0, 0,
                request.tool().binaryName(), request.database().displayName()));
        FoldInput input = FoldInput.of("bench", List.of(1L), List.of(ProteinChain.of("A", query)));

        double[] stored = new double[REPEATS];
        double[] remerged = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            stored[i] = millis(() -> pipeline.complete(input, chain -> List.of()));
            merged.rows.clear();
            remerged[i] = millis(() -> pipeline.complete(input, chain -> List.of()));
        }
        System.out.printf("complete a 1-chain input, 4 searches x %,d rows x %d columns:%n", rows, width);
        System.out.printf("  merged MSA read from the store:       median %.1f ms over %d runs%n",
                BenchFigures.median(stored), REPEATS);
        System.out.printf("  merged again from the cached searches: median %.1f ms over %d runs%n",
                BenchFigures.median(remerged), REPEATS);
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String query(int width) {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            sb.append("ACDEFGHIKLMNPQRSTVWY".charAt(random.nextInt(20)));
        }
        return sb.toString();
    }
}
