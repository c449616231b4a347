package org.foldbatch.msa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The peak resident memory one search is expected to need, from the query length {@code L} and the size {@code D} in
 * bytes of the database file a HMMER process reads. Per process:
 *
 * <pre>
 *   16 MiB + 2 MiB x cpus + 24 B x L^2 + L x D / k      (k = 512 for jackhmmer, 48 for nhmmer)
 * </pre>
 *
 * The L^2 term is the posterior-decoding matrices of a hit about as long as the query; the L x D term is the kept
 * alignment of every hit, which HMMER 3.3.2 (no {@code --seq_limit}) holds until it writes {@code -A}: more database,
 * more hits. A sharded database runs up to {@code maxParallelShards} processes at once, each over one shard. The
 * coefficients were fitted to GNU time's peak RSS on the sample databases (see {@code SearchMemoryBench}); they
 * overestimate small searches, on purpose.
 */
public final class SearchMemory {

    static final long BASE = 16L << 20;
    static final long PER_CPU = 2L << 20;
    static final long PER_RESIDUE_SQUARED = 24;
    static final long JACKHMMER_DIVISOR = 512;
    static final long NHMMER_DIVISOR = 48;

    private SearchMemory() {
    }

    /** Bytes needed by one tool process over {@code databaseBytes} for a query of {@code queryLength}. */
    public static long perProcess(SearchTool tool, int queryLength, int cpus, long databaseBytes) {
        double l = queryLength;
        long divisor = tool == SearchTool.JACKHMMER ? JACKHMMER_DIVISOR : NHMMER_DIVISOR;
        double bytes = BASE + PER_CPU * (double) cpus + PER_RESIDUE_SQUARED * l * l + l * databaseBytes / divisor;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** Bytes the whole request needs at its peak: its largest shards searched at once. */
    public static long estimate(SearchRequest request) {
        List<Path> files = request.database().files();
        long[] sizes = files.stream().mapToLong(SearchMemory::size).sorted().toArray();
        int atOnce = request.maxParallelShards() == null ? sizes.length : Math.min(request.maxParallelShards(),
                sizes.length);
        long total = 0;
        for (int i = 0; i < atOnce; i++) {
            total = saturatedSum(total, perProcess(request.tool(), request.sequence().length(), request.cpus(),
                    sizes[sizes.length - 1 - i]));
        }
        return total;
    }

    /** e.g. {@code 3.2 GiB}, {@code 45 MiB}. */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MiB", (bytes + (1L << 20) - 1) >> 20);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of database file " + file + ": " + e.getMessage(), e);
        }
    }
}
