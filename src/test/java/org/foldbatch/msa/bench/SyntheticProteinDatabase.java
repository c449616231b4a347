package org.foldbatch.msa.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;

import org.foldbatch.msa.FastaRecord;

/**
 * A large protein FASTA made from a small one: sequence i is a mutated copy of source {@code i mod n}, with a
 * substitution fraction drawn per sequence from [0, 0.75] (residues replaced as BLOSUM62 says they are replaced:
 * p(b|a) proportional to q_b 2^(s(a,b)/2), the matrix's target frequencies) and short insertions and deletions.
 * Seeded, so the same arguments write the same bytes every time.
 */
final class SyntheticProteinDatabase {

    static final String AMINO = "ARNDCQEGHILKMFPSTWYV";
    /** BLOSUM62 in half bits (Henikoff and Henikoff 1992, NCBI's BLOSUM62 file), rows and columns in AMINO order. */
    private static final int[][] BLOSUM62 = {
        {4, -1, -2, -2, 0, -1, -1, 0, -2, -1, -1, -1, -1, -2, -1, 1, 0, -3, -2, 0},
        {-1, 5, 0, -2, -3, 1, 0, -2, 0, -3, -2, 2, -1, -3, -2, -1, -1, -3, -2, -3},
        {-2, 0, 6, 1, -3, 0, 0, 0, 1, -3, -3, 0, -2, -3, -2, 1, 0, -4, -2, -3},
        {-2, -2, 1, 6, -3, 0, 2, -1, -1, -3, -4, -1, -3, -3, -1, 0, -1, -4, -3, -3},
        {0, -3, -3, -3, 9, -3, -4, -3, -3, -1, -1, -3, -1, -2, -3, -1, -1, -2, -2, -1},
        {-1, 1, 0, 0, -3, 5, 2, -2, 0, -3, -2, 1, 0, -3, -1, 0, -1, -2, -1, -2},
        {-1, 0, 0, 2, -4, 2, 5, -2, 0, -3, -3, 1, -2, -3, -1, 0, -1, -3, -2, -2},
        {0, -2, 0, -1, -3, -2, -2, 6, -2, -4, -4, -2, -3, -3, -2, 0, -2, -2, -3, -3},
        {-2, 0, 1, -1, -3, 0, 0, -2, 8, -3, -3, -1, -2, -1, -2, -1, -2, -2, 2, -3},
        {-1, -3, -3, -3, -1, -3, -3, -4, -3, 4, 2, -3, 1, 0, -3, -2, -1, -3, -1, 3},
        {-1, -2, -3, -4, -1, -2, -3, -4, -3, 2, 4, -2, 2, 0, -3, -2, -1, -2, -1, 1},
        {-1, 2, 0, -1, -3, 1, 1, -2, -1, -3, -2, 5, -1, -3, -1, 0, -1, -3, -2, -2},
        {-1, -1, -2, -3, -1, 0, -2, -3, -2, 1, 2, -1, 5, 0, -2, -1, -1, -1, -1, 1},
        {-2, -3, -3, -3, -2, -3, -3, -3, -1, 0, 0, -3, 0, 6, -4, -2, -2, 1, 3, -1},
        {-1, -2, -2, -1, -3, -1, -1, -2, -2, -3, -3, -1, -2, -4, 7, -1, -1, -4, -3, -2},
        {1, -1, 1, 0, -1, 0, 0, 0, -1, -2, -2, 0, -1, -2, -1, 4, 1, -3, -2, -2},
        {0, -1, 0, -1, -1, -1, -1, -2, -2, -1, -1, -1, -1, -2, -1, 1, 5, -2, -2, 0},
        {-3, -3, -4, -4, -2, -2, -3, -2, -2, -3, -2, -3, -1, 1, -4, -3, -2, 11, 2, -3},
        {-2, -2, -2, -3, -2, -1, -2, -3, 2, -1, -1, -2, -1, 3, -3, -2, -2, 2, 7, -1},
        {0, -3, -3, -3, -1, -2, -2, -3, -3, 3, 1, -2, 1, -1, -2, -2, 0, -3, -1, 4}};
    /** Background frequencies of the 20 amino acids (BLOSUM62's, rounded), in AMINO order. */
    private static final double[] BACKGROUND = {0.074, 0.052, 0.045, 0.054, 0.025, 0.034, 0.054, 0.074, 0.026,
        0.068, 0.099, 0.058, 0.025, 0.047, 0.039, 0.057, 0.051, 0.013, 0.032, 0.073};
    private static final double MAX_SUBSTITUTION = 0.75;
    private static final double INDEL_RATE = 0.02;

    /** Cumulative p(b | a, b != a) per residue a; the last row draws from the background (for X, U, ...). */
    private static final double[][] REPLACEMENT = replacementTables();

    private SyntheticProteinDatabase() {
    }

    /** Writes {@code count} sequences to {@code target} (through a temporary file) unless it already exists. */
    static void write(List<FastaRecord> sources, int count, long seed, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Random random = new Random(seed);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                FastaRecord source = sources.get(i % sources.size());
                double substitution = random.nextDouble() * MAX_SUBSTITUTION;
                String id = source.description().split(" ", 2)[0];
                out.write(String.format(java.util.Locale.ROOT, ">SYN%07d variant of %s sub=%.2f%n", i, id, substitution));
                out.write(mutate(source.sequence(), substitution, random));
                out.write('\n');
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static String mutate(String sequence, double substitution, Random random) {
        StringBuilder out = new StringBuilder(sequence.length() + 16);
        for (int i = 0; i < sequence.length(); i++) {
            double event = random.nextDouble();
            if (event < INDEL_RATE / 2) {
                i += geometricLength(random) - 1;
                continue;
            }
            if (event < INDEL_RATE) {
                for (int k = geometricLength(random); k > 0; k--) {
                    out.append(draw(REPLACEMENT[AMINO.length()], random));
                }
            }
            char residue = sequence.charAt(i);
            out.append(random.nextDouble() < substitution ? replace(residue, random) : residue);
        }
        return out.length() == 0 ? sequence.substring(0, 1) : out.toString();
    }

    private static int geometricLength(Random random) {
        int length = 1;
        while (length < 10 && random.nextDouble() < 0.5) {
            length++;
        }
        return length;
    }

    private static char replace(char residue, Random random) {
        int a = AMINO.indexOf(residue);
        return draw(REPLACEMENT[a < 0 ? AMINO.length() : a], random);
    }

    private static char draw(double[] cumulative, Random random) {
        double u = random.nextDouble();
        for (int b = 0; b < cumulative.length; b++) {
            if (u < cumulative[b]) {
                return AMINO.charAt(b);
            }
        }
        return AMINO.charAt(cumulative.length - 1);
    }

    private static double[][] replacementTables() {
        double[][] tables = new double[AMINO.length() + 1][AMINO.length()];
        for (int a = 0; a <= AMINO.length(); a++) {
            double total = 0;
            double[] weights = new double[AMINO.length()];
            for (int b = 0; b < AMINO.length(); b++) {
                weights[b] = a == AMINO.length() ? BACKGROUND[b]
                        : b == a ? 0 : BACKGROUND[b] * Math.pow(2, BLOSUM62[a][b] / 2.0);
                total += weights[b];
            }
            double running = 0;
            for (int b = 0; b < AMINO.length(); b++) {
                running += weights[b] / total;
                tables[a][b] = running;
            }
        }
        return tables;
    }
}
