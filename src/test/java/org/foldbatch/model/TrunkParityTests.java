package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.foldbatch.records.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The whole trunk (both passes of model_tiny: embeddings, templates, MSA module, Pairformer, recycling) against
 * AlphaFold 3's outputs and run-time checkpoints. The checkpoint test feeds the reference target features so that
 * each pass is checked on its own; the full-trunk test computes them with the per-atom encoder.
 */
class TrunkParityTests {
    static final double TOL = 5e-5;
    static ReferenceCase tiny;
    static ModelConfig config;
    static NetworkInputs batch;

    @BeforeAll
    static synchronized void load() {
        if (tiny != null) {
            return;
        }
        tiny = ReferenceCase.load("model_tiny");
        config = ModelConfig.fromJson(tiny.config.get("model_config"), "model_tiny.bin:__config__");
        var features = new java.util.LinkedHashMap<String, Record>();
        tiny.inputs.forEach((k, v) -> {
            if (k.startsWith("batch/")) {
                features.put(k.substring("batch/".length()), v);
            }
        });
        batch = new NetworkInputs(features, "model_tiny.bin");
    }

    private static int[] msaOrder(int pass) {
        Record perm = tiny.input("trunk/msa_perm");
        int rows = perm.shape()[1];
        return Arrays.copyOfRange(perm.ints(), pass * rows, (pass + 1) * rows);
    }

    private void check(float[] got, String key) {
        tiny.assertClose(got, key, TOL);
    }

    @Test
    void bothPassesMatchOutputsAndCheckpoints() {
        float[] targetFeat = tiny.output("trunk/target_feat").floats();
        int width = tiny.output("trunk/target_feat").shape()[1];
        int msaLayers = config.evoformer().msaStack().numLayer();
        int trunkLayers = config.evoformer().pairformer().numLayer();
        List<String> probes = new ArrayList<>(List.of("pair_before_templates", "template_embedding",
                "msa_stack_input_msa", "msa_stack_input_pair"));
        for (int l = 0; l < msaLayers; l++) {
            probes.add("msa_stack/" + l + "/msa");
            probes.add("msa_stack/" + l + "/pair");
        }
        for (int l = 0; l < trunkLayers; l++) {
            probes.add("trunk_pairformer/" + l + "/pair");
            probes.add("trunk_pairformer/" + l + "/single");
        }
        try (Trunk trunk = new Trunk(config, tiny.params, Precision.FLOAT32, TrunkOptions.unchunked(),
                RuntimeOptions.defaults(), Trunk.dimsFor(batch, config))) {
            Trunk.Embeddings prev = Trunk.Embeddings.zeros(16, config.evoformer().pairChannel(),
                    config.evoformer().seqChannel());
            for (int pass = 0; pass < 2; pass++) {
                Trunk.PassResult r = trunk.runPass(batch, targetFeat, msaOrder(pass), prev, probes);
                String te = "ckpt/trunk/diffuser/evoformer/template_embedding#" + pass;
                check(r.probes().get("pair_before_templates"), te + "/in/query_embedding");
                check(r.probes().get("template_embedding"), te + "/out");
                String first = "ckpt/trunk/msa_stack#" + (pass * msaLayers);
                check(r.probes().get("msa_stack_input_msa"), first + "/in/activations/msa");
                check(r.probes().get("msa_stack_input_pair"), first + "/in/activations/pair");
                for (int l = 0; l < msaLayers; l++) {
                    String k = "ckpt/trunk/msa_stack#" + (pass * msaLayers + l);
                    check(r.probes().get("msa_stack/" + l + "/msa"), k + "/out/msa");
                    check(r.probes().get("msa_stack/" + l + "/pair"), k + "/out/pair");
                }
                for (int l = 0; l < trunkLayers; l++) {
                    String k = "ckpt/trunk/trunk_pairformer#" + (pass * trunkLayers + l);
                    check(r.probes().get("trunk_pairformer/" + l + "/pair"), k + "/out/0");
                    check(r.probes().get("trunk_pairformer/" + l + "/single"), k + "/out/1");
                }
                String out = pass == 0 ? "trunk/pass0/" : "trunk/";
                check(r.embeddings().pair(), out + "pair");
                check(r.embeddings().single(), out + "single");
                prev = r.embeddings();
            }
        }
    }

    @Test
    void fullTrunkFromFeaturesWithRecyclingMatchesTheFinalEmbeddings() {
        Record tf = tiny.output("trunk/target_feat");
        TrunkOptions tinyChunks = new TrunkOptions(ShardSpec.of(null, 7, null, 7), ShardSpec.of(null, 5, null, 5));
        try (Trunk trunk = new Trunk(config, tiny.params, Precision.FLOAT32, tinyChunks, RuntimeOptions.defaults(),
                Trunk.dimsFor(batch, config))) {
            assertThat(config.numRecycles()).isEqualTo(1);
            tiny.assertClose(trunk.targetFeatures(batch), "trunk/target_feat", TOL);
            Trunk.Embeddings e = trunk.run(batch, List.of(msaOrder(0), msaOrder(1)));
            check(e.pair(), "full/pair_embeddings");
            check(e.single(), "full/single_embeddings");
        }
    }

    @Test
    void featureConstruction() {
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), nn -> {
            var tf = nn.tf();
            Operand<TFloat32> relenc = TrunkFeatures.relativeEncoding(tf, ints(nn, "residue_index"),
                    ints(nn, "token_index"), ints(nn, "asym_id"), ints(nn, "entity_id"), ints(nn, "sym_id"),
                    config.evoformer().maxRelativeIdx(), config.evoformer().maxRelativeChain());
            Operand<TFloat32> raw = TrunkFeatures.targetFeatRaw(tf, ints(nn, "aatype"),
                    Tensors.floatConstant(tf, batch.get("profile")), Tensors.floatConstant(tf, batch.get("deletion_mean")));
            int[] order = Arrays.copyOf(msaOrder(0), config.evoformer().numMsa());
            Operand<org.tensorflow.types.TInt32> rows = tf.constant(order);
            Operand<TFloat32> msaFeat = TrunkFeatures.msaFeatures(tf,
                    tf.gather(ints(nn, "msa"), rows, tf.constant(0)),
                    tf.gather(Tensors.floatConstant(tf, batch.get("deletion_matrix")), rows, tf.constant(0)));
            Operand<TFloat32> msaMask = tf.gather(Tensors.floatConstant(tf, batch.get("msa_mask")), rows,
                    tf.constant(0));
            return List.of(relenc, raw, msaFeat, msaMask);
        });
        assertThat(out.get(0)).containsExactly(tiny.output("features/relative_encoding").floats());
        assertThat(out.get(1)).containsExactly(tiny.output("features/target_feat_raw").floats());
        tiny.assertClose(out.get(2), "features/msa_feat_pass0", 1e-6);
        assertThat(out.get(3)).containsExactly(tiny.output("features/msa_mask_pass0").floats());
    }

    private static Operand<org.tensorflow.types.TInt32> ints(Layers<TFloat32> nn, String key) {
        return TestTensors.intConstant(nn.tf(), batch.get(key));
    }
}
