package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges per-shard A3Ms as AlphaFold 3 does: every shard's hits (its query row skipped) that have a tblout line are
 * merged k-way by E-value (jackhmmer: then by -bit score) and name, ties going to the earlier shard; the merged A3M is
 * the query row followed by hits until {@code maxSequences} rows, joined by newlines without a final newline.
 */
final class ShardMerge {

    /** One shard's converted A3M and its raw {@code --tblout} text. */
    record ShardOutput(String a3m, String tblout) {
    }

    /** The merged A3M and how many hits took part in the merge before truncation. */
    record Merged(String a3m, int hits, int rows) {
    }

    private record Candidate(FastaRecord record, double eValue, double negBitScore, String name, int shard) {
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::eValue)
            .thenComparingDouble(Candidate::negBitScore)
            .thenComparing(Candidate::name)
            .thenComparingInt(Candidate::shard);

    private ShardMerge() {
    }

    static Merged merge(SearchTool tool, String querySequence, List<ShardOutput> shards, int maxSequences) {
        Map<String, String> table = new HashMap<>();
        for (ShardOutput shard : shards) {
            for (String line : shard.tblout().split("\r?\n|\r", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                String key = tool == SearchTool.JACKHMMER ? jackhmmerKey(line) : nhmmerKey(line);
                if (key != null) {
                    table.put(key, line);
                }
            }
        }
        List<Iterator<Candidate>> iterators = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            iterators.add(candidates(tool, shards.get(i).a3m(), table, i).iterator());
        }
        PriorityQueue<Candidate> heads = new PriorityQueue<>(ORDER);
        for (Iterator<Candidate> it : iterators) {
            if (it.hasNext()) {
                heads.add(it.next());
            }
        }
        List<FastaRecord> kept = new ArrayList<>();
        kept.add(new FastaRecord("query", querySequence));
        int hits = 0;
        while (!heads.isEmpty()) {
            Candidate next = heads.poll();
            hits++;
            if (kept.size() < maxSequences) {
                kept.add(next.record());
            }
            Iterator<Candidate> it = iterators.get(next.shard());
            if (it.hasNext()) {
                heads.add(it.next());
            }
        }
        return new Merged(A3m.format(kept, false), hits, kept.size());
    }

    private static List<Candidate> candidates(SearchTool tool, String a3m, Map<String, String> table, int shard) {
        List<FastaRecord> records = A3m.parse(a3m);
        List<Candidate> out = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            FastaRecord record = records.get(i);
            String name = firstToken(record.description());
            if (tool == SearchTool.JACKHMMER) {
                int slash = name.indexOf('/');
                if (slash >= 0) {
                    name = name.substring(0, slash);
                }
            }
            String line = table.get(name);
            if (line == null || line.isEmpty()) {
                continue;
            }
            String[] fields = line.strip().split("\\s+");
            double eValue = Double.POSITIVE_INFINITY;
            double negBitScore = 0;
            try {
                if (tool == SearchTool.JACKHMMER) {
                    eValue = Double.parseDouble(fields[4]);
                    negBitScore = -Double.parseDouble(fields[5]);
                } else {
                    eValue = Double.parseDouble(fields[12]);
                }
            } catch (RuntimeException malformed) {
                eValue = Double.POSITIVE_INFINITY;
                negBitScore = tool == SearchTool.JACKHMMER ? Double.POSITIVE_INFINITY : 0;
            }
            out.add(new Candidate(record, eValue, negBitScore, name, shard));
        }
        return out;
    }

    private static String firstToken(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private static String jackhmmerKey(String line) {
        return firstToken(line);
    }

    private static String nhmmerKey(String line) {
        String[] fields = line.strip().split("\\s+");
        if (line.isBlank() || fields.length < 14) {
            return null;
        }
        return fields[0] + "/" + fields[6] + "-" + fields[7];
    }
}
