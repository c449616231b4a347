package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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

    @Test
    void heterodimerPairsBySpeciesAndDropsUnpairedCopiesOfPairedRows() {
        String pairedA = ">query\nGASGA\n>tr|A0A000AAA1|A1_HUMAN d\nGAAGA\n>tr|B0B000BBB1|B1_MOUSE\nGGSGA\n"
                + ">tr|C0C000CCC1|C1_HUMAN\nAASGA\n";
        String pairedB = ">query\nKLMNP\n>tr|D0D000DDD1|D1_MOUSE\nKLMNA\n>tr|E0E000EEE1|E1_HUMAN\nKLMAP\n"
                + ">tr|F0F000FFF1|F1_YEAST\nALMNP\n";
        FoldInput input = FoldInput.of("dimer", List.of(1L), List.of(
                protein("B", "KLMNP", ">query\nKLMNP\n", pairedB),
                protein("A", "GASGA", ">query\nGASGA\n>u1\nGAAGA\n>u2\nGGGGG\n", pairedA)));

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.get("asym_id").ints()).containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        assertThat(batch.get("entity_id").ints()).containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        assertThat(batch.get("aatype").ints()).containsExactly(7, 0, 15, 7, 0, 11, 10, 12, 2, 14);
        byte[] msa = batch.get("msa").int8s();
        // Query row, then HUMAN (A row 1 + B row 2) and MOUSE (A row 2 + B row 1): equal log-rank, first-seen order.
        assertThat(row(msa, 0, 10)).containsExactly(7, 0, 15, 7, 0, 11, 10, 12, 2, 14);
        assertThat(row(msa, 1, 10)).containsExactly(7, 0, 0, 7, 0, 11, 10, 12, 0, 14);
        assertThat(row(msa, 2, 10)).containsExactly(7, 7, 15, 7, 0, 11, 10, 12, 2, 0);
        // Unpaired: A keeps only GGGGG (its query and GAAGA are paired rows); B's query row is removed too.
        assertThat(row(msa, 3, 10)).containsExactly(7, 7, 7, 7, 7, 21, 21, 21, 21, 21);
        assertThat(batch.get("num_alignments").ints()).containsExactly(4);
        float[] profile = batch.get("profile").floats();
        assertThat(profile[2 * 31 + 15]).isEqualTo((float) (1.0 / 3));
        assertThat(profile[2 * 31 + 0]).isEqualTo((float) (1.0 / 3));
        assertThat(profile[2 * 31 + 7]).isEqualTo((float) (1.0 / 3));
    }

    @Test
    void homodimerIsNotPairedAndSharesTheEntity() {
        FoldInput input = FoldInput.of("homo", List.of(1L), List.of(
                protein("A", "GASGA", "", ">query\nGASGA\n>tr|A0A000AAA1|A1_HUMAN\nGAAGA\n"),
                protein("B", "GASGA", "", "")));

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.get("entity_id").ints()).containsOnly(1);
        assertThat(batch.get("sym_id").ints()).containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        assertThat(batch.get("num_alignments").ints()).containsExactly(2);
    }

    @Test
    void proteinWithCcdLigandAndCovalentBond() {
        FoldInput input = new FoldInput("lig", List.of(1L), List.of(protein("A", "GASGA", "", ""),
                Ligand.ofCcd("B", "SO4")), List.of(new BondedAtomPair(new BondAtom("A", 3, "OG"),
                new BondAtom("B", 1, "S"))), null);

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.tokenCount()).isEqualTo(10);
        assertThat(batch.get("aatype").ints()).containsExactly(7, 0, 15, 7, 0, 20, 20, 20, 20, 20);
        assertThat(batch.get("residue_index").ints()).containsExactly(1, 2, 3, 4, 5, 1, 1, 1, 1, 1);
        assertThat(batch.get("is_ligand").bools()).containsExactly(false, false, false, false, false,
                true, true, true, true, true);
        assertThat(batch.get("entity_id").ints()).containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        int[] element = batch.get("ref_element").ints();
        assertThat(new int[]{element[5 * 24], element[6 * 24], element[9 * 24], element[9 * 24 + 1]})
                .containsExactly(16, 8, 8, 0);
        assertThat(batch.get("ref_charge").floats()[8 * 24]).isEqualTo(-1f);
        assertThat(batch.get("ref_space_uid").ints()[9 * 24]).isEqualTo(5);
        assertThat(batch.get("residue_center_index").ints()).containsExactly(1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        long[] plIdx = batch.get("tokens_to_polymer_ligand_bonds:gather_idxs").longs();
        boolean[] plMask = batch.get("tokens_to_polymer_ligand_bonds:gather_mask").bools();
        assertThat(Arrays.copyOfRange(plIdx, 0, 4)).containsExactly(2, 5, 0, 0);
        assertThat(Arrays.copyOfRange(plMask, 0, 4)).containsExactly(true, true, false, false);
        assertThat(batch.get("tokens_to_polymer_ligand_bonds:input_shape").longs()).containsExactly(10);
        assertThat(Arrays.copyOfRange(batch.get("token_atoms_to_polymer_ligand_bonds:gather_idxs").longs(), 0, 2))
                .containsExactly(2 * 24 + 5, 5 * 24);
        long[] llIdx = batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").longs();
        boolean[] llMask = batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools();
        assertThat(Arrays.copyOfRange(llIdx, 0, 10)).containsExactly(5, 6, 5, 7, 5, 8, 5, 9, 0, 0);
        assertThat(Arrays.copyOfRange(llMask, 0, 10)).containsExactly(true, true, true, true, true, true, true, true,
                false, false);
        byte[] msa = batch.get("msa").int8s();
        assertThat(row(msa, 0, 10)).containsExactly(7, 0, 15, 7, 0, 21, 21, 21, 21, 21);
        assertThat(row(msa, 1, 10)).containsExactly(7, 0, 15, 7, 0, 21, 21, 21, 21, 21);
        assertThat(batch.get("profile").floats()[7 * 31 + 21]).isEqualTo(1f);
        assertThat(batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs()[7]).isEqualTo(7 * 24);
        // A tetrahedral sulfate: every atom has two non-colinear neighbours.
        assertThat(Arrays.copyOfRange(batch.get("frames_mask").bools(), 5, 10)).containsOnly(true);
    }

    @Test
    void smilesLigandIsNamedFromTheGraph() {
        FoldInput input = FoldInput.of("smiles", List.of(1L), List.of(protein("A", "GASGA", "", ""),
                Ligand.ofSmiles("B", "CCO")));

        FeatureBatch batch = featuriser.featurise(input, 7);

        assertThat(batch.tokenCount()).isEqualTo(8);
        int[] chars = batch.get("ref_atom_name_chars").ints();
        assertThat(Arrays.copyOfRange(chars, 5 * 96, 5 * 96 + 4)).containsExactly(35, 17, 0, 0);
        assertThat(Arrays.copyOfRange(chars, 6 * 96, 6 * 96 + 4)).containsExactly(35, 18, 0, 0);
        assertThat(Arrays.copyOfRange(chars, 7 * 96, 7 * 96 + 4)).containsExactly(47, 17, 0, 0);
        int[] element = batch.get("ref_element").ints();
        assertThat(new int[]{element[5 * 24], element[6 * 24], element[7 * 24]}).containsExactly(6, 6, 8);
        assertThat(Arrays.copyOfRange(batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").longs(), 0, 4))
                .containsExactly(5, 6, 6, 7);
        float[] pos = batch.get("ref_pos").floats();
        double cc = Math.sqrt(Math.pow(pos[5 * 72] - pos[6 * 72], 2) + Math.pow(pos[5 * 72 + 1] - pos[6 * 72 + 1], 2)
                + Math.pow(pos[5 * 72 + 2] - pos[6 * 72 + 2], 2));
        assertThat(cc).as("generated C-C bond length").isBetween(1.4, 1.65);
        assertThat(Arrays.copyOfRange(batch.get("frames_mask").bools(), 5, 8)).containsOnly(true);
    }

    @Test
    void modifiedResidueIsOneTokenPerHeavyAtomAndRepeatsItsMsaColumn() {
        ProteinChain chain = new ProteinChain("A", "GAKGA", List.of(new Modification("MLY", 3)), null,
                ">query\nGAKGA\n>s1\nGAKGG\n", "", List.of());
        FoldInput input = FoldInput.of("ptm", List.of(1L), List.of(chain));

        FeatureBatch batch = featuriser.featurise(input, 1);

        // MLY heavy atoms N CA CB CG CD CE NZ CH1 CH2 C O (OXT dropped inside the chain).
        assertThat(batch.tokenCount()).isEqualTo(15);
        assertThat(batch.get("residue_index").ints()).containsExactly(1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5);
        assertThat(batch.get("aatype").ints()).containsExactly(7, 0, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 7, 0);
        assertThat(batch.get("is_protein").bools()).containsOnly(true);
        assertThat(row(batch.get("msa").int8s(), 2, 15))
                .containsExactly(7, 0, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 7, 7);
        assertThat(batch.get("ref_space_uid").ints()[12 * 24]).isEqualTo(2);
        long[] bonds = batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").longs();
        assertThat(Arrays.copyOfRange(bonds, 0, 22)).containsExactly(2, 3, 3, 4, 3, 11, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9,
                8, 10, 11, 12, 0, 0);
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools()[20]).isFalse();
    }

    @Test
    void rnaAndDnaChains() {
        FoldInput input = FoldInput.of("na", List.of(1L), List.of(RnaChain.of("A", "AGCU"),
                DnaChain.of("B", "ACGT")));

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.get("aatype").ints()).containsExactly(22, 23, 24, 25, 26, 28, 27, 29);
        assertThat(batch.get("is_rna").bools()).containsExactly(true, true, true, true, false, false, false, false);
        assertThat(batch.get("is_dna").bools()).containsExactly(false, false, false, false, true, true, true, true);
        assertThat(batch.get("residue_center_index").ints()).containsExactly(12, 12, 12, 12, 11, 11, 11, 11);
        boolean[] dense = batch.get("pred_dense_atom_mask").bools();
        assertThat(dense[0]).as("OP3 on the first residue").isTrue();
        assertThat(dense[24]).as("OP3 dropped inside the chain").isFalse();
        // Purines use C4, pyrimidines C2 (A: slot 22; G: 23; C: 19 and U: 19 in CCD order).
        long[] pb = batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs();
        assertThat(pb[0]).isEqualTo(22);
        assertThat(pb[1]).isEqualTo(24 + 23);
        assertThat(row(batch.get("msa").int8s(), 0, 8)).containsExactly(22, 23, 24, 25, 26, 28, 27, 29);
        assertThat(batch.get("num_alignments").ints()).containsExactly(2);
    }

    @Test
    void glycanLosesItsO1LeavingAtomUnlessBondedThere() {
        FoldInput standalone = FoldInput.of("nag", List.of(1L), List.of(Ligand.ofCcd("A", "NAG")));
        FoldInput bonded = new FoldInput("nag", List.of(1L), List.of(Ligand.ofCcd("A", "NAG", "NAG")),
                List.of(new BondedAtomPair(new BondAtom("A", 1, "O4"), new BondAtom("A", 2, "O1"))), null);

        // NAG heavy atoms: C1-C8, N2, O1, O3-O7 = 15.
        assertThat(TokenCount.of(standalone, ccd)).isEqualTo(14);
        assertThat(TokenCount.of(bonded, ccd)).isEqualTo(14 + 15);
        FeatureBatch batch = featuriser.featurise(bonded, 1);
        long[] bonds = batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").longs();
        boolean[] mask = batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools();
        int o4 = 10;
        int o1OfSecond = 14 + 9;
        assertThat(new long[]{bonds[0], bonds[1]}).containsExactly(o4, o1OfSecond);
        assertThat(mask[0] && mask[1]).isTrue();
        assertThat(batch.get("entity_id").ints()).containsOnly(1);
    }

    @Test
    void bondsKeepTheirInputOrientationAndIntraResidueBondsAreDropped() {
        FoldInput input = new FoldInput("lig", List.of(1L), List.of(protein("A", "GASGA", "", ""),
                Ligand.ofCcd("B", "SO4")), List.of(
                new BondedAtomPair(new BondAtom("B", 1, "S"), new BondAtom("A", 3, "OG")),
                new BondedAtomPair(new BondAtom("B", 1, "O1"), new BondAtom("B", 1, "O2")),
                new BondedAtomPair(new BondAtom("A", 1, "C"), new BondAtom("A", 2, "N"))), null);

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(Arrays.copyOfRange(batch.get("tokens_to_polymer_ligand_bonds:gather_idxs").longs(), 0, 4))
                .containsExactly(5, 2, 0, 0);
        assertThat(Arrays.copyOfRange(batch.get("token_atoms_to_polymer_ligand_bonds:gather_idxs").longs(), 0, 2))
                .containsExactly(5 * 24, 2 * 24 + 5);
        boolean[] ll = batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools();
        assertThat(IntStream.range(0, ll.length).filter(i -> ll[i]).count()).as("SO4's four CCD bonds only")
                .isEqualTo(8);
    }
}
