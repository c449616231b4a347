package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;

class FeatureBatchTests {

    static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));

    @TempDir
    Path dir;

    @Test
    void recordLayoutIsTheWeightsFileLayout() throws Exception {
        Path file = dir.resolve("one.bin");
        write(new FeatureBatch(java.util.Map.of("aatype", Feature.ofInts("aatype", new int[]{7, -1}, 2)), 2, 0), file);

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new int[]{bytes.getInt(), bytes.getInt(), bytes.getInt(), bytes.getInt(), bytes.getInt()})
                .containsExactly(9, 6, 5, 1, 8);
        byte[] text = new byte[20];
        bytes.get(text);
        assertThat(new String(text, StandardCharsets.US_ASCII)).isEqualTo("__input__aatypeint32");
        assertThat(new int[]{bytes.getInt(), bytes.getInt(), bytes.getInt()}).containsExactly(2, 7, -1);
        assertThat(bytes.remaining()).isZero();
    }

    @Test
    void aFeaturisedBatchRoundTrips() throws Exception {
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD));
        FeatureBatch batch = featuriser.featurise(FoldInput.of("rt", List.of(3L),
                List.of(ProteinChain.of("A", "GASGA"), Ligand.ofCcd("B", "SO4"))), 3);
        Path file = dir.resolve("rt.bin");

        write(batch, file);
        FeatureBatch read = FeatureBatch.read(file);

        assertThat(read.features().keySet()).containsExactlyElementsOf(batch.features().keySet());
        assertThat(read.features()).isEqualTo(batch.features());
        assertThat(read.tokenCount()).isEqualTo(10);
        assertThat(read.get("msa").shape()).containsExactly(16384, 128);
    }

    @Test
    void truncatedFileIsAClearError() throws Exception {
        Path file = dir.resolve("cut.bin");
        write(new FeatureBatch(java.util.Map.of("aatype", Feature.ofInts("aatype", new int[]{1, 2, 3}, 3)), 3, 0), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));

        assertThatThrownBy(() -> FeatureBatch.read(file)).isInstanceOf(FeaturisationException.class)
                .hasMessageContaining("cut.bin").hasMessageContaining("__input__:aatype: data truncated: expected 12 bytes, stream ended after 10");
    }

    @Test
    void defaultBucketsPadEveryFeature() {
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD));
        FeatureBatch batch = featuriser.featurise(FoldInput.of("pad", List.of(1L),
                List.of(ProteinChain.of("A", "GASGA"))), 1);

        assertThat(batch.get("token_index").shape()[0]).isEqualTo(128);
        assertThat(batch.get("token_index").ints()[4]).isEqualTo(5);
        assertThat(batch.get("token_index").ints()[5]).isZero();
        assertThat(batch.get("seq_mask").bools()[5]).isFalse();
        assertThat(batch.get("template_atom_positions").shape()).containsExactly(4, 128, 24, 3);
        assertThat(batch.get("ref_atom_name_chars").shape()).containsExactly(128, 24, 4);
        // 128 tokens * 24 atoms = 3072 = 96 query blocks.
        assertThat(batch.get("queries_to_keys:gather_idxs").shape()).containsExactly(96, 128);
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").shape()).containsExactly(1280, 2);
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:input_shape").longs()).containsExactly(5);
        assertThat(batch.get("token_atoms_to_polymer_ligand_bonds:input_shape").longs()).containsExactly(128, 24);
        // Padding rows keep reference space 0 (AF3 fills only the real token rows).
        assertThat(batch.get("ref_space_uid").ints()[4 * 24 + 23]).isEqualTo(4);
        assertThat(batch.get("ref_space_uid").ints()[5 * 24]).isZero();
        // Padding queries match padding token atoms (("", 0, "") is a key in both layouts), as in AlphaFold 3.
        assertThat(batch.get("token_atoms_to_queries:gather_mask").bools()[100]).isTrue();
        assertThat(batch.get("token_atoms_to_queries:gather_idxs").longs()[100]).isEqualTo(128 * 24 - 1);
        assertThat(batch.get("tokens_to_queries:gather_mask").bools()[100]).isFalse();
    }

    @Test
    void inputsAboveTheLargestBucketKeepTheirOwnSize() {
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(List.of(4, 8)));
        FeatureBatch batch = featuriser.featurise(FoldInput.of("big", List.of(1L),
                List.of(ProteinChain.of("A", "GASGAGASGA"))), 1);

        assertThat(batch.get("token_index").shape()[0]).isEqualTo(10);
        assertThat(batch.get("queries_to_keys:gather_idxs").shape()).containsExactly(8, 128);
    }

    private static void write(FeatureBatch batch, Path file) throws IOException {
        batch.writeTo(Files.newOutputStream(file));
    }
}
