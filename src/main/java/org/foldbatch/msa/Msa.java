package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A multiple sequence alignment of one chain, as AlphaFold 3's {@code Msa} object: the first row is the query (up to
 * feature equivalence), rows may be deduplicated on their insertion-free string, and an MSA with no rows holds the
 * query under the description {@code Original query}.
 */
public record Msa(String querySequence, MoleculeType type, List<FastaRecord> rows) {

    static final String ORIGINAL_QUERY = "Original query";

    public Msa {
        Objects.requireNonNull(querySequence, "querySequence");
        Objects.requireNonNull(type, "type");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("An MSA needs at least the query row");
        }
        if (!featureEquivalent(rows.get(0).sequence(), querySequence, type)) {
            throw new IllegalArgumentException("First MSA sequence " + rows.get(0).sequence()
                    + " is not the query sequence " + querySequence);
        }
    }

    /** Builds an MSA from rows as a search tool returned them; an empty list becomes the query-only MSA. */
    public static Msa of(String querySequence, MoleculeType type, List<FastaRecord> rows, boolean deduplicate) {
        List<FastaRecord> kept = deduplicate ? deduplicate(rows) : rows;
        if (kept.isEmpty()) {
            kept = List.of(new FastaRecord(ORIGINAL_QUERY, querySequence));
        }
        return new Msa(querySequence, type, kept);
    }

    public static Msa fromA3m(String querySequence, MoleculeType type, String a3m, boolean deduplicate) {
        return of(querySequence, type, A3m.parse(a3m), deduplicate);
    }

    /** The query-only MSA that AlphaFold 3 substitutes for an empty ("") MSA. */
    public static Msa empty(String querySequence, MoleculeType type) {
        return of(querySequence, type, List.of(), false);
    }

    /** Concatenates the rows of several MSAs of the same query in the given order, then optionally deduplicates. */
    public static Msa merge(List<Msa> msas, boolean deduplicate) {
        if (msas.isEmpty()) {
            throw new IllegalArgumentException("At least one MSA must be provided");
        }
        String query = msas.get(0).querySequence();
        MoleculeType type = msas.get(0).type();
        List<FastaRecord> rows = new ArrayList<>();
        for (Msa msa : msas) {
            if (!msa.querySequence().equals(query)) {
                throw new IllegalArgumentException("Query sequences must match: " + msa.querySequence() + " != " + query);
            }
            if (msa.type() != type) {
                throw new IllegalArgumentException("Molecule types must match: " + msa.type() + " != " + type);
            }
            rows.addAll(msa.rows());
        }
        return of(query, type, rows, deduplicate);
    }

    public int depth() {
        return rows.size();
    }

    /** {@code >description\nsequence} lines joined by newlines, with a final newline. */
    public String toA3m() {
        return A3m.format(rows, true);
    }

    static List<FastaRecord> deduplicate(List<FastaRecord> rows) {
        Set<String> seen = new HashSet<>();
        List<FastaRecord> kept = new ArrayList<>();
        for (FastaRecord row : rows) {
            if (seen.add(A3m.withoutInsertions(row.sequence()))) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** True when both sequences encode to the same MSA feature classes (AlphaFold 3's first-row check). */
    static boolean featureEquivalent(String row, String query, MoleculeType type) {
        String a = encode(row, type);
        String b = encode(query, type);
        return a != null && a.equals(b);
    }

    private static String encode(String sequence, MoleculeType type) {
        StringBuilder out = new StringBuilder(sequence.length());
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            if (c >= 'a' && c <= 'z') {
                continue;
            }
            if (c == '-') {
                out.append('-');
            } else if (c >= 'A' && c <= 'Z') {
                out.append(type == MoleculeType.PROTEIN ? proteinClass(c) : rnaClass(c));
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static char proteinClass(char c) {
        return switch (c) {
            case 'B' -> 'D';
            case 'U' -> 'C';
            case 'Z' -> 'E';
            case 'A', 'R', 'N', 'D', 'C', 'Q', 'E', 'G', 'H', 'I', 'L', 'K', 'M', 'F', 'P', 'S', 'T', 'W', 'Y', 'V' -> c;
            default -> 'X';
        };
    }

    private static char rnaClass(char c) {
        return switch (c) {
            case 'A', 'G', 'C', 'U' -> c;
            default -> 'N';
        };
    }
}
