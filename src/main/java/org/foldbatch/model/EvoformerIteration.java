package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * One MSA-module block ({@code EvoformerIteration}, Haiku name {@code msa_stack}), in AlphaFold 3's order: outer
 * product mean into the pair, pair-weighted averaging and transition on the MSA, then the pair block.
 */
public final class EvoformerIteration {
    /** MSA and pair activations after the block. */
    public record Output<T extends TFloating>(Operand<T> msa, Operand<T> pair) {
    }

    /** AlphaFold 3's outer-product-mean chunk (rows of the pair per chunk). */
    public static final int OPM_CHUNK = 128;

    private EvoformerIteration() {
    }

    public static <T extends TFloating> Output<T> apply(Layers<T> nn, Operand<T> msa, Operand<T> pair,
            Operand<T> msaMask, Operand<T> pairMask) {
        int n = (int) Layers.dims(pair)[0];
        TrunkOptions o = nn.options();
        Integer opmChunk = o.pairAttentionChunkSpec().sizeFor(n) == null ? null : OPM_CHUNK;
        Operand<T> z = nn.add(pair, OuterProductMean.apply(nn.child("outer_product_mean"), msa, msaMask, opmChunk));
        Operand<T> m = nn.add(msa, MsaAttention.apply(nn.child("msa_attention1"), msa, msaMask, z));
        m = nn.add(m, TransitionBlock.apply(nn.child("msa_transition"), m));
        return new Output<>(m, PairformerIteration.pairStack(nn, z, pairMask));
    }
}
