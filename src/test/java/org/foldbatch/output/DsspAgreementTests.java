package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.foldbatch.IntegrationTest;
import org.foldbatch.constants.ResidueNames;
import org.foldbatch.structure.MmcifStructure;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RelativeAsa}'s ACC against Debian's mkdssp 4.2.2 (the DSSP build the AF3 goldens were made with), run as
 * AlphaFold 3 runs it: each protein chain alone written as mmCIF, legacy DSSP output, ACC from columns 35-38. Besides
 * each reference case's own structure, seeded variants move every atom by Gaussian noise of up to 3 Å (odd seeds also
 * shrink the chain by a fifth), so buried, touching and overlapping atoms are all exercised; every residue's ACC must
 * be equal, and so must the relative ASA AlphaFold 3 derives from DSSP's one-letter code.
 */
@IntegrationTest
class DsspAgreementTests {

    private static final int VARIANTS = 6;

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Path>> cases() {
        return ConfidenceParityTests.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void accessibilityEqualsMkdssp(Path file, @TempDir Path dir) throws Exception {
        var c = ConfidenceCase.read(file);
        var layout = c.layout();
        float[][] predicted = c.run().atomPositions();
        int residues = 0;
        for (int seed = 0; seed < VARIANTS; seed++) {
            float[][] positions = variant(predicted, seed);
            for (int chain = 0; chain < layout.chains().size(); chain++) {
                if (layout.chains().get(chain).type() != ChainKind.PROTEIN) {
                    continue;
                }
                List<DsspRow> dssp = mkdssp(chainAsMmcif(layout, chain, positions), dir);
                var ours = RelativeAsa.accessibility(layout, chain, positions);
                String what = "chain " + layout.chains().get(chain).id() + ", variant " + seed;
                assertThat(ours.stream().map(RelativeAsa.ResidueArea::acc).toList()).as("ACC of " + what)
                        .isEqualTo(dssp.stream().map(DsspRow::acc).toList());
                assertThat(ours.stream().map(RelativeAsa.ResidueArea::relative).toList()).as("rASA of " + what)
                        .isEqualTo(dssp.stream().map(DsspRow::relative).toList());
                residues += dssp.size();
            }
        }
        assertThat(residues).as("residues compared").isPositive();
    }

    // Noise scale 0.6 Å per seed step; coordinates rounded to the 3 decimals an mmCIF carries.
    private static float[][] variant(float[][] positions, int seed) {
        var random = new Random(seed);
        double scale = seed * 0.6;
        double shrink = seed % 2 == 0 ? 1.0 : 0.8;
        var out = new float[positions.length][3];
        for (int a = 0; a < out.length; a++) {
            for (int d = 0; d < 3; d++) {
                out[a][d] = Math.round((positions[a][d] * shrink + random.nextGaussian() * scale) * 1000) / 1000f;
            }
        }
        return out;
    }

    /** One protein chain renamed to A, as AlphaFold 3 hands it to DSSP. */
    private static String chainAsMmcif(StructureLayout layout, int chain, float[][] positions) {
        var residues = new ArrayList<MmcifStructure.Residue>();
        for (var r : layout.chains().get(chain).residues()) {
            var atoms = new ArrayList<MmcifStructure.Atom>();
            for (int a = 0; a < layout.numAtoms(); a++) {
                var atom = layout.atoms().get(a);
                if (atom.chain() == chain && atom.residueId() == r.id()) {
                    float[] p = positions[a];
                    atoms.add(new MmcifStructure.Atom(atom.name(), atom.element(), p[0], p[1], p[2], 1.0, 0.0));
                }
            }
            residues.add(new MmcifStructure.Residue(r.id(), r.name(), Integer.toString(r.id()), ".", atoms));
        }
        var structure = new MmcifStructure(layout.name(), null, null, List.of(),
                List.of(new MmcifStructure.Chain("A", "A", "1", ".", "polypeptide(L)", true, residues)), List.of());
        return structure.toMmcif();
    }

    /** One residue row of DSSP's legacy output. */
    private record DsspRow(char aa, int acc) {
        /** As AlphaFold 3 computes it: the maximum area of the residue DSSP's letter names (ALA for others). */
        double relative() {
            String name = ResidueNames.PROTEIN_ONE_TO_THREE.getOrDefault(aa, "ALA");
            return Math.min(1.0, acc / RelativeAsa.MAX_ASA.get(name));
        }
    }

    /** Rows from mkdssp's legacy output, chain-break rows ({@code !}) skipped as AlphaFold 3 skips them. */
    private static List<DsspRow> mkdssp(String mmcif, Path dir) throws IOException, InterruptedException {
        Path in = dir.resolve("chain.cif");
        Path out = dir.resolve("chain.dssp");
        Files.writeString(in, mmcif);
        Process p = new ProcessBuilder("mkdssp", "--output-format", "dssp", in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("mkdssp exit status; output: " + log).isZero();
        List<DsspRow> acc = new ArrayList<>();
        boolean rows = false;
        for (String row : Files.readAllLines(out)) {
            if (rows && row.charAt(13) != '!') {
                acc.add(new DsspRow(row.charAt(13), Integer.parseInt(row.substring(34, 38).strip())));
            }
            rows = rows || row.startsWith("  #  RESIDUE");
        }
        assertThat(acc).as("mkdssp residues").isNotEmpty();
        return acc;
    }
}
