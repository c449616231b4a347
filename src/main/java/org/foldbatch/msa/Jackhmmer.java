package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.msa.ShardedSearch.ShardRun;
import org.foldbatch.util.PythonFloat;

/**
 * Protein search with jackhmmer, one iteration, with AlphaFold 3's flags. HMMER 3.3.2 has no {@code --seq_limit}, so
 * the full alignment is written and the row limit (query included) is applied while converting to A3M; only peak
 * disk and memory use differ from AlphaFold 3's patched HMMER.
 */
public final class Jackhmmer extends HmmerSearch {

    static final String F1 = PythonFloat.repr(5e-4);
    static final String F2 = PythonFloat.repr(5e-5);
    static final String F3 = PythonFloat.repr(5e-7);

    /** @param tempRoot where per-search temporary directories go; null for the system default */
    public Jackhmmer(HmmerBinaries binaries, ToolRunner runner, Duration timeout, Path tempRoot) {
        super(SearchTool.JACKHMMER, binaries, runner, timeout, tempRoot);
    }

    /** {@code --F1 --F2 --F3 -N 1 -E e --incE e [-Z z --domZ z]}: the flags that shape the result. */
    static List<String> searchFlags(SearchRequest request) {
        List<String> flags = new ArrayList<>(List.of("--F1", F1, "--F2", F2, "--F3", F3, "-N", "1"));
        String e = PythonFloat.repr(request.eValue());
        flags.addAll(List.of("-E", e, "--incE", e));
        Double z = request.database().zValue();
        if (z != null) {
            String zText = sequenceCount(z, request.database());
            flags.addAll(List.of("-Z", zText, "--domZ", zText));
        }
        return flags;
    }

    /** AlphaFold 3 types the jackhmmer Z flags as int (a number of sequences), so they print without a fraction. */
    private static String sequenceCount(double z, DatabaseSpec database) {
        if (z != Math.rint(z)) {
            throw new IllegalArgumentException("Database " + database.name() + ": jackhmmer Z value must be a whole"
                    + " number of sequences, got " + z);
        }
        return Long.toString((long) z);
    }

    @Override
    ShardRun runShard(SearchRequest request, Path databaseFile, Path dir, boolean withTblout) {
        SearchFiles.createDirectories(dir);
        Path query = dir.resolve("query.fasta");
        Path sto = dir.resolve("output.sto");
        Path tblout = dir.resolve("tblout.txt");
        SearchFiles.writeQueryFasta(query, request.sequence());
        SearchFiles.write(sto, "");
        List<String> command = new ArrayList<>(List.of(binaries.jackhmmer().toString(), "-o", "/dev/null",
                "-A", sto.toString(), "--noali"));
        List<String> flags = searchFlags(request);
        command.addAll(flags.subList(0, 6));
        command.addAll(List.of("--cpu", Integer.toString(request.cpus())));
        command.addAll(flags.subList(6, 8));
        if (withTblout) {
            SearchFiles.write(tblout, "");
            command.addAll(List.of("--tblout", tblout.toString()));
        }
        command.addAll(flags.subList(8, flags.size()));
        command.add(query.toString());
        command.add(databaseFile.toAbsolutePath().toString());
        String label = "jackhmmer (" + databaseFile.getFileName() + ")";
        ToolRun run = runner.run(label, command, dir, timeout);
        Stockholm.Conversion conversion = Stockholm.convert(sto, request.maxSequences(), true, null);
        return new ShardRun(conversion.a3m(), Math.max(0, conversion.totalRows() - 1),
                withTblout ? SearchFiles.read(tblout) : "", run.cpuSeconds());
    }
}
