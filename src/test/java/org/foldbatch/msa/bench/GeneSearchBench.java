package org.foldbatch.msa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.GeneSearchExecutor;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.Msa;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.Stockholm;
import org.foldbatch.msa.ToolRunner;

/**
 * Prints timings of one jackhmmer search on the miniature UniRef90 against the Java conversions of a synthetic
 * 10,000-row alignment (Stockholm to A3M from a string and from a file, A3M to Stockholm, dedup). Run from the
 * repository root: {@code java -cp target/classes:target/test-classes org.foldbatch.msa.bench.GeneSearchBench}.
 */
public final class GeneSearchBench {

    private static final String QUERY = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";
    private static final String AMINO = "ACDEFGHIKLMNPQRSTVWY";

    private GeneSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 400;

        GeneSearchExecutor executor = new GeneSearchExecutor(HmmerBinaries.locate(null), new ToolRunner(),
                Duration.ofMinutes(10), null);
        DatabaseSpec uniref = DatabaseSpec.of("uniref90", Path.of("samples/databases/uniref90__subsampled_1000.fasta"));
        SearchRequest request = new SearchRequest(MoleculeType.PROTEIN, QUERY, uniref, SearchTool.JACKHMMER, 1e-4,
                10_000, 2, null, "bench", uniref.fingerprint());
        executor.apply(request);
        SearchResult search = executor.apply(request);
        print("jackhmmer search, miniature uniref90 (1000 seqs), --cpu 2", search.wallSeconds(),
                String.format(Locale.ROOT, "cpu %.3f s, %d hits", search.cpuSeconds(), search.hits()));

        String stockholm = syntheticStockholm(rows, width, new Random(7));
        Path file = Files.createTempFile("bench-", ".sto");
        try {
            Files.writeString(file, stockholm);
            String a3m = null;
            for (int warmup = 0; warmup < 3; warmup++) {
                a3m = Stockholm.toA3m(stockholm, 0, true, null);
            }
            long t = System.nanoTime();
            a3m = Stockholm.toA3m(stockholm, 0, true, null);
            print("Stockholm -> A3M from string, " + rows + " rows x " + width + " columns", since(t),
                    (stockholm.length() >> 20) + " MiB in, " + (a3m.length() >> 20) + " MiB out");
            t = System.nanoTime();
            Stockholm.toA3m(file, 0, true, null);
            print("Stockholm -> A3M streamed from file", since(t), "");
            t = System.nanoTime();
            String back = Stockholm.fromA3m(a3m);
            print("A3M -> Stockholm (hmmbuild input)", since(t), (back.length() >> 20) + " MiB");
            t = System.nanoTime();
            Msa msa = Msa.fromA3m(firstRow(a3m), MoleculeType.PROTEIN, a3m, true);
            print("A3M parse + dedup", since(t), msa.depth() + " unique rows");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String firstRow(String a3m) {
        int start = a3m.indexOf('\n') + 1;
        return a3m.substring(start, a3m.indexOf('\n', start));
    }

    /** Jackhmmer-like output: a gap-free query row, match columns with gaps and '.'/lower-case insert columns. */
    private static String syntheticStockholm(int rows, int width, Random random) {
        boolean[] insert = new boolean[width];
        for (int c = 0; c < width; c++) {
            insert[c] = random.nextInt(5) == 0;
        }
        StringBuilder out = new StringBuilder("# STOCKHOLM 1.0\n\n");
        for (int r = 1; r < rows; r++) {
            out.append("#=GS hit").append(r).append("/1-").append(width).append(" DE [subseq from] protein ").append(r)
                    .append('\n');
        }
        out.append('\n');
        for (int r = 0; r < rows; r++) {
            out.append(r == 0 ? "query" : "hit" + r + "/1-" + width).append("  ");
            for (int c = 0; c < width; c++) {
                char residue = AMINO.charAt(random.nextInt(AMINO.length()));
                if (insert[c]) {
                    out.append(r == 0 || random.nextBoolean() ? '.' : Character.toLowerCase(residue));
                } else {
                    out.append(r > 0 && random.nextInt(10) == 0 ? '-' : residue);
                }
            }
            out.append('\n');
        }
        return out.append("//\n").toString();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String what, double seconds, String detail) {
        System.out.printf(Locale.ROOT, "%-70s %8.3f s  %s%n", what, seconds, detail);
    }
}
