package org.foldbatch.msa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.msa.ShardedSearch.ShardRun;
import org.foldbatch.util.PythonFloat;

/**
 * RNA search with nhmmer and AlphaFold 3's flags. Hits (at most {@code maxSequences - 1}, since nhmmer's alignment
 * has no query row) are realigned to a profile of the query alone with hmmbuild + hmmalign, so that every row has the
 * query's width, and the query row is put first.
 */
public final class Nhmmer extends HmmerSearch {

    static final int SHORT_SEQUENCE_CUTOFF = 50;

    /** @param tempRoot where per-search temporary directories go; null for the system default */
    public Nhmmer(HmmerBinaries binaries, ToolRunner runner, Duration timeout, Path tempRoot) {
        super(SearchTool.NHMMER, binaries, runner, timeout, tempRoot);
    }

    /** {@code -E e [-Z z] --rna --F3 f}: the flags that shape the result, F3 relaxed for queries under 50 nt. */
    static List<String> searchFlags(SearchRequest request) {
        List<String> flags = new ArrayList<>(List.of("-E", PythonFloat.repr(request.eValue())));
        Double z = request.database().zValue();
        if (z != null) {
            flags.addAll(List.of("-Z", PythonFloat.repr(z)));
        }
        flags.add("--rna");
        double f3 = request.sequence().length() < SHORT_SEQUENCE_CUTOFF ? 0.02 : 1e-5;
        flags.addAll(List.of("--F3", PythonFloat.repr(f3)));
        return flags;
    }

    @Override
    ShardRun runShard(SearchRequest request, Path databaseFile, Path dir, boolean withTblout) {
        SearchFiles.createDirectories(dir);
        String fileName = databaseFile.getFileName().toString();
        Path query = dir.resolve("query.a3m");
        Path sto = dir.resolve("output.sto");
        Path tblout = dir.resolve("tblout.txt");
        SearchFiles.write(sto, "");
        SearchFiles.writeQueryFasta(query, request.sequence());
        List<String> command = new ArrayList<>(List.of(binaries.nhmmer().toString(), "-o", "/dev/null", "--noali",
                "--cpu", Integer.toString(request.cpus())));
        if (withTblout) {
            SearchFiles.write(tblout, "");
            command.addAll(List.of("--tblout", tblout.toString()));
        }
        List<String> flags = searchFlags(request);
        command.addAll(flags.subList(0, flags.size() - 2));
        command.addAll(List.of("-A", sto.toString()));
        command.addAll(flags.subList(flags.size() - 2, flags.size()));
        command.add(query.toString());
        command.add(databaseFile.toAbsolutePath().toString());
        ToolRun search = runner.run("nhmmer (" + fileName + ")", command, dir, timeout);
        double cpu = search.cpuSeconds();
        String queryRecord = ">query\n" + request.sequence();
        String a3m = queryRecord;
        int hits = 0;
        if (size(sto) > 0) {
            Stockholm.Conversion conversion = Stockholm.convert(sto, request.maxSequences() - 1, true, null);
            hits = conversion.totalRows();
            List<FastaRecord> found = A3m.parse(conversion.a3m());
            if (!found.isEmpty()) {
                Realignment realigned = realign(request.sequence(), found, dir, fileName);
                cpu += realigned.cpuSeconds();
                List<FastaRecord> rows = A3m.parse(queryRecord + "\n" + realigned.a2m());
                a3m = A3m.format(rows, false);
            }
        }
        return new ShardRun(a3m, hits, withTblout ? SearchFiles.read(tblout) : "", cpu);
    }

    private record Realignment(String a2m, double cpuSeconds) {
    }

    /** hmmbuild a profile from the query alone, then hmmalign the gap-free, upper-cased hits to it (A2M out). */
    private Realignment realign(String querySequence, List<FastaRecord> hits, Path dir, String fileName) {
        Path queryMsa = dir.resolve("query.msa");
        Path profile = dir.resolve("output.hmm");
        SearchFiles.write(queryMsa, ">query\n" + querySequence + "\n");
        ToolRun build = runner.run("hmmbuild (" + fileName + ")", List.of(binaries.hmmbuild().toString(),
                "--informat", "afa", "--rna", profile.toString(), queryMsa.toString()), dir, timeout);
        Path sequences = dir.resolve("sequences.a3m");
        Path aligned = dir.resolve("output.a3m");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append('>').append(hits.get(i).description()).append('\n');
            String sequence = hits.get(i).sequence();
            for (int j = 0; j < sequence.length(); j++) {
                char c = sequence.charAt(j);
                if (c != '-') {
                    text.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
                }
            }
        }
        SearchFiles.write(sequences, text.toString());
        ToolRun align = runner.run("hmmalign (" + fileName + ")", List.of(binaries.hmmalign().toString(),
                "-o", aligned.toString(), "--outformat", "A2M", profile.toString(), sequences.toString()), dir,
                timeout);
        return new Realignment(SearchFiles.read(aligned), build.cpuSeconds() + align.cpuSeconds());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
