package org.foldbatch.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The trunk's per-atom encoder ({@code evoformer_conditioning}) and target features against model_tiny. */
class AtomEncoderParityTests {
    static final double TOL = 5e-5;

    static GatherInfo gather(Ops tf, NetworkInputs b, String prefix) {
        return new GatherInfo(TestTensors.intConstant(tf, b.get(prefix + ":gather_idxs")),
                Tensors.floatConstant(tf, b.get(prefix + ":gather_mask")));
    }

    static AtomCrossAttEncoder.AtomInputs atomInputs(Ops tf, NetworkInputs b) {
        return new AtomCrossAttEncoder.AtomInputs(Tensors.floatConstant(tf, b.get("ref_pos")),
                Tensors.floatConstant(tf, b.get("ref_mask")), TestTensors.intConstant(tf, b.get("ref_element")),
                Tensors.floatConstant(tf, b.get("ref_charge")), TestTensors.intConstant(tf, b.get("ref_atom_name_chars")),
                TestTensors.intConstant(tf, b.get("ref_space_uid")), Tensors.floatConstant(tf, b.get("pred_dense_atom_mask")),
                gather(tf, b, "token_atoms_to_queries"), gather(tf, b, "tokens_to_queries"),
                gather(tf, b, "tokens_to_keys"), gather(tf, b, "queries_to_keys"),
                gather(tf, b, "queries_to_token_atoms"));
    }

    @Test
    void targetFeaturesAndAtomTransformerCheckpoint() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs b = TrunkParityTests.batch;
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), root -> {
            Ops tf = root.tf();
            Layers<TFloat32> nn = root.child("diffuser");
            AtomCrossAttEncoder.AtomInputs atoms = atomInputs(tf, b);
            var enc = AtomCrossAttEncoder.apply(nn, "evoformer_conditioning", atoms, null, null, null);
            Operand<TFloat32> target = AtomCrossAttEncoder.targetFeat(nn, atoms,
                    TestTensors.intConstant(tf, b.get("aatype")), Tensors.floatConstant(tf, b.get("profile")),
                    Tensors.floatConstant(tf, b.get("deletion_mean")));
            return List.of(enc.queriesSingleCond(), enc.keysSingleCond(), enc.pairCond(), enc.transformerInput(),
                    enc.transformerOutput(), target);
        });
        String ck = "ckpt/trunk/diffuser/evoformer_conditioning_atom_transformer_encoder#0/";
        tiny.assertClose(out.get(0), ck + "in/queries_single_cond", TOL);
        tiny.assertClose(out.get(1), ck + "in/keys_single_cond", TOL);
        tiny.assertClose(out.get(2), ck + "in/pair_cond", TOL);
        tiny.assertClose(out.get(3), ck + "in/queries_act", TOL);
        tiny.assertClose(out.get(4), ck + "out", TOL);
        tiny.assertClose(out.get(5), "trunk/target_feat", TOL);
    }
}
