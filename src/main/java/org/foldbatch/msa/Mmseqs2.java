package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.util.PythonFloat;

/**
 * Protein search with MMseqs2 against the same FASTA database, with ColabFold's {@code colabfold_search} settings
 * for its UniRef search ({@code search --num-iterations 3 -a -e 0.1 --max-seqs 10000 -s 8 --db-load-mode 2}).
 * ColabFold's later steps ({@code expandaln}, {@code align}, {@code filterresult}, {@code result2msa}) are not run:
 * expandaln and the realignment expand cluster members of ColabFold's clustered databases, which a plain FASTA
 * database does not have, and result2msa filters the MSA, which here is the pipeline's business (row limit, merge,
 * dedup). Instead {@code convertalis} writes each hit's aligned query and target, from which the hit becomes an A3M
 * row as jackhmmer's do: aligned to the query, insertions lower case, named {@code <first header word>/<start>-<end>}
 * followed by the rest of the header, so UniProt headers keep the {@code tr|ACC|NAME_SPECIES} word species pairing
 * reads.
 */
public final class Mmseqs2 {

    /** ColabFold's E-value for its MMseqs2 searches. */
    public static final double E_VALUE = 0.1;
    static final String SENSITIVITY = "8";
    static final String ITERATIONS = "3";
    static final int COLABFOLD_MAX_SEQS = 10_000;
    private static final String FORMAT = "target,tstart,tend,qstart,qend,evalue,bits,qaln,taln,theader";

    private final MmseqsBinary binary;
    private final MmseqsIndex index;
    private final ToolRunner runner;
    private final Duration timeout;
    private final Path tempRoot;

    public Mmseqs2(MmseqsBinary binary, MmseqsIndex index, ToolRunner runner, Duration timeout, Path tempRoot) {
        this.binary = binary;
        this.index = index;
        this.runner = runner;
        this.timeout = timeout;
        this.tempRoot = tempRoot;
    }

    /**
     * The {@code search} flags that shape the result, and the conversion's version: part of the cache key.
     * {@code --max-seqs} is ColabFold's 10,000, raised to the row limit where that is larger (UniProt's 50,000), so
     * the limit can be reached.
     */
    static List<String> searchFlags(SearchRequest request) {
        return List.of("search", "--num-iterations", ITERATIONS, "-s", SENSITIVITY, "-e",
                PythonFloat.repr(request.eValue()), "--max-seqs",
                Integer.toString(Math.max(COLABFOLD_MAX_SEQS, request.maxSequences())), "-a",
                "convertalis:" + FORMAT);
    }

    public SearchResult search(SearchRequest request) {
        if (request.tool() != SearchTool.MMSEQS2) {
            throw new IllegalArgumentException("Not an MMseqs2 request: " + request.tool());
        }
        DatabaseSpec database = request.database().requireFiles();
        long start = System.nanoTime();
        Path target = index.ensure(database, request.databaseFingerprint());
        Path dir = SearchFiles.createTempDir(tempRoot, "mmseqs-");
        try {
            String threads = Integer.toString(request.cpus());
            String mmseqs = binary.path().toString();
            SearchFiles.writeQueryFasta(dir.resolve("query.fasta"), request.sequence());
            String label = "mmseqs (" + database.displayName() + ")";
            double cpu = runner.run(label, List.of(mmseqs, "createdb", "query.fasta", "qdb", "-v", "1"), dir,
                    timeout).cpuSeconds();
            List<String> search = new ArrayList<>(List.of(mmseqs, "search", "qdb", target.toString(), "res", "tmp"));
            List<String> flags = searchFlags(request);
            search.addAll(flags.subList(1, flags.size() - 1));
            search.addAll(List.of("--db-load-mode", "2", "--threads", threads, "-v", "1"));
            cpu += runner.run(label, search, dir, timeout).cpuSeconds();
            cpu += runner.run(label, List.of(mmseqs, "convertalis", "qdb", target.toString(), "res", "hits.tsv",
                    "--format-output", FORMAT, "--db-load-mode", "2", "--threads", threads, "-v", "1"), dir, timeout)
                    .cpuSeconds();
            List<FastaRecord> hits = hitRows(request.sequence(), SearchFiles.read(dir.resolve("hits.tsv")));
            String a3m = a3m(request.sequence(), hits, request.maxSequences());
            return new SearchResult(a3m, hits.size(), Math.min(hits.size() + 1, request.maxSequences()), cpu,
                    (System.nanoTime() - start) / 1e9, SearchTool.MMSEQS2.engineName(), database.name());
        } finally {
            SearchFiles.deleteRecursively(dir);
        }
    }

    /** The query row then at most {@code maxSequences - 1} hit rows, as jackhmmer's converted output. */
    static String a3m(String query, List<FastaRecord> hits, int maxSequences) {
        List<FastaRecord> rows = new ArrayList<>();
        rows.add(new FastaRecord("query", query));
        rows.addAll(hits.subList(0, Math.min(hits.size(), maxSequences - 1)));
        return A3m.format(rows, true);
    }

    /** Each line of {@code convertalis} output ({@link #FORMAT}, in MMseqs2's E-value order) as an A3M row. */
    static List<FastaRecord> hitRows(String query, String tsv) {
        List<FastaRecord> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 10);
            if (f.length != 10) {
                throw new IllegalStateException("mmseqs convertalis line has " + f.length + " of 10 fields: " + line);
            }
            String header = f[9].strip();
            int space = header.indexOf(' ');
            String name = space < 0 ? header : header.substring(0, space);
            String rest = space < 0 ? "" : header.substring(space + 1).strip();
            String description = name + "/" + f[1] + "-" + f[2] + (rest.isEmpty() ? "" : " " + rest);
            rows.add(new FastaRecord(description, alignedRow(query, Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    f[7], f[8], name)));
        }
        return rows;
    }

    /**
     * The target aligned to every query column: '-' outside the aligned query range and where the target has a
     * gap, the target residue in upper case where both align, in lower case where the query has a gap (an
     * insertion relative to the query, which A3M keeps without a column).
     */
    static String alignedRow(String query, int qStart, int qEnd, String qAln, String tAln, String target) {
        if (qAln.length() != tAln.length()) {
            throw new IllegalStateException("mmseqs alignment of " + target + ": query and target rows differ in"
                    + " length");
        }
        StringBuilder row = new StringBuilder(query.length() + 16);
        row.append("-".repeat(qStart - 1));
        int queryColumns = 0;
        for (int i = 0; i < qAln.length(); i++) {
            char q = qAln.charAt(i);
            char t = tAln.charAt(i);
            if (q == '-') {
                row.append(Character.toLowerCase(t));
            } else {
                queryColumns++;
                row.append(t == '-' ? '-' : Character.toUpperCase(t));
            }
        }
        if (queryColumns != qEnd - qStart + 1 || qEnd > query.length()) {
            throw new IllegalStateException("mmseqs alignment of " + target + " covers " + queryColumns
                    + " query residues, but its range is " + qStart + "-" + qEnd + " of " + query.length());
        }
        row.append("-".repeat(query.length() - qEnd));
        return row.toString();
    }
}
