package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.Modification;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;

/**
 * The gather from the dense token-atom layout checked against the featurised batch itself: each flat atom must read
 * the slot whose {@code ref_atom_name_chars}, {@code residue_index} and {@code asym_id} name that atom.
 */
class DenseToFlatTests {

    static final int SLOTS = 24;

    static Ccd ccd;
    static FoldInput input;
    static FeatureBatch batch;
    static StructureLayout layout;
    static DenseToFlat gather;

    @BeforeAll
    static void featurise() {
        ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        var protein = new ProteinChain("A", "GAKGA", List.of(new Modification("MLY", 3)), null, "", "", List.of());
        input = new FoldInput("mixed", List.of(1L), List.of(protein, RnaChain.of("C", "AG"), DnaChain.of("D", "AC"),
                Ligand.ofCcd("B", "SO4"), Ligand.ofSmiles("E", "OCC(Cl)=O")),
                List.of(new BondedAtomPair(new BondAtom("B", 1, "S"), new BondAtom("A", 1, "CA"))), null);
        var config = FeaturiserConfig.defaults(ccd).withBuckets(List.of(64));
        batch = new Featuriser(config).featurise(input, 3);
        layout = OutputStructures.layout(input, ccd, batch);
        gather = OutputStructures.denseToFlat(input, ccd);
    }

    /** The atom name the batch gives a dense slot, decoded from ref_atom_name_chars (character - 32). */
    static String slotName(int denseIndex) {
        int[] chars = batch.get("ref_atom_name_chars").ints();
        var name = new StringBuilder();
        for (int c = 0; c < 4; c++) {
            int code = chars[denseIndex * 4 + c];
            if (code != 0) {
                name.append((char) (code + 32));
            }
        }
        return name.toString();
    }

