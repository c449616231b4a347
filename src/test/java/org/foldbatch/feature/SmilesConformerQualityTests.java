package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * Issue 13 item 5 for SMILES ligands: every SMILES found in the samples, the campaigns and the test resources (input
 * JSON, campaign YAML and {@code .smi} ligand files; campaign SDF ligands are not SMILES) gets,
 * under several model seeds, a generated conformer (not the zero fallback) whose bonds are within 0.1 Å and angles
 * within 10° of standard geometry ({@link StandardGeometry}) and whose stereocentres and double bonds have the CIP
 * labels the SMILES gives them.
 */
class SmilesConformerQualityTests {

    private static final List<Path> ROOTS = List.of(Path.of("samples"), Path.of("jobs"), Path.of("src/test/resources"));
    private static final Pattern JSON_SMILES = Pattern.compile("\"smiles\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    /** A campaign's {@code smiles:} key, block or flow style ({@code {smiles: "CCO", name: ethanol}}). */
    private static final Pattern YAML_SMILES = Pattern.compile("\\bsmiles:\\s*(\"[^\"]*\"|'[^']*'|[^\\s,}]+)");
    private static final long[] MODEL_SEEDS = {1, 42, 1234};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> smiles() {
        TreeSet<String> found = new TreeSet<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".json")) {
                        Matcher m = JSON_SMILES.matcher(Files.readString(file));
                        while (m.find()) {
                            found.add(JSON.readValue(m.group(1), String.class));
                        }
                    } else if (name.endsWith(".smi")) {
                        // a campaign's ligand file: "SMILES name" per line
                        Files.readAllLines(file).stream().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                                .forEach(l -> found.add(l.split("\\s+")[0]));
                    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        Matcher m = YAML_SMILES.matcher(Files.readString(file));
                        while (m.find()) {
                            found.add(m.group(1).replaceAll("^[\"']|[\"']$", ""));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.stream();
    }

    @Test
    void theSamplesHaveSmilesLigands() {
        // biotin (streptavidin example) and ATP (the AlphaFold Server fold job of the parsing samples) at least
        assertThat(smiles().toList()).contains(SmilesLigandFeaturesTests.BIOTIN).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smiles")
    void conformerKeepsStandardGeometryAndTheSmilesStereo(String smiles) {
        ChemComp component = SmilesComponent.of("LIG_Z", smiles, "Z");
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(component);
        SmilesMolecule parsed = SmilesMolecule.of(component, atoms);
        assertThat(parsed).as("OpenChemLib reads %s with the component's heavy atoms", smiles).isNotNull();
        for (long modelSeed : MODEL_SEEDS) {
            ConformerCache.Conformer conformer = Conformers.generate(component,
                    Conformers.seed(Conformers.key(component), modelSeed));
            assertThat(conformer.generated()).as("%s has a conformer under seed %d", smiles, modelSeed).isTrue();

            ConformerGeometry geometry = StandardGeometry.compare(parsed,
                    atoms.stream().map(ChemComp.Atom::name).toList(), conformer.coordinates());
            assertThat(geometry.maxBondDeviation()).as("%s seed %d largest bond deviation (Å)", smiles, modelSeed)
                    .isLessThanOrEqualTo(ConformerGeometry.BOND_TOLERANCE);
            assertThat(geometry.maxAngleDeviation()).as("%s seed %d largest angle deviation (°)", smiles, modelSeed)
                    .isLessThanOrEqualTo(ConformerGeometry.ANGLE_TOLERANCE);
            assertThat(geometry.cipMismatches()).as("%s seed %d CIP labels unlike the SMILES's", smiles, modelSeed)
                    .isEmpty();
        }
    }
}
