package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;

/**
 * Unknown residues as AlphaFold 3 lays them out, with arrays worked out by hand from its code: {@code UNK} takes
 * glycine's atoms (N CA C O, OXT only at the C terminus; {@code get_all_atoms_in_entry}), {@code N} and {@code DN}
 * their own CCD entries (no base: 13 and 12 heavy atoms, OP3 only on the 5' residue), all of them one token.
 */
class UnknownResidueFeaturesTests {

    static Featuriser featuriser;

    @BeforeAll
    static void loadCcd() {
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        featuriser = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(null));
    }

    static ProteinChain protein(String id, String sequence) {
        return new ProteinChain(id, sequence, List.of(), null, "", "", List.of());
    }

    static boolean[] maskRow(FeatureBatch batch, int token) {
        return Arrays.copyOfRange(batch.get("pred_dense_atom_mask").bools(), token * 24, token * 24 + 24);
    }

    static boolean[] firstTrue(int count) {
        boolean[] row = new boolean[24];
        Arrays.fill(row, 0, count, true);
        return row;
    }

    static boolean[] trueRange(int from, int to) {
        boolean[] row = new boolean[24];
        Arrays.fill(row, from, to, true);
        return row;
    }

    static int[] nameChars(String name) {
        int[] chars = new int[4];
        for (int c = 0; c < name.length(); c++) {
            chars[c] = name.charAt(c) - 32;
        }
        return chars;
    }

    @Test
    void unknownAminoAcidsTakeGlycinesAtoms() {
        // Chain B is only unknowns: AlphaFold 3 drops it (find_chains_with_unknown_sequence).
        FoldInput input = FoldInput.of("unk", List.of(1L), List.of(protein("A", "MXXAX"), protein("B", "XXXX")));

        FeatureBatch batch = featuriser.featurise(input, 1);

        assertThat(batch.tokenCount()).isEqualTo(5);
        assertThat(batch.get("asym_id").ints()).containsOnly(1);
        assertThat(batch.get("aatype").ints()).containsExactly(12, 20, 20, 0, 20);
        assertThat(batch.get("residue_index").ints()).containsExactly(1, 2, 3, 4, 5);
        // MET N CA C O CB CG SD CE [OXT dropped]; UNK as GLY: N CA C O [OXT]; ALA N CA C O CB [OXT]; last UNK keeps OXT.
        assertThat(maskRow(batch, 0)).containsExactly(firstTrue(8));
        assertThat(maskRow(batch, 1)).containsExactly(firstTrue(4));
        assertThat(maskRow(batch, 2)).containsExactly(firstTrue(4));
        assertThat(maskRow(batch, 3)).containsExactly(firstTrue(5));
        assertThat(maskRow(batch, 4)).containsExactly(firstTrue(5));
        assertThat(batch.get("ref_mask").bools()).isEqualTo(batch.get("pred_dense_atom_mask").bools());
        assertThat(batch.get("residue_center_index").ints()).containsExactly(1, 1, 1, 1, 1);

        int[] element = batch.get("ref_element").ints();
        assertThat(Arrays.copyOfRange(element, 4 * 24, 4 * 24 + 6)).containsExactly(7, 6, 6, 8, 8, 0);
        int[] chars = batch.get("ref_atom_name_chars").ints();
        String[] unkNames = {"N", "CA", "C", "O", "OXT", ""};
        for (int s = 0; s < unkNames.length; s++) {
            assertThat(Arrays.copyOfRange(chars, (4 * 24 + s) * 4, (4 * 24 + s) * 4 + 4)).as("slot " + s)
                    .containsExactly(nameChars(unkNames[s]));
        }
        assertThat(Arrays.copyOfRange(chars, (1 * 24 + 4) * 4, (1 * 24 + 4) * 4 + 4)).as("no CB on UNK")
                .containsExactly(0, 0, 0, 0);

        // Pseudo-beta: CB of MET and ALA, CA of UNK (it has no CB).
        assertThat(batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs()).containsExactly(4, 25, 49, 76, 97);
        assertThat(batch.get("token_atoms_to_pseudo_beta:gather_mask").bools()).containsOnly(true);

        // 26 atoms, flattened in token order into ceil(5 * 24 / 32) = 4 query blocks of 32.
        long[] flat = LongStream.concat(LongStream.concat(LongStream.range(0, 8), LongStream.range(24, 28)),
                LongStream.concat(LongStream.range(48, 52), LongStream.concat(LongStream.range(72, 77),
                        LongStream.range(96, 101)))).toArray();
        assertThat(flat).hasSize(26);
        assertThat(batch.get("token_atoms_to_queries:gather_idxs").shape()).containsExactly(4, 32);
        long[] queries = batch.get("token_atoms_to_queries:gather_idxs").longs();
        assertThat(Arrays.copyOfRange(queries, 0, 26)).containsExactly(flat);
        boolean[] queryMask = batch.get("token_atoms_to_queries:gather_mask").bools();
        assertThat(IntStream.range(0, queryMask.length).filter(i -> queryMask[i]).toArray())
                .containsExactly(IntStream.range(0, 26).toArray());
        long[] tokensToQueries = batch.get("tokens_to_queries:gather_idxs").longs();
        assertThat(Arrays.copyOfRange(tokensToQueries, 8, 13)).containsExactly(1, 1, 1, 1, 2);
        long[] back = batch.get("queries_to_token_atoms:gather_idxs").longs();
        assertThat(Arrays.copyOfRange(back, 24, 30)).as("UNK token 1 reads queries 8-11").containsExactly(8, 9, 10, 11,
                0, 0);
        assertThat(Arrays.copyOfRange(batch.get("queries_to_token_atoms:gather_mask").bools(), 24, 30))
                .containsExactly(true, true, true, true, false, false);
        int[] uid = batch.get("ref_space_uid").ints();
        assertThat(new int[]{uid[0], uid[24], uid[48], uid[72], uid[96]}).containsExactly(0, 1, 2, 3, 4);
        byte[] msa = batch.get("msa").int8s();
        assertThat(new int[]{msa[0], msa[1], msa[2], msa[3], msa[4]}).containsExactly(12, 20, 20, 0, 20);
    }

    @Test
    void unknownRibonucleotideKeepsItsOwnEntryWithoutABase() {
        FeatureBatch batch = threeTokens(RnaChain.of("A", "NAN"));

        assertThat(batch.get("aatype").ints()).containsExactly(30, 22, 30);
        assertThat(batch.get("is_rna").bools()).containsOnly(true);
        // N: OP3 P OP1 OP2 O5' C5' C4' O4' C3' O3' C2' O2' C1'; OP3 only on the 5' residue.
        assertThat(maskRow(batch, 0)).containsExactly(firstTrue(13));
        assertThat(maskRow(batch, 2)).containsExactly(trueRange(1, 13));
        assertThat(batch.get("residue_center_index").ints()).containsExactly(12, 12, 12);
        int[] element = batch.get("ref_element").ints();
        assertThat(Arrays.copyOfRange(element, 0, 14)).containsExactly(8, 15, 8, 8, 8, 6, 6, 8, 6, 8, 6, 8, 6, 0);
        // No C2 in N: pseudo-beta falls back to the first atom present (OP3, then P where OP3 was dropped); A uses C4.
        long[] pseudoBeta = batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs();
        int c4OfA = 22;
        assertThat(pseudoBeta).containsExactly(0, 24 + c4OfA, 2 * 24 + 1);
        assertThat(batch.get("ref_mask").bools()).isEqualTo(batch.get("pred_dense_atom_mask").bools());
    }

    @Test
    void unknownDeoxyribonucleotideIsDnAndEncodesAsN() {
        FeatureBatch batch = threeTokens(DnaChain.of("A", "ANT"));

        assertThat(batch.get("aatype").ints()).containsExactly(26, 30, 29);
        // DN: OP3 P OP1 OP2 O5' C5' C4' O4' C3' O3' C2' C1' (no O2'); OP3 dropped inside the chain.
        assertThat(maskRow(batch, 1)).containsExactly(trueRange(1, 12));
        assertThat(batch.get("residue_center_index").ints()[1]).isEqualTo(11);
        int[] chars = batch.get("ref_atom_name_chars").ints();
        assertThat(Arrays.copyOfRange(chars, (24 + 11) * 4, (24 + 11) * 4 + 4)).containsExactly(nameChars("C1'"));
        assertThat(batch.get("token_atoms_to_pseudo_beta:gather_idxs").longs()[1]).isEqualTo(24 + 1);
        assertThat(batch.get("ref_mask").bools()).isEqualTo(batch.get("pred_dense_atom_mask").bools());
    }

    @Test
    void aChainIsDroppedOnlyWhenEveryResidueIsTheSameUnknownType() {
        // UNL first, then UNK: not one unknown type throughout, so AlphaFold 3 keeps the chain.
        assertThat(Assembly.onlyUnknown(chainOf("UNK", "UNK"))).isTrue();
        assertThat(Assembly.onlyUnknown(chainOf("N"))).isTrue();
        assertThat(Assembly.onlyUnknown(chainOf("UNL", "UNK"))).isFalse();
        assertThat(Assembly.onlyUnknown(chainOf("UNK", "GLY"))).isFalse();
    }

    @Test
    void aResidueWithoutAtomsIsRejectedInOneLine() {
        String userCcd = """
                data_ZZZ
                _chem_comp.id ZZZ
                _chem_comp.name 'HYDROGEN ONLY'
                _chem_comp.type NON-POLYMER
                _chem_comp.formula H2
                _chem_comp.mon_nstd_parent_comp_id ?
                _chem_comp.pdbx_synonyms ?
                _chem_comp.formula_weight 2.016
                loop_
                _chem_comp_atom.comp_id
                _chem_comp_atom.atom_id
                _chem_comp_atom.type_symbol
                _chem_comp_atom.charge
                _chem_comp_atom.pdbx_model_Cartn_x_ideal
                _chem_comp_atom.pdbx_model_Cartn_y_ideal
                _chem_comp_atom.pdbx_model_Cartn_z_ideal
                ZZZ H1 H 0 0.0 0.0 0.0
                ZZZ H2 H 0 0.7 0.0 0.0
                loop_
                _chem_comp_bond.atom_id_1
                _chem_comp_bond.atom_id_2
                _chem_comp_bond.value_order
                _chem_comp_bond.pdbx_aromatic_flag
                H1 H2 SING N
                """;
        FoldInput input = new FoldInput("h2", List.of(1L), List.of(protein("A", "GAG"), Ligand.ofCcd("B", "ZZZ")),
                List.of(), userCcd);

        assertThatThrownBy(() -> featuriser.featurise(input, 1)).isInstanceOf(FeaturisationException.class)
                .hasMessageContaining("chain B residue 1 ZZZ").hasMessageContaining("no heavy atoms");
    }

    @Test
    void aBondToAnUnkAtomGlycineLacksDisappears() {
        for (String atom : List.of("CB", "CA")) {
            FoldInput input = new FoldInput("bond", List.of(1L), List.of(protein("A", "GXG"), Ligand.ofCcd("B", "SO4")),
                    List.of(new org.foldbatch.input.BondedAtomPair(new org.foldbatch.input.BondAtom("A", 2, atom),
                            new org.foldbatch.input.BondAtom("B", 1, "S"))), null);

            FeatureBatch batch = featuriser.featurise(input, 1);

            boolean[] mask = batch.get("tokens_to_polymer_ligand_bonds:gather_mask").bools();
            long[] idx = batch.get("tokens_to_polymer_ligand_bonds:gather_idxs").longs();
            if (atom.equals("CB")) {
                assertThat(mask).as("bond to UNK CB").containsOnly(false);
            } else {
                assertThat(new long[]{idx[0], idx[1]}).containsExactly(1, 3);
                assertThat(new boolean[]{mask[0], mask[1], mask[2]}).containsExactly(true, true, false);
            }
        }
    }

    @Test
    void aUserCcdAtomNameOverFourCharactersIsRejectedInOneLine() {
        String userCcd = String.join("\n", "data_ZZY", "_chem_comp.id ZZY", "_chem_comp.name 'LONG NAME'",
                "_chem_comp.type NON-POLYMER", "_chem_comp.formula 'C2'", "_chem_comp.mon_nstd_parent_comp_id ?",
                "_chem_comp.pdbx_synonyms ?", "_chem_comp.formula_weight 24.0", "loop_", "_chem_comp_atom.comp_id",
                "_chem_comp_atom.atom_id", "_chem_comp_atom.type_symbol", "_chem_comp_atom.charge",
                "_chem_comp_atom.pdbx_model_Cartn_x_ideal", "_chem_comp_atom.pdbx_model_Cartn_y_ideal",
                "_chem_comp_atom.pdbx_model_Cartn_z_ideal", "ZZY C1 C 0 0.0 0.0 0.0", "ZZY CLONG C 0 1.5 0.0 0.0",
                "loop_", "_chem_comp_bond.atom_id_1", "_chem_comp_bond.atom_id_2", "_chem_comp_bond.value_order",
                "_chem_comp_bond.pdbx_aromatic_flag", "C1 CLONG SING N", "");
        FoldInput input = new FoldInput("long", List.of(1L), List.of(protein("A", "GAG"), Ligand.ofCcd("B", "ZZY")),
                List.of(), userCcd);

        assertThatThrownBy(() -> featuriser.featurise(input, 1)).isInstanceOf(FeaturisationException.class)
                .hasMessageContaining("atom name CLONG is longer than 4 characters");
    }

    static FeatureBatch threeTokens(org.foldbatch.input.Chain chain) {
        FeatureBatch batch = featuriser.featurise(FoldInput.of("na", List.of(1L), List.of(chain)), 1);
        assertThat(batch.tokenCount()).isEqualTo(3);
        return batch;
    }

    static BuiltChain chainOf(String... names) {
        List<Residue> residues = IntStream.range(0, names.length).mapToObj(i -> new Residue("A",
                org.foldbatch.constants.ChainType.PROTEIN, i + 1, names[i], List.of("N"), List.of("N"),
                new org.foldbatch.structure.ccd.ChemComp(names[i], names[i], null, null, null, List.of(), List.of()),
                List.of())).toList();
        return new BuiltChain("A", org.foldbatch.constants.ChainType.PROTEIN, protein("A", "G"), residues);
    }
}