    @Test
    void everyFlatAtomReadsItsOwnSlotAndEveryRealSlotIsReadOnce() {
        int n = batch.get("token_index").shape()[0];
        assertThat(n).isEqualTo(64).isGreaterThan(batch.tokenCount());
        float[][][] dense = new float[n][SLOTS][2];
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < SLOTS; s++) {
                dense[t][s] = new float[]{t, s};
            }
        }
        float[][] flat = gather.perAtom(dense);

        gather.checkFits(layout);
        assertThat(gather.missingAtoms()).isEmpty();
        int[] residueIndex = batch.get("residue_index").ints();
        int[] asymId = batch.get("asym_id").ints();
        boolean[] realSlot = batch.get("pred_dense_atom_mask").bools();
        Set<Integer> read = new HashSet<>();
        for (int a = 0; a < layout.numAtoms(); a++) {
            var atom = layout.atoms().get(a);
            int token = (int) flat[a][0];
            int slot = (int) flat[a][1];
            int index = token * SLOTS + slot;
            assertThat(token).as("atom %d %s", a, atom).isLessThan(batch.tokenCount());
            assertThat(realSlot[index]).as("atom %d %s", a, atom).isTrue();
            assertThat(slotName(index)).as("atom %d %s", a, atom).isEqualTo(atom.name());
            assertThat(residueIndex[token]).as("atom %d %s", a, atom).isEqualTo(atom.residueId());
            assertThat(asymId[token]).as("atom %d %s", a, atom).isEqualTo(atom.chain() + 1);
            assertThat(layout.tokenChain()[token]).isEqualTo(atom.chain());
            assertThat(gather.denseIndex(a)).isEqualTo(index);
            read.add(index);
        }
        int realSlots = 0;
        for (boolean b : realSlot) {
            realSlots += b ? 1 : 0;
        }
        assertThat(read).hasSize(layout.numAtoms()).hasSize(realSlots);
    }

    @Test
    void rowMajorArraysGatherLikeNestedOnes() {
        int n = batch.get("token_index").shape()[0];
        float[][][] nested = new float[n][SLOTS][3];
        float[] rowMajor = new float[n * SLOTS * 3];
        float[] scalars = new float[n * SLOTS];
        for (int i = 0; i < n * SLOTS; i++) {
            for (int c = 0; c < 3; c++) {
                nested[i / SLOTS][i % SLOTS][c] = i * 10 + c;
                rowMajor[i * 3 + c] = i * 10 + c;
            }
            scalars[i] = i * 10 + 1;
        }

        float[][] fromNested = gather.perAtom(nested);
        assertThat(gather.perAtom(rowMajor, 3)).isDeepEqualTo(fromNested);
        float[] fromScalars = gather.perAtom(scalars);
        for (int a = 0; a < fromScalars.length; a++) {
            assertThat(fromScalars[a]).isEqualTo(fromNested[a][1]);
        }
    }

    @Test
    void tokenPairArraysAreCroppedToTheRealTokens() {
        int n = batch.get("token_index").shape()[0];
        int t = batch.tokenCount();
        float[][][] logits = new float[n][n][64];
        float[][] probs = new float[n][n];
        float[] rowMajor = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                logits[i][j][j % 64] = i + 0.5f;
                probs[i][j] = i * 1000 + j;
                rowMajor[i * n + j] = i * 1000 + j;
            }
        }

        float[][][] cropped = gather.perTokenPair(logits);
        assertThat(cropped).hasDimensions(t, t);
        assertThat(cropped[t - 1][t - 2][(t - 2) % 64]).isEqualTo(t - 1 + 0.5f);
        assertThat(cropped[2][3]).hasSize(64);
        float[][] croppedProbs = gather.perTokenPair(probs);
        assertThat(croppedProbs).hasDimensions(t, t);
        assertThat(croppedProbs[t - 1][t - 1]).isEqualTo((t - 1) * 1000 + t - 1);
        assertThat(gather.perTokenPair(rowMajor)).isDeepEqualTo(croppedProbs);
    }

    /**
     * A userCCD ALA with 26 heavy atoms: the token keeps the first 24, so the last two output atoms are predicted by
     * no slot and come out as zeros, as AlphaFold 3 writes them.
     */
    @Test
    void atomsBeyondTheTokensTwentyFourSlotsAreMissingAndZero() {
        var cif = new StringBuilder("data_ALA\n_chem_comp.id ALA\n_chem_comp.name 'BIG ALANINE'\n"
                + "_chem_comp.type 'L-PEPTIDE LINKING'\n_chem_comp.mon_nstd_parent_comp_id ?\n"
                + "_chem_comp.pdbx_modified_date 2011-06-04\n_chem_comp.formula ?\n_chem_comp.formula_weight ?\n"
                + "_chem_comp.pdbx_synonyms ?\nloop_\n_chem_comp_atom.comp_id\n"
                + "_chem_comp_atom.atom_id\n_chem_comp_atom.type_symbol\n_chem_comp_atom.charge\n"
                + "_chem_comp_atom.pdbx_leaving_atom_flag\n_chem_comp_atom.pdbx_model_Cartn_x_ideal\n"
                + "_chem_comp_atom.pdbx_model_Cartn_y_ideal\n_chem_comp_atom.pdbx_model_Cartn_z_ideal\n");
        List<String> names = new java.util.ArrayList<>(List.of("N", "CA", "C", "O"));
        for (int i = 1; i <= 22; i++) {
            names.add("C" + i);
        }
        for (int i = 0; i < names.size(); i++) {
            cif.append("ALA ").append(names.get(i)).append(' ').append(names.get(i).substring(0, 1))
                    .append(" 0 N ").append(1.5 * i).append(" 0.0 0.0\n");
        }
        cif.append("loop_\n_chem_comp_bond.comp_id\n_chem_comp_bond.atom_id_1\n_chem_comp_bond.atom_id_2\n"
                + "_chem_comp_bond.value_order\n_chem_comp_bond.pdbx_aromatic_flag\n");
        for (int i = 1; i < names.size(); i++) {
            cif.append("ALA ").append(names.get(i - 1)).append(' ').append(names.get(i)).append(" SING N\n");
        }
        var big = new FoldInput("big", List.of(1L), List.of(new ProteinChain("A", "A", List.of(), null, "", "",
                List.of())), List.of(), cif.toString());
        var bigBatch = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(null)).featurise(big, 1);
        var bigLayout = OutputStructures.layout(big, ccd, bigBatch);
        var bigGather = OutputStructures.denseToFlat(big, ccd);

        assertThat(bigLayout.atoms()).extracting(StructureLayout.Atom::name).containsExactlyElementsOf(names);
        assertThat(bigGather.missingAtoms()).containsExactly(24, 25);
        float[][][] dense = new float[1][SLOTS][3];
        for (float[] slot : dense[0]) {
            java.util.Arrays.fill(slot, 5f);
        }
        float[][] flat = bigGather.perAtom(dense);
        assertThat(flat[23]).containsExactly(5f, 5f, 5f);
        assertThat(flat[24]).containsExactly(0f, 0f, 0f);
        assertThat(flat[25]).containsExactly(0f, 0f, 0f);
        assertThat(bigGather.perAtom(new float[SLOTS * 3], 3)[25]).containsExactly(0f, 0f, 0f);
    }

    @Test
    void aSampleFromReducedNetworkOutputsFitsTheLayout() {
        int n = batch.get("token_index").shape()[0];
        int t = batch.tokenCount();
        float[] positions = new float[n * SLOTS * 3];
        float[] plddt = new float[n * SLOTS];
        for (int i = 0; i < n * SLOTS; i++) {
            positions[i * 3] = i;
            plddt[i] = i % 100;
        }
        float[] pair = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            pair[i] = (i / n < t && i % n < t) ? i : Float.NaN;
        }

        var sample = gather.sample(5, 1, positions, plddt, pair, pair, pair, pair);

        sample.checkFits(layout);
        assertThat(sample.seed()).isEqualTo(5);
        assertThat(sample.sample()).isEqualTo(1);
        for (int a = 0; a < layout.numAtoms(); a++) {
            assertThat(sample.atomPositions()[a][0]).isEqualTo(gather.denseIndex(a));
            assertThat(sample.atomPlddt()[a]).isEqualTo(gather.denseIndex(a) % 100);
        }
        assertThat(sample.pae()[t - 1][1]).isEqualTo((t - 1) * n + 1);
        assertThat(sample.contactProbs()[1][t - 1]).isEqualTo(n + t - 1);
    }

    @Test
    void arraysSmallerThanTheRealTokensAreRejected() {
        int t = batch.tokenCount();
        assertThatThrownBy(() -> gather.perAtom(new float[t - 1][SLOTS][3]))
                .hasMessage("dense per-atom array: " + (t - 1) + " tokens, fewer than the " + t + " real tokens");
        assertThatThrownBy(() -> gather.perAtom(new float[SLOTS * 3 * t + 1], 3))
                .hasMessageContaining("is not a whole number of tokens of 24 slots x 3 channels");
        assertThatThrownBy(() -> gather.perTokenPair(new float[t * (t + 1)]))
                .hasMessageContaining("is not N x N");
    }
}
