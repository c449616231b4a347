package org.foldbatch.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * One trunk pass ({@code diffuser/evoformer}, one recycle): pair and single initial embeddings with the recycled
 * state, relative encoding, bonds, templates, the MSA module and the Pairformer stack. Inputs are f32/int32 graph
 * operands; activations run in the {@link Layers} type and the outputs are f32.
 */
public final class EvoformerPass {
    /** The graph inputs of one pass; {@code msa*} are the rows this pass uses (already shuffled and cut). */
    public record Inputs(Operand<TFloat32> targetFeat, Operand<TFloat32> prevPair, Operand<TFloat32> prevSingle,
            Operand<TInt32> residueIndex, Operand<TInt32> tokenIndex, Operand<TInt32> asymId,
            Operand<TInt32> entityId, Operand<TInt32> symId, Operand<TFloat32> seqMask,
            List<Operand<TInt32>> bondGatherIdxs, List<Operand<TFloat32>> bondGatherMasks,
            Operand<TInt32> templateAatype, Operand<TFloat32> templateAtomPositions,
            Operand<TFloat32> templateAtomMask, Operand<TInt32> msa, Operand<TFloat32> msaMask,
            Operand<TFloat32> deletionMatrix) {
    }

    /** Pass outputs plus named intermediate activations for checks and debugging. */
    public record Output(Operand<TFloat32> pair, Operand<TFloat32> single, Map<String, Operand<TFloat32>> probes) {
    }

    private EvoformerPass() {
    }

    /** @param nn scoped at {@code diffuser/evoformer} */
    public static <T extends TFloating> Output build(Layers<T> nn, ModelConfig.EvoformerConfig cfg, Inputs in) {
        Ops tf = nn.tf();
        Map<String, Operand<TFloat32>> probes = new LinkedHashMap<>();
        int n = (int) Layers.dims(in.seqMask())[0];
        Operand<T> target = nn.cast(in.targetFeat());
        Operand<T> seqMask = nn.cast(in.seqMask());
        Operand<T> pairMask = nn.mul(tf.expandDims(seqMask, tf.constant(1)), tf.expandDims(seqMask, tf.constant(0)));

        Operand<T> z = nn.add(tf.expandDims(nn.linear(target, "left_single"), tf.constant(1)),
                tf.expandDims(nn.linear(target, "right_single"), tf.constant(0)));
        z = nn.add(z, nn.linear(nn.layerNorm(nn.cast(in.prevPair()), "prev_embedding_layer_norm"), "prev_embedding"));
        Operand<TFloat32> relenc = TrunkFeatures.relativeEncoding(tf, in.residueIndex(), in.tokenIndex(),
                in.asymId(), in.entityId(), in.symId(), cfg.maxRelativeIdx(), cfg.maxRelativeChain());
        z = nn.add(z, nn.child("~_relative_encoding").linear(nn.cast(relenc), "position_activations"));
        Operand<TFloat32> bonds = TrunkFeatures.bondContacts(tf, n, in.bondGatherIdxs(), in.bondGatherMasks());
        z = nn.add(z, nn.linear(nn.cast(tf.expandDims(bonds, tf.constant(-1))), "bond_embedding"));
        probes.put("pair_before_templates", nn.f32(z));

        Operand<T> sameChain = nn.cast(tf.dtypes.cast(tf.math.equal(tf.expandDims(in.asymId(), tf.constant(1)),
                tf.expandDims(in.asymId(), tf.constant(0))), TFloat32.class));
        Operand<T> templates = TemplateEmbedding.apply(nn.child("template_embedding"), z, in.templateAatype(),
                in.templateAtomPositions(), in.templateAtomMask(), pairMask, sameChain,
                cfg.template().dgramFeatures().features());
        probes.put("template_embedding", nn.f32(templates));
        z = nn.add(z, templates);

        Operand<T> msaFeat = nn.cast(TrunkFeatures.msaFeatures(tf, in.msa(), in.deletionMatrix()));
        Operand<T> m = nn.add(nn.linear(msaFeat, "msa_activations"),
                tf.expandDims(nn.linear(target, "extra_msa_target_feat"), tf.constant(0)));
        Operand<T> msaMask = nn.cast(in.msaMask());
        probes.put("msa_stack_input_msa", nn.f32(m));
        probes.put("msa_stack_input_pair", nn.f32(z));
        z = stack(nn.child("__layer_stack_no_per_layer"), "msa_stack", List.of("msa", "pair"), List.of(m, z),
                probes, (layer, t) -> {
                    EvoformerIteration.Output<T> o = EvoformerIteration.apply(layer, t.get(0), t.get(1), msaMask,
                            pairMask);
                    return List.of(o.msa(), o.pair());
                }).get(1);

        Operand<T> s = nn.add(nn.linear(target, "single_activations"), nn.linear(
                nn.layerNorm(nn.cast(in.prevSingle()), "prev_single_embedding_layer_norm"), "prev_single_embedding"));
        probes.put("pairformer_input_single", nn.f32(s));
        List<Operand<T>> trunk = stack(nn.child("__layer_stack_no_per_layer_1"), "trunk_pairformer",
                List.of("pair", "single"), List.of(z, s), probes, (layer, t) -> {
                    PairformerIteration.Output<T> o = PairformerIteration.apply(layer, t.get(0), pairMask, t.get(1),
                            seqMask);
                    return List.of(o.pair(), o.single());
                });
        return new Output(nn.f32(trunk.get(0)), nn.f32(trunk.get(1)), probes);
    }

    /** One block of a layer stack: its activations (the tracks) in, the same tracks out. */
    private interface Block<T extends TFloating> {
        List<Operand<T>> apply(Layers<T> layer, List<Operand<T>> tracks);
    }

    /** Every layer of {@code nn.child(stack)} in turn, each track probed after each layer as {@code stack/l/track}. */
    private static <T extends TFloating> List<Operand<T>> stack(Layers<T> nn, String stack, List<String> trackNames,
            List<Operand<T>> tracks, Map<String, Operand<TFloat32>> probes, Block<T> block) {
        Layers<T> layers = nn.child(stack);
        int depth = layers.stackDepth("pair_transition/transition2", "weights");
        for (int l = 0; l < depth; l++) {
            tracks = block.apply(layers.layer(l), tracks);
            for (int t = 0; t < tracks.size(); t++) {
                probes.put(stack + "/" + l + "/" + trackNames.get(t), nn.f32(tracks.get(t)));
            }
        }
        return tracks;
    }
}
