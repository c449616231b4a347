package org.foldbatch.msa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.foldbatch.msa.A3m;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.FastaRecord;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchMemory;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchTool;

/**
 * Prints {@link SearchMemory}'s estimate next to GNU time's peak RSS ({@code %M}) of the same jackhmmer / nhmmer run
 * on the sample databases, for queries of several lengths taken from each database. Run from the repository root:
 * {@code java -cp target/classes:target/test-classes org.foldbatch.msa.bench.SearchMemoryBench [cpus]}.
 */
public final class SearchMemoryBench {

    private SearchMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int cpus = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path samples = Path.of("samples/databases");
        System.out.printf(Locale.ROOT, "%-9s %-62s %6s %12s %12s %6s%n", "tool", "database", "L", "estimate MiB",
                "peak RSS MiB", "ratio");
        bench(SearchTool.JACKHMMER, samples.resolve("uniref90__subsampled_1000.fasta"), cpus,
                new int[] {100, 300, 600, 1000});
        bench(SearchTool.JACKHMMER, samples.resolve("uniprot_all__subsampled_1000.fasta"), cpus,
                new int[] {100, 300, 600, 1000});
        bench(SearchTool.NHMMER, samples.resolve("rnacentral_active_seq_id_90_cov_80_linclust__subsampled_1000.fasta"),
                cpus, new int[] {50, 200, 1000});
        bench(SearchTool.NHMMER, samples.resolve("nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq__subsampled_1000"
                + ".fasta"), cpus, new int[] {50, 200, 1000});
    }

    private static void bench(SearchTool tool, Path database, int cpus, int[] lengths) throws Exception {
        List<FastaRecord> records = A3m.parse(Files.readString(database));
        for (int length : lengths) {
            String query = closest(records, length, tool);
            DatabaseSpec spec = DatabaseSpec.of(tool == SearchTool.JACKHMMER ? "uniref90" : "rfam", database);
            SearchRequest request = new SearchRequest(tool == SearchTool.JACKHMMER ? MoleculeType.PROTEIN
                    : MoleculeType.RNA, query, spec, tool, tool == SearchTool.JACKHMMER ? 1e-4 : 1e-3, 10_000, cpus,
                    null, "bench", "bench");
            long estimate = SearchMemory.estimate(request);
            long peak = peakRssBytes(request);
            System.out.printf(Locale.ROOT, "%-9s %-62s %6d %12.1f %12.1f %6.2f%n", tool.binaryName(),
                    database.getFileName(), query.length(), estimate / 1048576.0, peak / 1048576.0,
                    estimate / (double) peak);
        }
    }

    /** The database's sequence nearest in length: a query with at least itself as a hit, as a real search has. */
    private static String closest(List<FastaRecord> records, int length, SearchTool tool) {
        String best = null;
        for (FastaRecord r : records) {
            String s = r.sequence().toUpperCase(Locale.ROOT).replace("-", "");
            if (tool == SearchTool.NHMMER) {
                s = s.replace('T', 'U');
            }
            if (best == null || Math.abs(s.length() - length) < Math.abs(best.length() - length)) {
                best = s;
            }
        }
        return best;
    }

    private static long peakRssBytes(SearchRequest request) throws Exception {
        Path dir = Files.createTempDirectory("memory-bench-");
        try {
            Path query = dir.resolve("query.fasta");
            Files.writeString(query, ">query\n" + request.sequence() + "\n");
            Path rss = dir.resolve("rss.txt");
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
                    request.tool().binaryName(), "-o", "/dev/null", "-A", dir.resolve("out.sto").toString(), "--noali",
                    "--cpu", Integer.toString(request.cpus())));
            command.addAll(request.searchFlags());
            command.add(query.toString());
            command.add(request.database().files().get(0).toAbsolutePath().toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
            }
            List<String> lines = Files.readAllLines(rss);
            return Long.parseLong(lines.get(lines.size() - 1).strip()) * 1024;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
