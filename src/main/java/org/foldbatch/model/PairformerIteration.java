package org.foldbatch.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * One Pairformer block ({@code PairFormerIteration}): triangle multiplications, triangle attentions and the pair
 * transition, each residual; with a single track also single attention with pair bias and the single transition.
 */
public final class PairformerIteration {
    /** Pair and (possibly null) single activations after the block. */
    public record Output<T extends TFloating>(Operand<T> pair, Operand<T> single) {
    }

    private PairformerIteration() {
    }

    /**
     * @param nn scoped at the block, with the layer of its stack selected
     * @param single null for blocks without a single track (templates)
     */
    public static <T extends TFloating> Output<T> apply(Layers<T> nn, Operand<T> pair, Operand<T> pairMask,
            Operand<T> single, Operand<T> seqMask) {
        Operand<T> act = pairStack(nn, pair, pairMask);
        if (single == null) {
            return new Output<>(act, null);
        }
        Operand<T> logits = nn.linear(nn.layerNorm(act, "single_pair_logits_norm"), "single_pair_logits_projection");
        logits = nn.transpose(logits, 2, 0, 1);
        Operand<T> s = nn.add(single, SingleAttention.apply(nn, "single_attention_", single, seqMask, logits));
        s = nn.add(s, TransitionBlock.apply(nn.child("single_transition"), s));
        return new Output<>(act, s);
    }

    /**
     * The pair track of a block, shared with {@link EvoformerIteration}: outgoing and incoming triangle
     * multiplication, starting- and ending-node triangle attention, then the pair transition, each residual.
     */
    static <T extends TFloating> Operand<T> pairStack(Layers<T> nn, Operand<T> pair, Operand<T> pairMask) {
        int n = (int) Layers.dims(pair)[0];
        TrunkOptions o = nn.options();
        Operand<T> act = pair;
        act = nn.add(act, TriangleMultiplication.apply(nn.child("triangle_multiplication_outgoing"), act, pairMask, true));
        act = nn.add(act, TriangleMultiplication.apply(nn.child("triangle_multiplication_incoming"), act, pairMask, false));
        Integer chunk = o.pairAttentionChunkSpec().sizeFor(n);
        act = nn.add(act, GridSelfAttention.apply(nn.child("pair_attention1"), act, pairMask, false, chunk));
        act = nn.add(act, GridSelfAttention.apply(nn.child("pair_attention2"), act, pairMask, true, chunk));
        return nn.add(act, TransitionBlock.applySharded(nn.child("pair_transition"), act,
                o.pairTransitionShardSpec().sizeFor(n)));
    }
}
