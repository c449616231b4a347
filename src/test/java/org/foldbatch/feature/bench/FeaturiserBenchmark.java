package org.foldbatch.feature.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;

/**
 * Featurisation time for a 1,024-token protein complex (A2B2 heterotetramer, 256 residues per chain) whose chains
 * each carry a 5,000-row unpaired MSA and a 5,000-row paired MSA over 50 species, so pairing runs too.
 * Run: {@code mvn -q test-compile exec:java} or from the IDE with the repository root as working directory.
 */
public final class FeaturiserBenchmark {

    private static final String AMINO_ACIDS = "ARNDCQEGHILKMFPSTWYV";

    private FeaturiserBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Random random = new Random(42);
        String a = randomSequence(random, 256);
        String b = randomSequence(random, 256);
        List<ProteinChain> chains = List.of(chain("A", a, rows, random), chain("B", b, rows, random),
                chain("C", a, rows, random), chain("D", b, rows, random));
        FoldInput input = FoldInput.of("bench", List.of(1L), chains);
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(ccd));
        for (int i = 0; i <= iterations; i++) {
            long start = System.nanoTime();
            FeatureBatch batch = featuriser.featurise(input, i + 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d tokens (padded %d), %d MSA rows, featurised in %.2f s%n",
                    i == 0 ? "warm-up" : "run " + i, batch.tokenCount(), batch.get("token_index").shape()[0],
                    batch.get("num_alignments").ints()[0], seconds);
        }
    }

    private static ProteinChain chain(String id, String sequence, int rows, Random random) {
        StringBuilder unpaired = new StringBuilder(">query\n").append(sequence).append('\n');
        StringBuilder paired = new StringBuilder(">query\n").append(sequence).append('\n');
        for (int r = 1; r < rows; r++) {
            unpaired.append(">hit").append(r).append('\n').append(mutate(sequence, random)).append('\n');
            paired.append(">tr|A0A").append(String.format("%06d", r)).append("|X").append(r).append("_SP")
                    .append(r % 50).append('\n').append(mutate(sequence, random)).append('\n');
        }
        return new ProteinChain(id, sequence, List.of(), null, unpaired.toString(), paired.toString(), List.of());
    }

    private static String randomSequence(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(AMINO_ACIDS.charAt(random.nextInt(AMINO_ACIDS.length())));
        }
        return out.toString();
    }

    private static String mutate(String sequence, Random random) {
        List<String> columns = new ArrayList<>(sequence.length());
        for (int i = 0; i < sequence.length(); i++) {
            double roll = random.nextDouble();
            if (roll < 0.1) {
                columns.add("-");
            } else if (roll < 0.15) {
                columns.add(sequence.charAt(i) + "ak");
            } else if (roll < 0.4) {
                columns.add(String.valueOf(AMINO_ACIDS.charAt(random.nextInt(AMINO_ACIDS.length()))));
            } else {
                columns.add(String.valueOf(sequence.charAt(i)));
            }
        }
        return String.join("", columns);
    }
}
