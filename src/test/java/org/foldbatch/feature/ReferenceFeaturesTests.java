package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;

class ReferenceFeaturesTests {

    static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));

    static double distance(float[] pos, int slotA, int slotB) {
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            double d = pos[slotA * 3 + a] - pos[slotB * 3 + a];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    @Test
    void conformersHaveChemicalGeometryAndDependOnlyOnTheSeed() {
        FoldInput input = FoldInput.of("ref", List.of(1L), List.of(ProteinChain.of("A", "GASGA"),
                Ligand.ofCcd("B", "ATP")));
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null));

        float[] first = featuriser.featurise(input, 11).get("ref_pos").floats();
        float[] again = featuriser.featurise(input, 11).get("ref_pos").floats();
        float[] other = featuriser.featurise(input, 12).get("ref_pos").floats();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // SER (token 2): N-CA and CA-C bonds, N...C across CA.
        int ser = 2 * 24;
        assertThat(distance(first, ser, ser + 1)).isBetween(1.40, 1.52);
        assertThat(distance(first, ser + 1, ser + 2)).isBetween(1.47, 1.58);
        assertThat(distance(first, ser, ser + 2)).isBetween(2.3, 2.6);
        // ATP PG-O1G (first two heavy atoms) is a P-O bond.
        int atp = 5 * 24;
        assertThat(distance(first, atp, atp + 24)).isBetween(1.4, 1.65);
    }

    @Test
    void conformersAreCachedPerComponentAndSeed() {
        List<String> generated = new ArrayList<>();
        ConformerCache inner = ConformerCache.inMemory();
        ConformerCache counting = new ConformerCache() {
            @Override
            public Optional<Conformer> get(String key, long seed) {
                return inner.get(key, seed);
            }

            @Override
            public void put(String key, long seed, Conformer conformer) {
                generated.add(key.substring(0, key.indexOf(':')));
                inner.put(key, seed, conformer);
            }
        };
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null)
                .withConformerCache(counting));
        FoldInput input = FoldInput.of("cache", List.of(1L), List.of(ProteinChain.of("A", "GAS")));

        featuriser.featurise(input, 5);
        int afterFirst = generated.size();
        featuriser.featurise(input, 5);

        // 3 residues for the seed plus 3 for the fixed-seed frames reference.
        assertThat(afterFirst).isEqualTo(6);
        assertThat(generated).hasSize(6).contains("GLY", "ALA", "SER");
    }

    @Test
    void failedConformerFallsBackToIdealCoordinates() {
        ChemComp so4 = CCD.find("SO4").orElseThrow();
        ChemComp broken = new ChemComp("XX4", "broken", "NON-POLYMER", null, null,
                so4.atoms().stream().map(a -> new ChemComp.Atom(a.name(), "Xx", a.charge(), false, a.ideal(),
                        a.model())).toList(), so4.bonds());
        String cif = "data_XX4\n_chem_comp.id XX4\n_chem_comp.name broken\n_chem_comp.type NON-POLYMER\n"
                + "_chem_comp.formula ?\n_chem_comp.mon_nstd_parent_comp_id ?\n_chem_comp.pdbx_synonyms ?\n"
                + "_chem_comp.formula_weight ?\nloop_\n_chem_comp_atom.comp_id\n"
                + "_chem_comp_atom.atom_id\n_chem_comp_atom.type_symbol\n_chem_comp_atom.charge\n"
                + "_chem_comp_atom.pdbx_model_Cartn_x_ideal\n_chem_comp_atom.pdbx_model_Cartn_y_ideal\n"
                + "_chem_comp_atom.pdbx_model_Cartn_z_ideal\nXX4 A1 Q 0 0.0 0.0 0.0\nXX4 A2 Q 0 3.0 0.0 0.0\n"
                + "XX4 A3 Q 0 0.0 4.0 0.0\nloop_\n_chem_comp_bond.atom_id_1\n_chem_comp_bond.atom_id_2\n"
                + "_chem_comp_bond.value_order\n_chem_comp_bond.pdbx_aromatic_flag\nA1 A2 SING N\nA1 A3 SING N\n";
        FoldInput input = new FoldInput("fallback", List.of(1L), List.of(Ligand.ofCcd("L", "XX4")), List.of(),
                cif);
        assertThat(Conformers.generate(broken, 1).generated()).isFalse();

        FeatureBatch batch = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null)).featurise(input, 3);

        float[] pos = batch.get("ref_pos").floats();
        assertThat(distance(pos, 0, 24)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(distance(pos, 24, 48)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(batch.get("ref_element").ints()[0]).isZero();
    }

    /**
     * A SMILES ligand whose conformer failed falls back as AlphaFold 3's does: its RDKit-built entry has no
     * coordinates, so every atom is at 0 before augmentation, i.e. all at one random point after it. The failure is
     * the one the conformer cache records when generation fails (a null conformer), for the ligand's own key.
     */
    @Test
    void aSmilesLigandWithoutConformerFallsBackToZeros() {
        ChemComp ethanol = SmilesComponent.of("LIG_B", "CCO", "B");
        String key = Conformers.key(ethanol);
        ConformerCache failed = new ConformerCache() {
            @Override
            public Optional<Conformer> get(String componentKey, long seed) {
                return componentKey.equals(key) ? Optional.of(new Conformer(null)) : Optional.empty();
            }

            @Override
            public void put(String componentKey, long seed, Conformer conformer) {
            }
        };
        FoldInput input = FoldInput.of("smiles", List.of(1L), List.of(ProteinChain.of("A", "GA"),
                Ligand.ofSmiles("B", "CCO")));

        float[] fallback = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null)
                .withConformerCache(failed)).featurise(input, 5).get("ref_pos").floats();
        float[] generated = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null))
                .featurise(input, 5).get("ref_pos").floats();

        // tokens 0-1 are GA, 2-4 the ligand's C1, C2, O1 (slot 0 of each token)
        assertThat(distance(fallback, 2 * 24, 3 * 24)).isZero();
        assertThat(distance(fallback, 2 * 24, 4 * 24)).isZero();
        assertThat(distance(generated, 2 * 24, 3 * 24)).isBetween(1.4, 1.65);
        // the protein's conformers are untouched by the ligand's fallback
        assertThat(java.util.Arrays.copyOfRange(fallback, 0, 2 * 24 * 3))
                .containsExactly(java.util.Arrays.copyOfRange(generated, 0, 2 * 24 * 3));
    }
}
