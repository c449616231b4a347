package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One denoiser call of model_tiny's diffusion head at both reference noise levels (80 and 2.5), with AlphaFold 3's
 * checkpoints of the atom encoder, the token transformer and the atom decoder.
 */
class DiffusionHeadParityTests {
    static final double TOL = 5e-5;

    static DiffusionHead.Inputs<TFloat32> inputs(Ops tf, ReferenceCase tiny, NetworkInputs b) {
        return new DiffusionHead.Inputs<>(AtomEncoderParityTests.atomInputs(tf, b),
                TestTensors.intConstant(tf, b.get("residue_index")), TestTensors.intConstant(tf, b.get("token_index")),
                TestTensors.intConstant(tf, b.get("asym_id")), TestTensors.intConstant(tf, b.get("entity_id")),
                TestTensors.intConstant(tf, b.get("sym_id")), Tensors.floatConstant(tf, b.get("seq_mask")),
                Tensors.floatConstant(tf, tiny.output("trunk/single")),
                Tensors.floatConstant(tf, tiny.output("trunk/pair")),
                Tensors.floatConstant(tf, tiny.output("trunk/target_feat")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void denoiserMatchesCheckpointsAndOutput(int call) {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs b = TrunkParityTests.batch;
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), root -> {
            Ops tf = root.tf();
            Layers<TFloat32> head = root.child(DiffusionHead.SCOPE);
            DiffusionHead.Inputs<TFloat32> in = inputs(tf, tiny, b);
            Operand<TFloat32> zc = DiffusionHead.pairConditioning(head, in);
            DiffusionHead.Output<TFloat32> d = DiffusionHead.denoise(head, in, zc,
                    tiny.in(root, "denoise/positions_noisy_" + call), tiny.in(root, "denoise/noise_level_" + call));
            return List.of(d.encoder().transformerInput(), d.encoder().queriesSingleCond(),
                    d.encoder().keysSingleCond(), d.encoder().pairCond(), d.encoder().transformerOutput(),
                    d.transformerInput(), d.singleCond(), zc, d.transformerOutput(), d.decoderInput(),
                    d.decoderOutput(), d.positions());
        });
        String p = "ckpt/denoise_" + call + "/diffuser/~/diffusion_head/";
        String enc = p + "diffusion_atom_transformer_encoder#0/";
        tiny.assertClose(out.get(0), enc + "in/queries_act", TOL);
        tiny.assertClose(out.get(1), enc + "in/queries_single_cond", TOL);
        tiny.assertClose(out.get(2), enc + "in/keys_single_cond", TOL);
        tiny.assertClose(out.get(3), enc + "in/pair_cond", TOL);
        tiny.assertClose(out.get(4), enc + "out", TOL);
        String tr = p + "transformer#0/";
        tiny.assertClose(out.get(5), tr + "in/act", TOL);
        tiny.assertClose(out.get(6), tr + "in/single_cond", TOL);
        tiny.assertClose(out.get(7), tr + "in/pair_cond", TOL);
        tiny.assertClose(out.get(8), tr + "out", TOL);
        String dec = p + "diffusion_atom_transformer_decoder#0/";
        tiny.assertClose(out.get(9), dec + "in/queries_act", TOL);
        tiny.assertClose(out.get(10), dec + "out", TOL);
        tiny.assertClose(out.get(11), "denoise/positions_denoised_" + call, TOL);
    }

    /** Two samples in one call at σ = 2.5: the first is the reference call, the second equals its own single call. */
    @Test
    void batchedSamplesMatchSingleCalls() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs b = TrunkParityTests.batch;
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), root -> {
            Ops tf = root.tf();
            Layers<TFloat32> head = root.child(DiffusionHead.SCOPE);
            DiffusionHead.Inputs<TFloat32> in = inputs(tf, tiny, b);
            Operand<TFloat32> zc = DiffusionHead.pairConditioning(head, in);
            Operand<TFloat32> sigma = tiny.in(root, "denoise/noise_level_1");
            Operand<TFloat32> x1 = tiny.in(root, "denoise/positions_noisy_1");
            Operand<TFloat32> x0 = tiny.in(root, "denoise/positions_noisy_0");
            Operand<TFloat32> both = tf.stack(List.of(x1, x0));
            Operand<TFloat32> batched = DiffusionHead.denoise(head, in, zc, both, sigma).positions();
            Operand<TFloat32> single0 = DiffusionHead.denoise(head, in, zc, x0, sigma).positions();
            return List.of(tf.gather(batched, tf.constant(0), tf.constant(0)),
                    tf.gather(batched, tf.constant(1), tf.constant(0)), single0);
        });
        tiny.assertClose(out.get(0), "denoise/positions_denoised_1", TOL);
        assertThat(ReferenceCase.scaledError(out.get(1), out.get(2))).isLessThan(1e-6);
    }

    @Test
    void fourierConstantsAreAlphaFoldsOwn() {
        assertThat(NoiseEmbedding.sum(NoiseEmbedding.WEIGHTS)).isCloseTo(2.27393791, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(NoiseEmbedding.sum(NoiseEmbedding.BIASES)).isCloseTo(125.18356782, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(NoiseEmbedding.WEIGHTS[0]).isEqualTo(0.45873642f);
        assertThat(NoiseEmbedding.BIASES[0]).isEqualTo(0.00465965f);
    }
}
