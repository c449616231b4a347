package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.Modification;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;

/** Small inputs whose features are worked out by hand from AlphaFold 3's rules (unpadded, as its test runs). */
class FeaturiserTests {

    static Ccd ccd;
    static Featuriser featuriser;

    @BeforeAll
    static void loadCcd() {
        ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        featuriser = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(null));
    }

    static ProteinChain protein(String id, String sequence, String unpaired, String paired) {
        return new ProteinChain(id, sequence, List.of(), null, unpaired, paired, List.of());
    }

    static int[] row(byte[] msa, int row, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = msa[row * n + i];
        }
        return out;
    }

    @Test
    void proteinMonomer() {
        String unpaired = ">query\nGASGA\n>s1\nGA-GA\n>s2\nGAkSGX\n";
        FoldInput input = FoldInput.of("mono", List.of(1L), List.of(protein("A", "GASGA", unpaired, "")));

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.get("residue_index").ints()).containsExactly(1, 2, 3, 4, 5);
        assertThat(batch.get("token_index").ints()).containsExactly(1, 2, 3, 4, 5);
        assertThat(batch.get("aatype").ints()).containsExactly(7, 0, 15, 7, 0);
        assertThat(batch.get("asym_id").ints()).containsExactly(1, 1, 1, 1, 1);
        assertThat(batch.get("entity_id").ints()).containsExactly(1, 1, 1, 1, 1);
        assertThat(batch.get("sym_id").ints()).containsExactly(1, 1, 1, 1, 1);
        assertThat(batch.get("seq_length").ints()).containsExactly(5);
        assertThat(batch.get("seq_length").shape()).isEmpty();
        assertThat(batch.get("is_protein").bools()).containsExactly(true, true, true, true, true);
        assertThat(batch.get("residue_center_index").ints()).containsExactly(1, 1, 1, 1, 1);
        boolean[] dense = batch.get("pred_dense_atom_mask").bools();
        // GLY N CA C O [OXT dropped]; ALA N CA C O CB [OXT]; SER N CA C O CB OG [OXT]; last ALA keeps OXT.
        assertThat(Arrays.copyOfRange(dense, 0, 6)).containsExactly(true, true, true, true, false, false);
        assertThat(Arrays.copyOfRange(dense, 48, 56)).containsExactly(true, true, true, true, true, true, false, false);
        assertThat(Arrays.copyOfRange(dense, 96, 103)).containsExactly(true, true, true, true, true, true, false);
        assertThat(batch.get("ref_mask").bools()).isEqualTo(dense);
        assertThat(Arrays.copyOfRange(batch.get("ref_element").ints(), 48, 55)).containsExactly(7, 6, 6, 8, 6, 8, 0);
        assertThat(Arrays.copyOfRange(batch.get("ref_atom_name_chars").ints(), 4, 8)).containsExactly(35, 33, 0, 0);
        assertThat(Arrays.copyOfRange(batch.get("ref_space_uid").ints(), 24, 30)).containsOnly(1);

        byte[] msa = batch.get("msa").int8s();
        assertThat(batch.get("msa").shape()).containsExactly(16384, 5);
        assertThat(batch.get("num_alignments").ints()).containsExactly(4);
        assertThat(row(msa, 0, 5)).containsExactly(7, 0, 15, 7, 0);
        assertThat(row(msa, 1, 5)).containsExactly(7, 0, 15, 7, 0);
        assertThat(row(msa, 2, 5)).containsExactly(7, 0, 21, 7, 0);
        assertThat(row(msa, 3, 5)).containsExactly(7, 0, 15, 7, 20);
        assertThat(row(msa, 4, 5)).containsExactly(0, 0, 0, 0, 0);
        assertThat(row(batch.get("deletion_matrix").int8s(), 3, 5)).containsExactly(0, 0, 1, 0, 0);
        boolean[] mask = batch.get("msa_mask").bools();
        assertThat(mask[3 * 5 + 4]).isTrue();
        assertThat(mask[4 * 5]).isFalse();
        float[] profile = batch.get("profile").floats();
        assertThat(profile[2 * 31 + 15]).isEqualTo((float) (2.0 / 3));
        assertThat(profile[2 * 31 + 21]).isEqualTo((float) (1.0 / 3));
        assertThat(profile[4 * 31 + 20]).isEqualTo((float) (1.0 / 3));
        assertThat(batch.get("deletion_mean").doubles()).containsExactly(0, 0, 1.0 / 3, 0, 0);

        assertThat(batch.get("template_aatype").shape()).containsExactly(4, 5);
        assertThat(batch.get("template_aatype").ints()).containsOnly(0);
        assertThat(batch.get("tokens_to_polymer_ligand_bonds:gather_mask").bools()).containsOnly(false);
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").shape()).containsExactly(50, 2);
        // Pseudo-beta: GLY has no CB so CA (slot 1), others CB (slot 4), flat indices into (5, 24).
        assertThat(batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs()).containsExactly(1, 28, 52, 73, 100);
        assertThat(batch.get("token_atoms_to_pseudo_beta:input_shape").longs()).containsExactly(5, 24);
        assertThat(batch.get("frames_mask").bools()).containsOnly(true);
    }

    @Test
    void atomCrossAttentionGathersFollowTheFlatAtomOrder() {
        FoldInput input = FoldInput.of("mono", List.of(1L), List.of(protein("A", "GASGA", "", "")));

        FeatureBatch batch = featuriser.featurise(input, 1);

        // 4 + 5 + 6 + 4 + 6 = 25 atoms; 5 tokens pad to ceil(120 / 32) * 32 = 128 atoms = 4 query blocks.
        long[] toQueries = batch.get("token_atoms_to_queries:gather_idxs").longs();
        assertThat(batch.get("token_atoms_to_queries:gather_idxs").shape()).containsExactly(4, 32);
        assertThat(Arrays.copyOfRange(toQueries, 0, 10)).containsExactly(0, 1, 2, 3, 24, 25, 26, 27, 28, 48);
        boolean[] queryMask = batch.get("token_atoms_to_queries:gather_mask").bools();
        assertThat(queryMask[24]).isTrue();
        assertThat(queryMask[25]).isFalse();
        assertThat(batch.get("tokens_to_queries:gather_idxs").longs()[9]).isEqualTo(2);
        assertThat(batch.get("tokens_to_queries:input_shape").longs()).containsExactly(5);
        // Every key window of a 25-atom system is shifted to start at flat atom 0.
        long[] keys = batch.get("queries_to_keys:gather_idxs").longs();
        assertThat(batch.get("queries_to_keys:gather_idxs").shape()).containsExactly(4, 128);
        assertThat(keys[0]).isEqualTo(0);
        assertThat(keys[24]).isEqualTo(24);
        assertThat(keys[128 + 24]).isEqualTo(24);
        long[] back = batch.get("queries_to_token_atoms:gather_idxs").longs();
        assertThat(Arrays.copyOfRange(back, 24, 30)).containsExactly(4, 5, 6, 7, 8, 0);
        assertThat(batch.get("queries_to_token_atoms:gather_mask").bools()[29]).isFalse();
    }
}
