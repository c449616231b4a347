package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.foldbatch.feature.BuiltStructure;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.Modification;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.CifReader;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;

/**
 * Featurise a small input, fabricate network-shaped outputs (dense per-token atoms padded to the bucket, logits),
 * gather them to the output layout and write AF3's files; the model mmCIF must pass gemmi's validation and list
 * exactly the input's chains, residues and CCD atoms at the fabricated coordinates.
 */
@IntegrationTest
class OutputEndToEndTests {

    private static final Path GEMMI = Path.of("/usr/bin/gemmi");
    private static final Path PDBX_DIC = Path.of("/usr/share/libcifpp/mmcif_pdbx.dic");
    private static final int SLOTS = 24;

    /** Where the fabricated model puts an atom: CCD ideal coordinates (graph order for SMILES) shifted per residue. */
    static double[] position(String chainId, int chainIndex, int residueId, ChemComp component, String atomName) {
        double[] base = null;
        var atoms = component.atoms();
        for (int i = 0; i < atoms.size(); i++) {
            if (atoms.get(i).name().equals(atomName)) {
                base = atoms.get(i).ideal() != null ? atoms.get(i).ideal() : new double[]{1.4 * i, 0.3 * (i % 2), 0};
            }
        }
        assertThat(base).as("%s %d %s", chainId, residueId, atomName).isNotNull();
        return new double[]{base[0] + 7.0 * residueId, base[1] + 25.0 * chainIndex, base[2]};
    }

    /** A pLDDT bin tied to the atom's identity, so a value read from another slot shows. */
    static int plddtBin(String chainId, int residueId, String atomName) {
        return Math.floorMod((chainId + "/" + residueId + "/" + atomName).hashCode(), HeadReadouts.PLDDT_BINS);
    }

    @Test
    void fabricatedNetworkOutputsBecomeAValidModelOfTheInput(@TempDir Path dir) throws Exception {
        boolean haveGemmi = Files.isExecutable(GEMMI) && Files.isRegularFile(PDBX_DIC);
        assumeTrue(haveGemmi || !"true".equals(System.getenv("CI")), "gemmi or the PDBx dictionary is missing");
        assertThat(haveGemmi).as("gemmi and %s are required when CI=true", PDBX_DIC).isTrue();

        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        var protein = new ProteinChain("A", "GAKGSA", List.of(new Modification("MLY", 3)), null, "", "", List.of());
        FoldInput input = new FoldInput("end to end", List.of(11L), List.of(Ligand.ofCcd("B", "SO4"), protein,
                RnaChain.of("C", "AGU"), Ligand.ofSmiles("D", "OCC(Cl)=O"), Ligand.ofCcd("E", "ZN")),
                List.of(new BondedAtomPair(new BondAtom("B", 1, "S"), new BondAtom("A", 5, "OG"))), null);
        FeatureBatch batch = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(List.of(64)))
                .featurise(input, 11);
        int n = batch.get("token_index").shape()[0];
        int t = batch.tokenCount();
        assertThat(n).isGreaterThan(t);

