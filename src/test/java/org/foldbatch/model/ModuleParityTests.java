package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Each trunk module against AlphaFold 3's own output for the same parameters and inputs (all f32). */
class ModuleParityTests {
    static final double TOL = 1e-5;

    @Test
    void transition() {
        ReferenceCase c = ReferenceCase.load("transition");
        List<float[]> out = c.run(TrunkOptions.unchunked(),
                nn -> List.of(TransitionBlock.apply(nn.child("pair_transition"), c.in(nn, "act"))));
        c.assertClose(out.get(0), "act", TOL);
    }

    @Test
    void triangleMultiplicationOutgoing() {
        triangle("triangle_mult_outgoing", "triangle_multiplication_outgoing", true);
    }

    @Test
    void triangleMultiplicationIncoming() {
        triangle("triangle_mult_incoming", "triangle_multiplication_incoming", false);
    }

    private void triangle(String file, String module, boolean outgoing) {
        ReferenceCase c = ReferenceCase.load(file);
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> List.of(TriangleMultiplication.apply(
                nn.child(module), c.in(nn, "act"), c.in(nn, "mask"), outgoing)));
        c.assertClose(out.get(0), "act", TOL);
    }

    @Test
    void gridAttentionStarting() {
        grid("grid_attention_starting", "pair_attention1", false);
    }

    @Test
    void gridAttentionEnding() {
        grid("grid_attention_ending", "pair_attention2", true);
    }

    @Test
    void gridAttentionStartingWithMinimumHeadWidth() {
        grid("grid_attention_starting_c16", "pair_attention1", false);
    }

    private void grid(String file, String module, boolean transpose) {
        ReferenceCase c = ReferenceCase.load(file);
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> List.of(GridSelfAttention.apply(
                nn.child(module), c.in(nn, "act"), c.in(nn, "pair_mask"), transpose, null)));
        c.assertClose(out.get(0), "act", TOL);
    }

    @Test
    void gridAttentionChunkedGivesTheSameNumbers() {
        ReferenceCase c = ReferenceCase.load("grid_attention_ending");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> {
            Operand<TFloat32> act = c.in(nn, "act");
            Operand<TFloat32> mask = c.in(nn, "pair_mask");
            return List.of(GridSelfAttention.apply(nn.child("pair_attention2"), act, mask, true, null),
                    GridSelfAttention.apply(nn.child("pair_attention2"), act, mask, true, 5));
        });
        assertThat(ReferenceCase.scaledError(out.get(1), out.get(0))).isLessThanOrEqualTo(1e-6);
        c.assertClose(out.get(1), "act", TOL);
    }

    @Test
    void outerProductMean() {
        ReferenceCase c = ReferenceCase.load("outer_product_mean");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> List.of(
                OuterProductMean.apply(nn.child("outer_product_mean"), c.in(nn, "act"), c.in(nn, "mask"), null),
                OuterProductMean.apply(nn.child("outer_product_mean"), c.in(nn, "act"), c.in(nn, "mask"), 3)));
        c.assertClose(out.get(0), "act", TOL);
        c.assertClose(out.get(1), "act", TOL);
    }

    @Test
    void msaAttention() {
        ReferenceCase c = ReferenceCase.load("msa_attention");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> List.of(MsaAttention.apply(
                nn.child("msa_attention1"), c.in(nn, "act"), c.in(nn, "mask"), c.in(nn, "pair_act"))));
        c.assertClose(out.get(0), "act", TOL);
    }

    @Test
    void singleAttention() {
        ReferenceCase c = ReferenceCase.load("single_attention");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> List.of(SingleAttention.apply(
                nn, "single_attention_", c.in(nn, "x"), c.in(nn, "mask"), c.in(nn, "pair_logits"))));
        c.assertClose(out.get(0), "x", TOL);
    }
}
