package org.foldbatch.pipeline;

import java.util.Arrays;
import java.util.Random;

/** What the data-pipeline benchmarks measure with: medians of repeated timings and synthetic MSAs of a given size. */
public final class BenchFigures {

    private static final String ALIGNMENT_ALPHABET = "ACDEFGHIKLMNPQRSTVWY-";

    private BenchFigures() {
    }

    /** The median of {@code values} (the upper one of an even count). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A protein A3M of {@code rows} random aligned rows of {@code width} columns; the same text on every call. */
    public static String syntheticA3m(int rows, int width) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(rows * (width + 40));
        for (int r = 0; r < rows; r++) {
            sb.append(">hit").append(r).append(" synthetic row\n");
            for (int c = 0; c < width; c++) {
                sb.append(ALIGNMENT_ALPHABET.charAt(random.nextInt(ALIGNMENT_ALPHABET.length())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
