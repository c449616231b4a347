package org.foldbatch.output.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.foldbatch.output.ChainKind;
import org.foldbatch.output.Confidences;
import org.foldbatch.output.ConfidencesJson;
import org.foldbatch.output.ModelCif;
import org.foldbatch.output.SampleResult;
import org.foldbatch.output.StructureLayout;
import org.foldbatch.output.SummaryConfidencesJson;

/**
 * Prints timings of the per-sample output work on a synthetic two-chain protein (default 1,000 residues, 8 heavy
 * atoms each, packed at protein density): summary metrics (rASA dominates), the full-confidence JSON and the mmCIF.
 * Run from the repository root:
 * {@code java -cp target/classes:target/test-classes org.foldbatch.output.bench.OutputBench [residues]}.
 */
public final class OutputBench {

    private OutputBench() {
    }

    public static void main(String[] args) {
        int residues = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var random = new SplittableRandom(1);
        var layout = layout(residues);
        int a = layout.numAtoms();
        double side = Math.cbrt(a * 12.0);                 // ~12 Å^3 per heavy atom
        var positions = new float[a][];
        for (int i = 0; i < a; i++) {
            positions[i] = new float[] {(float) random.nextDouble(side), (float) random.nextDouble(side),
                    (float) random.nextDouble(side)};
        }
        var plddt = new float[a];
        for (int i = 0; i < a; i++) {
            plddt[i] = (float) random.nextDouble(100);
        }
        var pae = matrix(residues, random, 30);
        var tm = matrix(residues, random, 1);
        var sample = new SampleResult(1, 0, positions, plddt, pae, tm, tm, matrix(residues, random, 1));

        time("summary metrics", () -> Confidences.summarize(layout, sample));
        var summary = Confidences.summarize(layout, sample);
        time("summary JSON", () -> SummaryConfidencesJson.write(summary));
        time("confidences JSON", () -> ConfidencesJson.write(layout, sample));
        time("model mmCIF", () -> ModelCif.write(layout, sample, ModelCif.Metadata.of("bench", "now")));
    }

    private static void time(String what, Supplier<Object> work) {
        work.get();
        long start = System.nanoTime();
        int runs = 3;
        for (int i = 0; i < runs; i++) {
            work.get();
        }
        System.out.printf(Locale.ROOT, "%-28s %8.1f ms%n", what, (System.nanoTime() - start) / 1e6 / runs);
    }

    private static float[][] matrix(int n, SplittableRandom random, double max) {
        var m = new float[n][n];
        for (float[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = (float) random.nextDouble(max);
            }
        }
        return m;
    }

    private static StructureLayout layout(int n) {
        String[] names = {"N", "CA", "C", "O", "CB", "CG", "CD", "CE"};
        var chains = new ArrayList<StructureLayout.Chain>();
        var atoms = new ArrayList<StructureLayout.Atom>();
        int[] tokenChain = new int[n];
        int[] resIds = new int[n];
        boolean[] frames = new boolean[n];
        for (int c = 0; c < 2; c++) {
            var residues = new ArrayList<StructureLayout.Residue>();
            int count = c == 0 ? n / 2 : n - n / 2;
            for (int r = 1; r <= count; r++) {
                residues.add(new StructureLayout.Residue(r, "LYS"));
                for (var name : names) {
                    atoms.add(new StructureLayout.Atom(c, r, name, name.substring(0, 1)));
                }
                int t = c * (n / 2) + r - 1;
                tokenChain[t] = c;
                resIds[t] = r;
                frames[t] = true;
            }
            chains.add(new StructureLayout.Chain(c == 0 ? "A" : "B", ChainKind.PROTEIN, residues));
        }
        return new StructureLayout("bench", chains, tokenChain, resIds, frames, atoms, List.of(), List.of());
    }
}
