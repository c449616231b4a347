package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.foldbatch.IntegrationTest;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.foldbatch.output.OutputStructures;
import org.foldbatch.output.StructureLayout;
import org.foldbatch.structure.ccd.Ccd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole fold through the job, with the test-only random weights: every AlphaFold 3 output file is written, and
 * gemmi reads each model mmCIF with the input's chains, residues and atoms.
 */
@IntegrationTest
class FullFoldFunctionalTests {

    private static final Path GEMMI = Path.of("/usr/bin/gemmi");
    private static final Path PDBX_DIC = Path.of("/usr/share/libcifpp/mmcif_pdbx.dic");

    @TempDir
    Path dir;

    @Test
    void aProteinWithAnIonFoldsIntoAlphaFold3sFiles() throws Exception {
        boolean haveGemmi = Files.isExecutable(GEMMI) && Files.isRegularFile(PDBX_DIC);
        assumeTrue(haveGemmi || !"true".equals(System.getenv("CI")), "gemmi or the PDBx dictionary is missing");
        assertThat(haveGemmi).as("gemmi and the PDBx dictionary are required when CI=true").isTrue();
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 3).getParent();
        Path inputFile = dir.resolve("in.json");
        Files.writeString(inputFile, """
                {"dialect": "alphafold3", "version": 4, "name": "pep mg", "modelSeeds": [5, 6],
                 "sequences": [
                   {"protein": {"id": "A", "sequence": "MKVLAGSEFEKLRQTGDELV", "unpairedMsa": "", "pairedMsa": "",
                     "templates": []}},
                   {"ligand": {"id": "B", "ccdCodes": ["MG"]}}]}
                """);
        FoldInput input = new FoldInputLoader().load(inputFile).get(0);
        var properties = FoldbatchTestContext.inference(dir.resolve("data"), model, 2, 2, 0);
        properties.put("foldbatch.inference.save-embeddings", "true");
        properties.put("foldbatch.inference.save-distogram", "true");
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            FoldJobLauncher.Outcome run = ctx.getBean(FoldJobLauncher.class).launch(
                    FoldJobFunctionalTests.stored(input), new FoldJobParameters(input.contentHash(),
                            FoldJobParameters.Stages.INFERENCE_FROM_DATA, out, null));
            assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM fb_sample_result",
                    Integer.class)).isEqualTo(4);
        }

        Path job = out.resolve("pep_mg");
        assertThat(job.resolve("pep_mg_data.json")).isRegularFile();
        for (String top : List.of("_model.cif", "_confidences.json", "_summary_confidences.json",
                "_ranking_scores.csv")) {
            assertThat(job.resolve("pep_mg" + top)).isRegularFile();
        }
        for (long seed : List.of(5L, 6L)) {
            assertThat(job.resolve("seed-" + seed + "_embeddings/pep_mg_seed-" + seed + "_embeddings.npz")).isRegularFile();
            assertThat(job.resolve("seed-" + seed + "_distogram/pep_mg_seed-" + seed + "_distogram.npz")).isRegularFile();
            for (int k = 0; k < 2; k++) {
                String prefix = "seed-" + seed + "_sample-" + k;
                assertThat(job.resolve(prefix).resolve("pep_mg_" + prefix + "_summary_confidences.json")).isRegularFile();
            }
        }
        assertThat(Files.readAllLines(job.resolve("pep_mg_ranking_scores.csv"))).hasSize(5);

        StructureLayout layout = OutputStructures.layout(input, Ccd.load(Path.of("samples/ccd/components-subset.cif")),
                org.foldbatch.output.OutputLayout.of(out, "pep_mg").readFeatures(5));
        List<Path> models;
        try (Stream<Path> files = Files.walk(job)) {
            models = files.filter(p -> p.toString().endsWith("_model.cif")).toList();
        }
        assertThat(models).hasSize(5);
        for (Path cif : models) {
            String problems = gemmi("validate", "-d", PDBX_DIC.toString(), cif.toString()).lines()
                    .filter(l -> !l.isBlank() && !l.contains("_ma_") && !l.contains(" ma_")
                            && !l.startsWith("Missing mandatory tag: ") && !l.startsWith("Missing category key: ")
                            && !l.endsWith("_chem_comp.pdbx_smiles is for pdb internal use"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertThat(problems).as(cif.toString()).isEmpty();
            // gemmi residues: the file name, then "<chain> <seq id> <name> <atom names...>" per residue.
            List<String[]> residues = gemmi("residues", cif.toString()).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.trim().split("\\s+")).toList();
            assertThat(residues.stream().map(r -> r[0]).distinct()).containsExactly("A", "B");
            assertThat(residues.stream().filter(r -> r[0].equals("A"))).hasSize(20);
            assertThat(residues.stream().filter(r -> r[0].equals("B")).map(r -> r[2])).containsExactly("MG");
            assertThat(residues.stream().mapToInt(r -> r.length - 3).sum()).isEqualTo(layout.numAtoms());
            assertThat(countAtoms(cif)).isEqualTo(layout.numAtoms());
        }
    }

    private static long countAtoms(Path cif) throws IOException {
        return Files.readAllLines(cif).stream().filter(l -> l.startsWith("ATOM ") || l.startsWith("HETATM ")).count();
    }

    private static String gemmi(String... args) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of(GEMMI.toString()), Stream.of(args)).toArray(String[]::new);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }
}
