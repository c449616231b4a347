package org.foldbatch.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The denoiser {@code D(x̂, σ)} of AlphaFold 3's diffusion head: pair and single conditioning (the latter with the
 * Fourier noise embedding), the per-atom encoder on the scaled noisy positions, the token transformer, and the
 * per-atom decoder that predicts a position update, combined with the preconditioning of Karras et al.
 */
public final class DiffusionHead {
    public static final String SCOPE = "diffuser/~/diffusion_head";
    public static final float SIGMA_DATA = 16f;
    static final int MAX_RELATIVE_IDX = 32;
    static final int MAX_RELATIVE_CHAIN = 2;

    /** Noise-independent inputs of every denoising call. */
    public record Inputs<T extends TFloating>(AtomCrossAttEncoder.AtomInputs atoms, Operand<TInt32> residueIndex,
            Operand<TInt32> tokenIndex, Operand<TInt32> asymId, Operand<TInt32> entityId, Operand<TInt32> symId,
            Operand<T> seqMask, Operand<T> trunkSingle, Operand<T> trunkPair, Operand<T> targetFeat) {
    }

    /** The denoised positions and intermediate values (for checks against AlphaFold 3's checkpoints). */
    public record Output<T extends TFloating>(Operand<T> positions, AtomCrossAttEncoder.Output<T> encoder,
            Operand<T> singleCond, Operand<T> transformerInput, Operand<T> transformerOutput, Operand<T> decoderInput,
            Operand<T> decoderOutput) {
    }

    private DiffusionHead() {
    }

    /** Pair conditioning {@code [N, N, Cz]}: independent of the noise, so computed once per structure. */
    public static <T extends TFloating> Operand<T> pairConditioning(Layers<T> head, Inputs<T> in) {
        Ops tf = head.tf();
        Operand<TFloat32> rel = TrunkFeatures.relativeEncoding(tf, in.residueIndex(), in.tokenIndex(), in.asymId(),
                in.entityId(), in.symId(), MAX_RELATIVE_IDX, MAX_RELATIVE_CHAIN);
        Operand<T> features = tf.concat(List.of(in.trunkPair(), head.cast(rel)), tf.constant(-1));
        Operand<T> zc = head.linear(head.layerNorm(features, "pair_cond_initial_norm", true),
                "pair_cond_initial_projection");
        for (int i = 0; i < 2; i++) {
            zc = head.add(zc, transition(head, "pair_transition_" + i, zc));
        }
        return zc;
    }

    /** Single conditioning {@code [N, Cs]} at noise level {@code sigma}. */
    public static <T extends TFloating> Operand<T> singleConditioning(Layers<T> head, Inputs<T> in,
            Operand<TFloat32> sigma) {
        Ops tf = head.tf();
        Operand<T> features = tf.concat(List.of(in.trunkSingle(), in.targetFeat()), tf.constant(-1));
        Operand<T> sc = head.linear(head.layerNorm(features, "single_cond_initial_norm", true),
                "single_cond_initial_projection");
        Operand<T> noise = head.cast(NoiseEmbedding.apply(tf, sigma, SIGMA_DATA));
        sc = head.add(sc, head.linear(head.layerNorm(noise, "noise_embedding_initial_norm", true),
                "noise_embedding_initial_projection"));
        for (int i = 0; i < 2; i++) {
            sc = head.add(sc, transition(head, "single_transition_" + i, sc));
        }
        return sc;
    }

