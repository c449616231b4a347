package org.foldbatch.msa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.foldbatch.msa.A3m;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.FastaRecord;
import org.foldbatch.msa.GeneSearchExecutor;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.Mmseqs2;
import org.foldbatch.msa.MmseqsBinary;
import org.foldbatch.msa.MmseqsIndex;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.SequenceDatabase;
import org.foldbatch.msa.ToolRunner;

/**
 * jackhmmer (AlphaFold 3's flags, {@code -N 1}) against MMseqs2 (ColabFold's search settings) side by side, measured
 * once in one run over the same queries: on the four miniature protein databases in samples/databases, then on a
 * synthetic database of {@code --size} sequences (default 1,000,000) mutated from the miniature UniRef90 (see
 * {@link SyntheticProteinDatabase}). Per query: wall and CPU seconds of each engine and the hit-set overlap (targets
 * of jackhmmer's A3M rows that MMseqs2's rows also hold, and targets only MMseqs2 found), with the pipeline's row
 * limit of the database. The MMseqs2 index of each database is built first and timed on its own (a one-off cost).
 * Run from the repository root after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.foldbatch.msa.bench.Mmseqs2Bench
 * [--queries 3] [--size 1000000] [--cpus 2] [--work target/mmseqs-bench]}.
 */
public final class Mmseqs2Bench {

    private static final Path SAMPLES = Path.of("samples/databases");
    private static final long SEED = 20261204L;

    private final GeneSearchExecutor executor;
    private final MmseqsIndex index;
    private final String hmmerVersion;
    private final String mmseqsVersion;
    private final int cpus;

    private Mmseqs2Bench(Path work, int cpus) {
        ToolRunner runner = new ToolRunner();
        HmmerBinaries hmmer = HmmerBinaries.locate(null);
        MmseqsBinary mmseqs = MmseqsBinary.locate(null);
        Duration timeout = Duration.ofHours(6);
        this.cpus = cpus;
        this.hmmerVersion = hmmer.version(runner);
        this.mmseqsVersion = mmseqs.version(runner);
        this.index = new MmseqsIndex(mmseqs, mmseqsVersion, runner, work.resolve("index"), cpus, timeout);
        Mmseqs2 search = new Mmseqs2(mmseqs, index, runner, timeout, null);
        this.executor = new GeneSearchExecutor(hmmer, () -> search, runner, timeout, null);
    }

    public static void main(String[] args) throws Exception {
        int queries = intOption(args, "--queries", 3);
        int size = intOption(args, "--size", 1_000_000);
        int cpus = intOption(args, "--cpus", 2);
        Path work = Path.of(option(args, "--work", "target/mmseqs-bench"));
        Files.createDirectories(work);
        Mmseqs2Bench bench = new Mmseqs2Bench(work, cpus);
        List<FastaRecord> uniref = A3m.parse(Files.readString(SAMPLES.resolve("uniref90__subsampled_1000.fasta")));
        List<String> chosen = chooseQueries(uniref, queries);
        System.out.printf(Locale.ROOT, "HMMER %s, MMseqs2 %s, %d CPUs per search, %d queries of %s residues%n",
                bench.hmmerVersion, bench.mmseqsVersion, cpus, chosen.size(),
                chosen.stream().map(q -> Integer.toString(q.length())).toList());
        Totals samples = new Totals();
        for (SequenceDatabase database : SequenceDatabase.searchedFor(MoleculeType.PROTEIN)) {
            Path file = SAMPLES.resolve(sampleFile(database));
            bench.compare(database, DatabaseSpec.of(database.role(), file), chosen, samples);
        }
        samples.print("all miniature databases (1,000 sequences each)");
        Path large = work.resolve("synthetic_uniref90_" + size + ".fasta");
        long t = System.nanoTime();
        SyntheticProteinDatabase.write(uniref, size, SEED, large);
        System.out.printf(Locale.ROOT, "synthetic database %s: %d sequences, %d MB, written or found in %.1f s%n",
                large, size, Files.size(large) >> 20, (System.nanoTime() - t) / 1e9);
        Totals synthetic = new Totals();
        bench.compare(SequenceDatabase.UNIREF90, DatabaseSpec.of("uniref90", large), chosen, synthetic);
        synthetic.print("synthetic " + size + "-sequence database");
    }

