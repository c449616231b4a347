package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Relative solvent accessibility per residue, computed the way DSSP (which AF3 calls through mkdssp) computes its
 * ACC column: a Shrake-Rupley dot count with 401 golden-spiral dots per atom, probe radius 1.4 Å and DSSP's radii
 * (N 1.65, CA 1.87, C 1.76, O 1.4, every other heavy atom 1.8); residues without a full backbone (N, CA, C, O) are
 * left out, as DSSP leaves them out; the per-residue area is rounded to an integer and divided by the Sander &
 * Rost (1994) maximum for the residue type (ALA's for non-standard residues), capped at 1.
 *
 * <p>This is a reimplementation of DSSP's published surface method, not DSSP itself: it was not compared with mkdssp
 * output (mkdssp is not installed here), so the last integer of a residue's area may differ where rounding is close.
 * Cysteines in disulfide bridges are treated as cysteines (DSSP would only lower-case them from {@code struct_conn}
 * disulfide records, which AF3's predicted structures do not carry).
 */
public final class RelativeAsa {

    static final double PROBE = 1.4;
    static final double RADIUS_N = 1.65;
    static final double RADIUS_CA = 1.87;
    static final double RADIUS_C = 1.76;
    static final double RADIUS_O = 1.4;
    static final double RADIUS_SIDE = 1.8;
    private static final double MAX_RADIUS = RADIUS_CA;
    private static final double[][] DOTS = dots(200);
    private static final double DOT_WEIGHT = 4 * Math.PI / DOTS.length;

    static final Map<String, Double> MAX_ASA = Map.ofEntries(Map.entry("ALA", 106.0), Map.entry("ARG", 248.0),
            Map.entry("ASN", 157.0), Map.entry("ASP", 163.0), Map.entry("CYS", 135.0), Map.entry("GLN", 198.0),
            Map.entry("GLU", 194.0), Map.entry("GLY", 84.0), Map.entry("HIS", 184.0), Map.entry("ILE", 169.0),
            Map.entry("LEU", 164.0), Map.entry("LYS", 205.0), Map.entry("MET", 188.0), Map.entry("PHE", 197.0),
            Map.entry("PRO", 136.0), Map.entry("SER", 130.0), Map.entry("THR", 142.0), Map.entry("TRP", 227.0),
            Map.entry("TYR", 222.0), Map.entry("VAL", 142.0));

    private RelativeAsa() {
    }

    /** One relative ASA per residue of the chain with a full backbone, the chain taken on its own. */
    public static double[] ofChain(StructureLayout layout, int chain, float[][] positions) {
        var areas = accessibility(layout, chain, positions);
        var out = new double[areas.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = areas.get(i).relative();
        }
        return out;
    }

    /** DSSP's integer ACC (Å²) of one residue, with the residue's name for the maximum area. */
    public record ResidueArea(int residueId, String name, int acc) {
        /** ACC over the Sander & Rost maximum of the residue type (ALA's for non-standard ones), capped at 1. */
        public double relative() {
            return Math.min(1.0, acc / MAX_ASA.getOrDefault(name, MAX_ASA.get("ALA")));
        }
    }

    /** ACC of each residue of the chain with a full backbone, the chain taken on its own. */
    public static List<ResidueArea> accessibility(StructureLayout layout, int chain, float[][] positions) {
        var residues = residuesWithBackbone(layout, chain, positions);
        List<SurfaceAtom> atoms = new ArrayList<>();
        for (var r : residues) {
            atoms.addAll(r.atoms);
        }
        var grid = new Grid(atoms, 2 * (MAX_RADIUS + PROBE));
        var out = new ArrayList<ResidueArea>(residues.size());
        for (var residue : residues) {
            double area = 0;
            for (var atom : residue.atoms) {
                area += surface(atom, grid);
            }
            out.add(new ResidueArea(residue.id, residue.name, (int) Math.floor(area + 0.5)));
        }
        return out;
    }

    /** Accessible area in Å² of one atom among the others (DSSP's per-atom surface). */
    static double surface(SurfaceAtom atom, Grid grid) {
        double extended = atom.radius + PROBE;
        List<double[]> occluders = new ArrayList<>();
        for (var other : grid.near(atom)) {
            double dx = other.x - atom.x;
            double dy = other.y - atom.y;
            double dz = other.z - atom.z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double reach = extended + other.radius + PROBE;
            if (d2 < reach * reach && d2 > 0.0001) {
                double r = other.radius + PROBE;
                occluders.add(new double[] {dx, dy, dz, r * r, d2});
            }
        }
        occluders.sort((p, q) -> Double.compare(p[4], q[4]));
        int free = 0;
        for (double[] dot : DOTS) {
            double px = dot[0] * extended;
            double py = dot[1] * extended;
            double pz = dot[2] * extended;
            boolean open = true;
            for (int k = 0; open && k < occluders.size(); k++) {
                double[] o = occluders.get(k);
                double ex = px - o[0];
                double ey = py - o[1];
                double ez = pz - o[2];
                open = o[3] < ex * ex + ey * ey + ez * ez;
            }
            if (open) {
                free++;
            }
        }
        return free * DOT_WEIGHT * extended * extended;
    }

    static double[][] dots(int n) {
        int p = 2 * n + 1;
        double golden = (1 + Math.sqrt(5.0)) / 2;
        var out = new double[p][];
        for (int i = -n; i <= n; i++) {
            double lat = Math.asin((2.0 * i) / p);
            double lon = (i % golden) * 2 * Math.PI / golden;
            out[i + n] = new double[] {Math.sin(lon) * Math.cos(lat), Math.cos(lon) * Math.cos(lat), Math.sin(lat)};
        }
        return out;
    }

    record SurfaceAtom(double x, double y, double z, double radius) {
    }

    private record Residue(int id, String name, List<SurfaceAtom> atoms) {
    }

    private static List<Residue> residuesWithBackbone(StructureLayout layout, int chain, float[][] positions) {
        Map<Integer, List<Integer>> atomsByResidue = new java.util.LinkedHashMap<>();
        for (int a = 0; a < layout.numAtoms(); a++) {
            var atom = layout.atoms().get(a);
            if (atom.chain() == chain && !isHydrogen(atom.element())) {
                atomsByResidue.computeIfAbsent(atom.residueId(), k -> new ArrayList<>()).add(a);
            }
        }
        var out = new ArrayList<Residue>();
        for (var e : atomsByResidue.entrySet()) {
            var names = e.getValue().stream().map(a -> layout.atoms().get(a).name()).toList();
            if (!names.containsAll(List.of("N", "CA", "C", "O"))) {
                continue;
            }
            var atoms = new ArrayList<SurfaceAtom>();
            for (int a : e.getValue()) {
                float[] p = positions[a];
                atoms.add(new SurfaceAtom(p[0], p[1], p[2], radius(layout.atoms().get(a).name())));
            }
            out.add(new Residue(e.getKey(), layout.residueName(chain, e.getKey()), atoms));
        }
        return out;
    }

    private static boolean isHydrogen(String element) {
        return element.equalsIgnoreCase("H") || element.equalsIgnoreCase("D");
    }

    private static double radius(String atomName) {
        return switch (atomName) {
            case "N" -> RADIUS_N;
            case "CA" -> RADIUS_CA;
            case "C" -> RADIUS_C;
            case "O" -> RADIUS_O;
            default -> RADIUS_SIDE;
        };
    }

    /** Uniform cell grid so each atom only meets atoms that can touch its probe-extended sphere. */
    static final class Grid {
        private final double cell;
        private final Map<Long, List<SurfaceAtom>> cells = new HashMap<>();

        Grid(List<SurfaceAtom> atoms, double cell) {
            this.cell = cell;
            for (var a : atoms) {
                cells.computeIfAbsent(key(index(a.x), index(a.y), index(a.z)), k -> new ArrayList<>()).add(a);
            }
        }

        List<SurfaceAtom> near(SurfaceAtom a) {
            var out = new ArrayList<SurfaceAtom>();
            long x = index(a.x);
            long y = index(a.y);
            long z = index(a.z);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (long dz = -1; dz <= 1; dz++) {
                        var bucket = cells.get(key(x + dx, y + dy, z + dz));
                        if (bucket != null) {
                            out.addAll(bucket);
                        }
                    }
                }
            }
            return out;
        }

        private long index(double v) {
            return (long) Math.floor(v / cell);
        }

        private static long key(long x, long y, long z) {
            return ((x & 0x1FFFFF) << 42) | ((y & 0x1FFFFF) << 21) | (z & 0x1FFFFF);
        }
    }
}
