package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AF3's {@code has_clash}: among polymer atoms (protein, RNA, DNA), an atom clashes when another polymer atom lies
 * within 1.1 Å and is in another chain or more than one residue away in the same chain; the structure clashes when
 * some chain has more than 100 clashing atoms or more than half of its atoms clashing.
 */
public final class Clashes {

    static final double CUTOFF = 1.1;
    static final int MIN_CLASHES = 100;
    static final double MIN_FRACTION = 0.5;

    private Clashes() {
    }

    public static boolean hasClash(StructureLayout layout, float[][] positions) {
        List<Integer> polymerAtoms = new ArrayList<>();
        for (int a = 0; a < layout.numAtoms(); a++) {
            if (layout.chains().get(layout.atoms().get(a).chain()).type().polymer()) {
                polymerAtoms.add(a);
            }
        }
        if (polymerAtoms.isEmpty()) {
            return false;
        }
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int a : polymerAtoms) {
            grid.computeIfAbsent(cell(positions[a]), k -> new ArrayList<>()).add(a);
        }
        int numChains = layout.chains().size();
        int[] atomsPerChain = new int[numChains];
        int[] clashesPerChain = new int[numChains];
        double cutoff2 = CUTOFF * CUTOFF;
        for (int a : polymerAtoms) {
            var atom = layout.atoms().get(a);
            atomsPerChain[atom.chain()]++;
            if (clashes(a, atom, layout, positions, grid, cutoff2)) {
                clashesPerChain[atom.chain()]++;
            }
        }
        for (int c = 0; c < numChains; c++) {
            if (atomsPerChain[c] == 0) {
                continue;
            }
            double fraction = (double) clashesPerChain[c] / atomsPerChain[c];
            if (clashesPerChain[c] > MIN_CLASHES || fraction > MIN_FRACTION) {
                return true;
            }
        }
        return false;
    }

    private static boolean clashes(int a, StructureLayout.Atom atom, StructureLayout layout, float[][] positions,
                                   Map<Long, List<Integer>> grid, double cutoff2) {
        float[] p = positions[a];
        long cx = cellIndex(p[0]);
        long cy = cellIndex(p[1]);
        long cz = cellIndex(p[2]);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (long dz = -1; dz <= 1; dz++) {
                    var bucket = grid.get(key(cx + dx, cy + dy, cz + dz));
                    if (bucket == null) {
                        continue;
                    }
                    for (int b : bucket) {
                        var other = layout.atoms().get(b);
                        boolean apart = other.chain() != atom.chain()
                                || Math.abs(other.residueId() - atom.residueId()) > 1;
                        if (apart && distance2(p, positions[b]) <= cutoff2) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static double distance2(float[] p, float[] q) {
        double dx = (double) p[0] - q[0];
        double dy = (double) p[1] - q[1];
        double dz = (double) p[2] - q[2];
        return dx * dx + dy * dy + dz * dz;
    }

    private static long cellIndex(float v) {
        return (long) Math.floor(v / CUTOFF);
    }

    private static long cell(float[] p) {
        return key(cellIndex(p[0]), cellIndex(p[1]), cellIndex(p[2]));
    }

    private static long key(long x, long y, long z) {
        return ((x & 0x1FFFFF) << 42) | ((y & 0x1FFFFF) << 21) | (z & 0x1FFFFF);
    }
}