    private void compare(SequenceDatabase database, DatabaseSpec spec, List<String> queries, Totals totals) {
        String fingerprint = spec.fingerprint();
        long t = System.nanoTime();
        index.ensure(spec, fingerprint);
        System.out.printf(Locale.ROOT, "%n%s (%s): MMseqs2 createdb + createindex ready in %.1f s wall%n",
                database.role(), spec.displayName(), (System.nanoTime() - t) / 1e9);
        for (int q = 0; q < queries.size(); q++) {
            String query = queries.get(q);
            SearchResult jack = executor.apply(request(database, spec, fingerprint, query, SearchTool.JACKHMMER));
            SearchResult mm = executor.apply(request(database, spec, fingerprint, query, SearchTool.MMSEQS2));
            Set<String> jackTargets = targets(jack.a3m());
            Set<String> mmTargets = targets(mm.a3m());
            Set<String> found = new HashSet<>(jackTargets);
            found.retainAll(mmTargets);
            Set<String> added = new HashSet<>(mmTargets);
            added.removeAll(jackTargets);
            totals.add(jack, mm, jackTargets.size(), found.size(), added.size());
            System.out.printf(Locale.ROOT, "  query %d: jackhmmer %7.2f s wall %7.2f s CPU %6d rows | mmseqs2 %6.2f s"
                    + " wall %6.2f s CPU %6d rows | %.1fx wall, %.1fx CPU | finds %d/%d of jackhmmer's (%.1f%%),"
                    + " adds %d%n", q + 1, jack.wallSeconds(), jack.cpuSeconds(), jack.rowsKept() - 1,
                    mm.wallSeconds(), mm.cpuSeconds(), mm.rowsKept() - 1, jack.wallSeconds() / mm.wallSeconds(),
                    jack.cpuSeconds() / mm.cpuSeconds(), found.size(), jackTargets.size(),
                    percent(found.size(), jackTargets.size()), added.size());
        }
    }

    private SearchRequest request(SequenceDatabase database, DatabaseSpec spec, String fingerprint, String query,
            SearchTool tool) {
        boolean mmseqs = tool == SearchTool.MMSEQS2;
        return new SearchRequest(MoleculeType.PROTEIN, query, spec, tool, mmseqs ? Mmseqs2.E_VALUE
                : database.eValue(), database.maxSequences(), cpus, null, mmseqs ? mmseqsVersion : hmmerVersion,
                fingerprint);
    }

    /** The target names of an A3M's hit rows: the first word of the description, without its /start-end. */
    private static Set<String> targets(String a3m) {
        Set<String> targets = new HashSet<>();
        List<FastaRecord> rows = A3m.parse(a3m);
        for (FastaRecord row : rows.subList(1, rows.size())) {
            String word = row.description().split(" ", 2)[0];
            int slash = word.lastIndexOf('/');
            targets.add(slash < 0 ? word : word.substring(0, slash));
        }
        return targets;
    }

    /** Seeded choice of queries of 100 to 400 residues from the miniature UniRef90. */
    private static List<String> chooseQueries(List<FastaRecord> records, int count) {
        Random random = new Random(SEED);
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String sequence = records.get(random.nextInt(records.size())).sequence();
            if (sequence.length() >= 100 && sequence.length() <= 400 && !chosen.contains(sequence)) {
                chosen.add(sequence);
            }
        }
        return chosen;
    }

    private static String sampleFile(SequenceDatabase database) {
        return switch (database) {
            case UNIREF90 -> "uniref90__subsampled_1000.fasta";
            case MGNIFY -> "mgy_clusters__subsampled_1000.fa";
            case SMALL_BFD -> "bfd-first_non_consensus_sequences__subsampled_1000.fasta";
            case UNIPROT -> "uniprot_all__subsampled_1000.fasta";
            default -> throw new IllegalArgumentException(database.role());
        };
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, Integer.toString(fallback)));
    }

    /** Sums over the queries of one comparison. */
    private static final class Totals {
        double jackWall;
        double jackCpu;
        double mmWall;
        double mmCpu;
        int jackRows;
        int found;
        int added;
        int queries;

        void add(SearchResult jack, SearchResult mm, int jackTargets, int foundTargets, int addedTargets) {
            jackWall += jack.wallSeconds();
            jackCpu += jack.cpuSeconds();
            mmWall += mm.wallSeconds();
            mmCpu += mm.cpuSeconds();
            jackRows += jackTargets;
            found += foundTargets;
            added += addedTargets;
            queries++;
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "== %s, %d searches: per query jackhmmer %.2f s wall %.2f s CPU, mmseqs2"
                    + " %.2f s wall %.2f s CPU: %.1fx faster (wall), %.1fx (CPU); MMseqs2 finds %.1f%% of"
                    + " jackhmmer's %d rows and adds %d%n", what, queries, jackWall / queries, jackCpu / queries,
                    mmWall / queries, mmCpu / queries, jackWall / mmWall, jackCpu / mmCpu,
                    percent(found, jackRows), jackRows, added);
        }
    }
}
