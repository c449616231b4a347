package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;

/**
 * Issue 13 item 5: for every component of the shipped dictionaries, the coordinates {@code ref_pos} is built from
 * (the conformer, or the CCD ideal coordinates when the conformer failed) keep every heavy-atom bond within 0.1 Å and
 * every bond angle within 10° of the CCD ideal geometry, and every stereocentre the CCD labels R or S in
 * {@code pdbx_stereo_config} keeps that CIP label (perceived by OpenChemLib from the 3D coordinates). SMILES ligands,
 * which have no ideal coordinates, are checked against standard geometry by {@link SmilesConformerQualityTests}.
 */
class ConformerQualityTests {

    private static final List<Path> DICTIONARIES = List.of(Path.of("samples/ccd/components-subset.cif"),
            Path.of("samples/ccd/7BU-reconstructed.cif"));

    static Stream<String> components() {
        return DICTIONARIES.stream().flatMap(p -> stereoConfig(p).keySet().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void referenceCoordinatesKeepTheDictionaryGeometryAndStereo(String id) {
        ChemComp component = find(id);
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(component);
        double[][] ideal = Conformers.ideal(atoms);
        assertThat(ideal).as("%s has ideal coordinates", id).isNotNull();

        ConformerCache.Conformer conformer = Conformers.generate(component, Conformers.seed(Conformers.key(component),
                1234));
        double[][] used = conformer.generated() ? conformer.coordinates() : ideal;

        ConformerGeometry geometry = ConformerGeometry.compare(component, atoms, ideal, used);
        assertThat(geometry.maxBondDeviation()).as("%s largest bond deviation (Å)", id)
                .isLessThanOrEqualTo(ConformerGeometry.BOND_TOLERANCE);
        assertThat(geometry.maxAngleDeviation()).as("%s largest angle deviation (°)", id)
                .isLessThanOrEqualTo(ConformerGeometry.ANGLE_TOLERANCE);
        Map<String, String> expected = stereoConfig(DICTIONARIES.stream()
                .filter(p -> stereoConfig(p).containsKey(id)).findFirst().orElseThrow()).get(id);
        int[] labels = ConformerGeometry.cip(component, atoms, used);
        Map<String, String> actual = new HashMap<>();
        for (int i = 0; i < atoms.size(); i++) {
            String label = switch (labels[i]) {
                case 1 -> "R";
                case 2 -> "S";
                default -> "N";
            };
            actual.put(atoms.get(i).name(), label);
        }
        // The CCD's stereocentres: OpenChemLib also labels centres the CCD calls N (a phosphate's P, whose oxygens
        // are equivalent by resonance; the reconstructed 7BU, which labels nothing), so only R and S are compared.
        Map<String, String> stereocentres = new HashMap<>();
        Map<String, String> labelled = new HashMap<>();
        atoms.stream().filter(a -> !"N".equals(expected.get(a.name()))).forEach(a -> {
            stereocentres.put(a.name(), expected.get(a.name()));
            labelled.put(a.name(), actual.get(a.name()));
        });
        assertThat(labelled).as("%s CIP labels of the coordinates used (CCD pdbx_stereo_config)", id)
                .isEqualTo(stereocentres);
    }

    private static ChemComp find(String id) {
        for (Path p : DICTIONARIES) {
            var found = Ccd.load(p).find(id);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** Component id to atom name to pdbx_stereo_config (R, S or N), read from the dictionary file as written. */
    static Map<String, Map<String, String>> stereoConfig(Path file) {
        Map<String, Map<String, String>> byComponent = new java.util.LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        Map<String, String> single = new HashMap<>();
        boolean inAtomLoop = false;
        try {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.startsWith("loop_") || t.startsWith("#") || t.startsWith("data_")) {
                    if (single.containsKey("comp_id")) {
                        byComponent.computeIfAbsent(single.get("comp_id"), k -> new HashMap<>())
                                .put(single.get("atom_id"), single.get("pdbx_stereo_config"));
                    }
                    single.clear();
                    inAtomLoop = false;
                    columns.clear();
                } else if (t.startsWith("_chem_comp_atom.") && tokens(t).size() == 2) {
                    // a one-atom component writes its atom as key-value pairs, not as a loop
                    single.put(tokens(t).get(0).substring("_chem_comp_atom.".length()), tokens(t).get(1));
                } else if (t.startsWith("_chem_comp_atom.")) {
                    inAtomLoop = true;
                    columns.add(t.split("\\s+")[0].substring("_chem_comp_atom.".length()));
                } else if (inAtomLoop && !t.isEmpty() && !t.startsWith("_")) {
                    List<String> values = tokens(t);
                    if (values.size() == columns.size()) {
                        byComponent.computeIfAbsent(values.get(columns.indexOf("comp_id")), k -> new HashMap<>())
                                .put(values.get(columns.indexOf("atom_id")),
                                        values.get(columns.indexOf("pdbx_stereo_config")));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return byComponent;
    }

    /** Whitespace-separated CIF values, with '...' and "..." quoting (atom names such as "O5'"). */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = line.indexOf(c + " ", i + 1);
                end = end < 0 ? line.lastIndexOf(c) : end;
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                out.add(line.substring(i, end));
                i = end;
            }
        }
        return out;
    }
}