        // Network-shaped outputs: dense atoms over all N tokens; padding holds values that must never be read.
        BuiltStructure built = BuiltStructure.of(input, ccd);
        float[][][] positions = new float[n][SLOTS][3];
        float[][][] plddtLogits = new float[n][SLOTS][HeadReadouts.PLDDT_BINS];
        for (float[][] token : positions) {
            for (float[] slot : token) {
                Arrays.fill(slot, 9999f);
            }
        }
        for (int k = 0; k < t; k++) {
            var token = built.tokens().get(k);
            var chain = built.chains().get(token.chain());
            var residue = chain.residues().get(token.residueId() - 1);
            for (int s = 0; s < SLOTS; s++) {
                String name = token.slots().get(s);
                if (name.isEmpty()) {
                    continue;
                }
                double[] p = position(chain.id(), token.chain(), residue.id(), residue.component(), name);
                positions[k][s] = new float[]{(float) p[0], (float) p[1], (float) p[2]};
                plddtLogits[k][s][plddtBin(chain.id(), residue.id(), name)] = 30f;
            }
        }
        float[][][] paeLogits = new float[n][n][HeadReadouts.PAE_BINS];
        float[][] contacts = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i < t && j < t) {
                    paeLogits[i][j][Math.min(Math.abs(i - j), HeadReadouts.PAE_BINS - 1)] = 30f;
                    contacts[i][j] = 1f / (1 + Math.abs(i - j));
                } else {
                    Arrays.fill(paeLogits[i][j], Float.NaN);
                    contacts[i][j] = Float.NaN;
                }
            }
        }

        StructureLayout layout = OutputStructures.layout(input, ccd, batch);
        DenseToFlat gather = OutputStructures.denseToFlat(input, ccd);
        gather.checkFits(layout);
        float[] seqMask = new float[n];
        int[] asym = new int[n];
        for (int i = 0; i < t; i++) {
            seqMask[i] = 1f;
            asym[i] = layout.tokenChain()[i] + 1;
        }
        var sample = HeadReadouts.of(flat(paeLogits), flat(plddtLogits), null, seqMask, asym)
                .sample(gather, 11, 0, flat(positions), flat(new float[][][] {contacts}));
        var out = OutputLayout.of(dir, layout.name());
        var writer = new PredictionWriter(out, layout, ModelCif.Metadata.of("test", "2026-01-01 00:00:00"));
        writer.writeRanking(List.of(writer.writeSample(sample)));
        Path model = out.topModelCif();
        assertThat(model).isRegularFile();
        assertThat(Files.readString(out.topConfidences())).doesNotContain("NaN");

        var validate = run(GEMMI.toString(), "validate", "-d", PDBX_DIC.toString(), model.toString());
        // Allowed: ModelCIF (ma_*) items the PDBx dictionary does not define, missing mandatory items, and the
        // dictionary's note on _chem_comp.pdbx_smiles.
        var problems = validate.lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.contains("unknown tag in " + layout.name() + ": _ma_"))
                .filter(l -> !l.startsWith("Category not in the dictionary: ma_"))
                .filter(l -> !l.startsWith("Missing mandatory tag: ") && !l.startsWith("Missing category key: "))
                .filter(l -> !l.endsWith("_chem_comp.pdbx_smiles is for pdb internal use"))
                .toList();
        assertThat(problems).as(validate).isEmpty();

        Map<String, List<String>> expectedAtoms = expectedAtoms(ccd);
        var residues = run(GEMMI.toString(), "residues", model.toString()).lines()
                .filter(l -> l.matches("^\\S+ +\\d+ +\\S+ .*")).map(l -> l.trim().split(" +")).toList();
        assertThat(residues.stream().map(r -> r[0]).distinct().toList()).containsExactly("A", "B", "C", "D", "E");
        assertThat(residues).hasSize(6 + 1 + 3 + 1 + 1);
        for (String[] r : residues) {
            String key = r[0] + "/" + r[1] + "/" + r[2];
            assertThat(expectedAtoms).as("residue %s", key).containsKey(key);
            assertThat(Arrays.copyOfRange(r, 3, r.length)).as("atoms of %s", key)
                    .containsExactlyElementsOf(expectedAtoms.get(key));
        }
        int atomCount = expectedAtoms.values().stream().mapToInt(List::size).sum();
        assertThat(residues.stream().mapToInt(r -> r.length - 3).sum()).isEqualTo(atomCount);

        var block = CifReader.read(model);
        var site = block.category("_atom_site").orElseThrow();
        assertThat(site.rowCount()).isEqualTo(atomCount);
        Map<String, Integer> chainIndex = Map.of("A", 0, "B", 1, "C", 2, "D", 3, "E", 4);
        Map<String, ChemComp> smiles = new HashMap<>();
        built.chains().forEach(c -> c.residues().forEach(r -> smiles.put(c.id() + "/" + r.id(), r.component())));
        for (int row = 0; row < site.rowCount(); row++) {
            String chain = site.value("label_asym_id", row);
            int residueId = Integer.parseInt(site.value("auth_seq_id", row));
            String atom = site.value("label_atom_id", row);
            double[] expected = position(chain, chainIndex.get(chain), residueId, smiles.get(chain + "/" + residueId),
                    atom);
            assertThat(Double.parseDouble(site.value("Cartn_x", row))).as("x of %s %d %s", chain, residueId, atom)
                    .isCloseTo(expected[0], within(0.0011));
            assertThat(Double.parseDouble(site.value("Cartn_y", row))).isCloseTo(expected[1], within(0.0011));
            assertThat(Double.parseDouble(site.value("Cartn_z", row))).isCloseTo(expected[2], within(0.0011));
            assertThat(Double.parseDouble(site.value("B_iso_or_equiv", row))).as("pLDDT of %s %d %s", chain,
                    residueId, atom).isCloseTo(1 + 2 * plddtBin(chain, residueId, atom), within(0.011));
        }
        var conn = block.category("_struct_conn").orElseThrow();
        assertThat(conn.rowCount()).isEqualTo(1);
        assertThat(List.of(conn.value("ptnr1_label_asym_id", 0), conn.value("ptnr1_label_atom_id", 0),
                conn.value("ptnr2_label_asym_id", 0), conn.value("ptnr2_auth_seq_id", 0),
                conn.value("ptnr2_label_atom_id", 0))).containsExactly("B", "S", "A", "5", "OG");
    }

    /** chain/residue id/name → atom names, from the CCD after AF3's rules, independent of the code under test. */
    private static Map<String, List<String>> expectedAtoms(Ccd ccd) {
        Map<String, List<String>> out = new HashMap<>();
        List<String> protein = List.of("GLY", "ALA", "MLY", "GLY", "SER", "ALA");
        for (int i = 0; i < protein.size(); i++) {
            out.put("A/" + (i + 1) + "/" + protein.get(i), heavy(ccd, protein.get(i), i == protein.size() - 1 ? "" : "OXT"));
        }
        out.put("B/1/SO4", heavy(ccd, "SO4", ""));
        List<String> rna = List.of("A", "G", "U");
        for (int i = 0; i < rna.size(); i++) {
            out.put("C/" + (i + 1) + "/" + rna.get(i), heavy(ccd, rna.get(i), i == 0 ? "" : "OP3"));
        }
        out.put("D/1/LIG_D", List.of("O1", "C1", "C2", "CL1", "O2"));
        out.put("E/1/ZN", List.of("ZN"));
        return out;
    }

    private static List<String> heavy(Ccd ccd, String code, String dropped) {
        var names = new ArrayList<String>();
        for (var atom : ccd.find(code).orElseThrow().atoms()) {
            if (!atom.isHydrogen() && !atom.name().equals(dropped)) {
                names.add(atom.name());
            }
        }
        return names;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Row-major copy of a {@code [a][b][c]} array. */
    private static float[] flat(float[][][] m) {
        int a = m.length;
        int b = m[0].length;
        int c = m[0][0].length;
        float[] out = new float[a * b * c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(m[i][j], 0, out, (i * b + j) * c, c);
            }
        }
        return out;
    }
}
