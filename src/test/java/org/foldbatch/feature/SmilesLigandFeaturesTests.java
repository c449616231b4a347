package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;

/**
 * SMILES ligands featurised as AlphaFold 3 does with RDKit: one token per heavy atom in SMILES order, atoms named
 * from the graph, RDKit's elements and formal charges, and the intra-ligand bonds gathered in RDKit's bond order
 * (ring closures last), worked out by hand.
 */
class SmilesLigandFeaturesTests {

    static final String BIOTIN = "OC(=O)CCCC[C@@H]1SC[C@@H]2NC(=O)N[C@H]12";

    static FeatureBatch batch;

    @BeforeAll
    static void featurise() {
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        FoldInput input = FoldInput.of("smiles", List.of(1L), List.of(
                new ProteinChain("A", "GAG", List.of(), null, "", "", List.of()),
                Ligand.ofSmiles("B", BIOTIN), Ligand.ofSmiles("C", "[NH3+]CC(=O)[O-]")));
        batch = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(null)).featurise(input, 1);
    }

    @Test
    void oneTokenPerHeavyAtomNamedFromTheGraph() {
        assertThat(batch.tokenCount()).isEqualTo(3 + 16 + 5);
        String[] names = {"O1", "C1", "O2", "C2", "C3", "C4", "C5", "C6", "S1", "C7", "C8", "N1", "C9", "O3", "N2",
            "C10", "N1", "C1", "C2", "O1", "O2"};
        int[] elements = {8, 6, 8, 6, 6, 6, 6, 6, 16, 6, 6, 7, 6, 8, 7, 6, 7, 6, 6, 8, 8};
        int[] chars = batch.get("ref_atom_name_chars").ints();
        int[] element = batch.get("ref_element").ints();
        for (int i = 0; i < names.length; i++) {
            int token = 3 + i;
            assertThat(Arrays.copyOfRange(chars, token * 96, token * 96 + 4)).as(names[i])
                    .containsExactly(UnknownResidueFeaturesTests.nameChars(names[i]));
            assertThat(element[token * 24]).as(names[i]).isEqualTo(elements[i]);
        }
        float[] charge = batch.get("ref_charge").floats();
        assertThat(new float[]{charge[19 * 24], charge[20 * 24], charge[21 * 24], charge[22 * 24], charge[23 * 24]})
                .containsExactly(1f, 0f, 0f, 0f, -1f);
    }

    @Test
    void ligandBondsFollowRdkitsBondOrder() {
        long[] idx = batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").longs();
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").shape()).containsExactly(240, 2);
        int[][] biotin = {{0, 1}, {1, 2}, {1, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 8}, {8, 9}, {9, 10}, {10, 11},
            {11, 12}, {12, 13}, {12, 14}, {14, 15}, {15, 7}, {15, 10}};
        int[][] glycine = {{0, 1}, {1, 2}, {2, 3}, {2, 4}};
        long[] expected = new long[(biotin.length + glycine.length) * 2];
        for (int b = 0; b < biotin.length; b++) {
            expected[2 * b] = 3 + biotin[b][0];
            expected[2 * b + 1] = 3 + biotin[b][1];
        }
        for (int b = 0; b < glycine.length; b++) {
            expected[2 * (biotin.length + b)] = 19 + glycine[b][0];
            expected[2 * (biotin.length + b) + 1] = 19 + glycine[b][1];
        }
        assertThat(Arrays.copyOfRange(idx, 0, expected.length)).containsExactly(expected);
        boolean[] mask = batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools();
        assertThat(IntStream.range(0, mask.length).filter(i -> mask[i]).toArray())
                .containsExactly(IntStream.range(0, expected.length).toArray());
    }
}
