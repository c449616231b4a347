package org.foldbatch.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.foldbatch.records.Record;

/**
 * Per-recycle MSA row orders. AlphaFold 3 sorts rows by {@code (has any valid entry − 1)·1e6 + Gumbel noise},
 * descending: rows with data come first in uniformly random order (the query row included), empty rows last. Its
 * JAX random stream is not reproduced here; the distribution is.
 */
public final class MsaShuffle {
    private MsaShuffle() {
    }

    /** One order per pass ({@code num_recycles + 1} passes), each a permutation of all MSA rows. */
    public static List<int[]> orders(Record msaMask, int passes, long seed) {
        int rows = msaMask.shape()[0];
        int cols = msaMask.shape()[1];
        int[] mask = msaMask.ints();
        List<Integer> filled = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            boolean any = false;
            for (int c = 0; c < cols && !any; c++) {
                any = mask[r * cols + c] != 0;
            }
            (any ? filled : empty).add(r);
        }
        Random random = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            List<Integer> shuffled = new ArrayList<>(filled);
            Collections.shuffle(shuffled, random);
            shuffled.addAll(empty);
            out.add(shuffled.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
