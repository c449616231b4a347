package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Pairformer and MSA-module blocks and the template embedder against AlphaFold 3's reference outputs (f32). */
class BlockParityTests {
    static final double TOL = 1e-5;

    @Test
    void pairformerIteration() {
        ReferenceCase c = ReferenceCase.load("pairformer_iteration");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> {
            var o = PairformerIteration.apply(nn.child("trunk_pairformer"), c.in(nn, "act"), c.in(nn, "pair_mask"),
                    c.in(nn, "single_act"), c.in(nn, "seq_mask"));
            return List.of(o.pair(), o.single());
        });
        c.assertClose(out.get(0), "act", TOL);
        c.assertClose(out.get(1), "single_act", TOL);
    }

    @Test
    void pairformerWithShardingAndChunkingGivesTheSameNumbers() {
        ReferenceCase c = ReferenceCase.load("pairformer_iteration");
        TrunkOptions small = new TrunkOptions(ShardSpec.of(4, null, null, 3), ShardSpec.of(null, 5, null, 5));
        List<float[]> plain = c.run(TrunkOptions.unchunked(), nn -> {
            var o = PairformerIteration.apply(nn.child("trunk_pairformer"), c.in(nn, "act"), c.in(nn, "pair_mask"),
                    c.in(nn, "single_act"), c.in(nn, "seq_mask"));
            return List.of(o.pair(), o.single());
        });
        List<float[]> chunked = c.run(small, nn -> {
            var o = PairformerIteration.apply(nn.child("trunk_pairformer"), c.in(nn, "act"), c.in(nn, "pair_mask"),
                    c.in(nn, "single_act"), c.in(nn, "seq_mask"));
            return List.of(o.pair(), o.single());
        });
        assertThat(ReferenceCase.scaledError(chunked.get(0), plain.get(0))).isLessThanOrEqualTo(1e-6);
        assertThat(ReferenceCase.scaledError(chunked.get(1), plain.get(1))).isLessThanOrEqualTo(1e-6);
        c.assertClose(chunked.get(0), "act", TOL);
    }

    @Test
    void evoformerIteration() {
        ReferenceCase c = ReferenceCase.load("evoformer_iteration");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> {
            var o = EvoformerIteration.apply(nn.child("msa_stack"), c.in(nn, "msa"), c.in(nn, "pair"),
                    c.in(nn, "msa_mask"), c.in(nn, "pair_mask"));
            return List.of(o.msa(), o.pair());
        });
        c.assertClose(out.get(0), "msa", TOL);
        c.assertClose(out.get(1), "pair", TOL);
    }

    @Test
    void templateEmbedding() {
        ReferenceCase c = ReferenceCase.load("template_embedding");
        List<float[]> out = c.run(TrunkOptions.unchunked(), nn -> {
            Operand<TFloat32> emb = TemplateEmbedding.apply(nn.child("template_embedding"),
                    c.in(nn, "query_embedding"), TestTensors.intConstant(nn.tf(), c.input("template_aatype")),
                    c.in(nn, "template_atom_positions"), c.in(nn, "template_atom_mask"),
                    c.in(nn, "padding_mask_2d"), c.in(nn, "multichain_mask_2d"),
                    TemplateEmbedding.DgramFeatures.DEFAULT);
            return List.of(emb);
        });
        c.assertClose(out.get(0), "act", TOL);
    }
}