    /**
     * One denoiser call.
     *
     * @param head scoped at {@link #SCOPE}
     * @param pairCond from {@link #pairConditioning}
     * @param positionsNoisy {@code [N, 24, 3]}, or {@code [S, N, 24, 3]}: S samples denoised in one call (they
     *     share the noise level, as all of AlphaFold 3's samples do at each step)
     * @param sigma scalar noise level
     */
    public static <T extends TFloating> Output<T> denoise(Layers<T> head, Inputs<T> in, Operand<T> pairCond,
            Operand<T> positionsNoisy, Operand<TFloat32> sigma) {
        Ops tf = head.tf();
        Operand<T> sc = singleConditioning(head, in, sigma);
        Operand<T> atomMask = head.cast(tf.expandDims(in.atoms().predDenseAtomMask(), tf.constant(-1)));
        Operand<T> s = head.cast(sigma);
        Operand<T> norm = tf.math.sqrt(head.add(tf.math.square(s), head.scalar(SIGMA_DATA * SIGMA_DATA)));
        Operand<T> x = tf.math.div(head.mul(positionsNoisy, atomMask), norm);

        AtomCrossAttEncoder.Output<T> enc = AtomCrossAttEncoder.apply(head, "diffusion", in.atoms(), x,
                in.trunkSingle(), pairCond);
        Operand<T> a = head.add(enc.tokenAct(), head.linear(head.layerNorm(sc, "single_cond_embedding_norm", true),
                "single_cond_embedding_projection"));
        Operand<T> transformerIn = a;
        a = DiffusionTransformer.apply(head.child("transformer"), "transformer", a, in.seqMask(), sc, pairCond);
        Operand<T> transformerOut = a;
        a = head.layerNorm(a, "output_norm", true);

        Operand<T> mq = enc.queriesMask();
        Operand<T> mqCh = tf.expandDims(mq, tf.constant(-1));
        int samples = Layers.dims(positionsNoisy).length - 3;
        Operand<T> u = head.linear(a, "diffusion_project_token_features_for_broadcast");
        Operand<T> aq = head.mul(head.add(in.atoms().tokensToQueries().convert(head, u, samples, 1),
                enc.skipConnection()), mqCh);
        CrossAttTransformer.Context<T> ctx = new CrossAttTransformer.Context<>(mq, in.atoms().queriesToKeys(),
                enc.keysMask(), enc.queriesSingleCond(), enc.keysSingleCond(), enc.pairCond());
        String decoder = "diffusion_atom_transformer_decoder";
        Operand<T> decoded = CrossAttTransformer.apply(head.child(decoder), decoder, aq, ctx);
        Operand<T> h = head.layerNorm(head.mul(decoded, mqCh), "diffusion_atom_features_layer_norm", true);
        Operand<T> update = in.atoms().queriesToTokenAtoms().convert(head,
                head.linear(h, "diffusion_atom_features_to_position_update"), samples, 2);

        Operand<T> s2 = tf.math.square(s);
        Operand<T> denom = head.add(s2, head.scalar(SIGMA_DATA * SIGMA_DATA));
        Operand<T> skip = tf.math.div(head.scalar(SIGMA_DATA * SIGMA_DATA), denom);
        Operand<T> out = tf.math.div(head.mul(s, head.scalar(SIGMA_DATA)), tf.math.sqrt(denom));
        Operand<T> positions = head.mul(head.add(head.mul(skip, positionsNoisy), head.mul(out, update)), atomMask);
        return new Output<>(positions, enc, sc, transformerIn, transformerOut, aq, decoded);
    }

    /** The unconditioned GLU transition of the diffusion head ({@code transition_block} without a condition). */
    static <T extends TFloating> Operand<T> transition(Layers<T> nn, String name, Operand<T> x) {
        Ops tf = nn.tf();
        Operand<T> h = nn.layerNorm(x, name + "ffw_layer_norm", true);
        Operand<TFloat32> both = nn.f32(nn.linear(h, name + "ffw_transition1"));
        var halves = tf.split(tf.constant(-1), both, 2L);
        Operand<TFloat32> gate = halves.output().get(0);
        Operand<T> c = nn.cast(tf.math.mul(tf.math.mul(gate, tf.math.sigmoid(gate)), halves.output().get(1)));
        return nn.linear(c, name + "ffw_transition2");
    }
}
