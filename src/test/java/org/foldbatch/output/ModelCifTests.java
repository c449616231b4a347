package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.foldbatch.IntegrationTest;
import org.foldbatch.output.StructureLayout.Atom;
import org.foldbatch.output.StructureLayout.Bond;
import org.foldbatch.output.StructureLayout.Chain;
import org.foldbatch.output.StructureLayout.ChemComp;
import org.foldbatch.output.StructureLayout.Residue;
import org.foldbatch.structure.MmcifStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCifTests {

    private static final Path GEMMI = Path.of("/usr/bin/gemmi");
    private static final Path PDBX_DIC = Path.of("/usr/share/libcifpp/mmcif_pdbx.dic");

    /** Protein A (GLY-SER-MSE, MSE being non-standard) with a bond from SER OG to ligand B (ethanol, EOH). */
    static StructureLayout proteinAndLigand() {
        var atoms = new ArrayList<Atom>();
        for (var name : List.of("N", "CA", "C", "O")) {
            atoms.add(new Atom(0, 1, name, name.substring(0, 1)));
        }
        for (var name : List.of("N", "CA", "C", "O", "CB", "OG")) {
            atoms.add(new Atom(0, 2, name, name.substring(0, 1)));
        }
        for (var name : List.of("N", "CA", "C", "O", "CB", "CG", "SE", "CE", "OXT")) {
            atoms.add(new Atom(0, 3, name, name.equals("SE") ? "SE" : name.substring(0, 1)));
        }
        atoms.add(new Atom(1, 1, "C1", "C"));
        atoms.add(new Atom(1, 1, "C2", "C"));
        atoms.add(new Atom(1, 1, "O", "O"));
        var chains = List.of(TestLayouts.protein("A", "GLY", "SER", "MSE"),
                new Chain("B", ChainKind.LIGAND, List.of(new Residue(1, "EOH"))));
        return new StructureLayout("prot_lig", chains, new int[] {0, 0, 0, 1, 1, 1}, new int[] {1, 2, 3, 1, 1, 1},
                new boolean[] {true, true, true, true, true, true}, atoms, List.of(new Bond(9, 19)),
                List.of(new ChemComp("EOH", "non-polymer", "ETHANOL", "C2 H6 O", "46.068", ".", "CCO", "?")));
    }

    static SampleResult sample(StructureLayout layout) {
        int a = layout.numAtoms();
        int t = layout.numTokens();
        var plddt = new float[a];
        for (int i = 0; i < a; i++) {
            plddt[i] = 50f + i * 1.255f;
        }
        var positions = new float[a][];
        for (int i = 0; i < a; i++) {
            positions[i] = new float[] {1.5f * i - 10.0005f, (i % 3) * 1.25f, 0.125f * i - 0.0625f};
        }
        return new SampleResult(1, 0, positions, plddt, TestLayouts.constant(t, 2f), TestLayouts.constant(t, 0.5f),
                TestLayouts.constant(t, 0.5f), TestLayouts.constant(t, 0.5f));
    }

    private static String write() {
        var layout = proteinAndLigand();
        return ModelCif.write(layout, sample(layout), ModelCif.Metadata.of("0.1.0", "2026-01-01 00:00:00"));
    }

    @Test
    void atomSiteFollowsAf3Conventions() {
        var cif = write();
        assertThat(cif).startsWith("data_prot_lig\n#\n_entry.id prot_lig\n#\n");
        var atomLines = cif.lines().filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).toList();
        assertThat(atomLines).hasSize(22);
        // -10.0005f is -10.000499725... in float32, so C-style rounding of the exact value gives -10.000;
        // 0.125 * 0 - 0.0625 = -0.0625 rounds half-even to -0.062; pLDDT 50 is written 50.00.
        assertThat(atomLines.get(0).split(" +")).containsExactly("ATOM", "1", "N", "N", ".", "GLY", "A", "1", "1",
                "?", "-10.000", "0.000", "-0.062", "1.00", "50.00", "1", "A", "1");
        assertThat(atomLines.get(10).split(" +")).startsWith("HETATM", "11", "N", "N", ".", "MSE", "A", "1", "3");
        assertThat(atomLines.get(19).split(" +")).startsWith("HETATM", "20", "C", "C1", ".", "EOH", "B", "2", ".");
        assertThat(atomLines).allMatch(l -> l.endsWith(" "));
        assertThat(cif).contains("_struct_conn.ptnr1_label_atom_id     OG\n");
        assertThat(cif).contains("_struct_conn.ptnr2_label_seq_id      .\n");
        // Mean of the 22 written B-factors 50.00 + 1.255 i (i = 0..21) is 63.1775 before rounding of each value.
        assertThat(cif).contains("_ma_qa_metric_global.metric_value 63.18\n");
        assertThat(cif).contains("B EOH . 2 75.10 1 4 \n");
        assertThat(cif).doesNotContain("DeepMind Structure Class").doesNotContain("OUTPUT_TERMS_OF_USE");
        assertThat(cif).endsWith("#\n");
    }

    @Test
    void readsBackWithTheSameChainsResiduesAndAtoms() {
        var layout = proteinAndLigand();
        var read = MmcifStructure.fromString(write(), "model.cif", MmcifStructure.Options.AS_IS);
        assertThat(read.chains()).extracting(MmcifStructure.Chain::labelId).containsExactly("A", "B");
        assertThat(read.chains()).extracting(MmcifStructure.Chain::entityId).containsExactly("1", "2");
        assertThat(read.chains().get(0).residues()).extracting(MmcifStructure.Residue::name)
                .containsExactly("GLY", "SER", "MSE");
        int atoms = read.chains().stream().flatMap(c -> c.residues().stream()).mapToInt(r -> r.atoms().size()).sum();
        assertThat(atoms).isEqualTo(layout.numAtoms());
    }

    @Test
    @IntegrationTest
    void gemmiValidatesAndCountsTheModel(@TempDir Path dir) throws Exception {
        boolean haveGemmi = Files.isExecutable(GEMMI) && Files.isRegularFile(PDBX_DIC);
        assumeTrue(haveGemmi || !"true".equals(System.getenv("CI")), "gemmi or the PDBx dictionary is missing");
        assertThat(haveGemmi).as("gemmi and %s are required when CI=true", PDBX_DIC).isTrue();
        Path file = dir.resolve("prot_lig_model.cif");
        Files.writeString(file, write());

        var validate = run(GEMMI.toString(), "validate", "-d", PDBX_DIC.toString(), file.toString());
        // Allowed: ModelCIF (ma_*) items, which the PDBx dictionary does not define; missing mandatory items (AF3
        // writes no _pdbx_nonpoly_scheme.ndb_seq_num either); the dictionary's note on _chem_comp.pdbx_smiles.
        var problems = validate.lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("Note: unknown tag in prot_lig: _ma_"))
                .filter(l -> !l.startsWith("Category not in the dictionary: ma_"))
                .filter(l -> !l.startsWith("Missing mandatory tag: ") && !l.startsWith("Missing category key: "))
                .filter(l -> !l.endsWith("_chem_comp.pdbx_smiles is for pdb internal use"))
                .toList();
        assertThat(problems).as(validate).isEmpty();

        // gemmi residues: one line per residue, "chain seqnum name atom atom ...", after the file name.
        var layout = proteinAndLigand();
        var residues = run(GEMMI.toString(), "residues", file.toString()).lines()
                .filter(l -> l.matches("^\\S+ +\\d+ +\\S+ .*")).map(l -> l.trim().split(" +")).toList();
        int residueCount = layout.chains().stream().mapToInt(c -> c.residues().size()).sum();
        assertThat(residues).hasSize(residueCount);
        assertThat(residues.stream().map(r -> r[0]).distinct().toList())
                .containsExactlyElementsOf(layout.chains().stream().map(StructureLayout.Chain::id).toList());
        assertThat(residues.stream().mapToInt(r -> r.length - 3).sum()).isEqualTo(layout.numAtoms());
        assertThat(residues.get(2)).containsExactly("A", "3", "MSE", "N", "CA", "C", "O", "CB", "CG", "SE", "CE",
                "OXT");
        var contents = run(GEMMI.toString(), "contents", file.toString());
        var heavy = contents.lines().filter(l -> l.contains("Heavy (not H) atom count:")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(heavy.replaceAll(".*:", "").trim())).isEqualTo(layout.numAtoms());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
