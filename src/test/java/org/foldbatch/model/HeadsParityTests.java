package org.foldbatch.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** model_tiny's confidence head (with its Pairformer checkpoint) and distogram head on the reference structure. */
class HeadsParityTests {
    static final double TOL = 5e-5;

    @Test
    void confidenceHeadMatchesReference() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs b = TrunkParityTests.batch;
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), root -> {
            Ops tf = root.tf();
            ConfidenceHead.Output o = ConfidenceHead.apply(root, root, tiny.in(root, "heads/dense_atom_positions"),
                    Tensors.floatConstant(tf, tiny.output("trunk/pair")),
                    Tensors.floatConstant(tf, tiny.output("trunk/single")),
                    Tensors.floatConstant(tf, tiny.output("trunk/target_feat")),
                    Tensors.floatConstant(tf, b.get("seq_mask")), TestTensors.intConstant(tf, b.get("asym_id")),
                    AtomEncoderParityTests.gather(tf, b, "token_atoms_to_pseudo_beta"),
                    ConfidenceHead.Settings.DEFAULT);
            return List.of(o.pairAfterPairformer(), o.singleAfterPairformer(), o.fullPde(), o.averagePde(),
                    o.fullPae(), o.tmAdjustedPaeGlobal(), o.tmAdjustedPaeInterface(), o.plddt(), o.resolved());
        });
        String ck = "ckpt/heads/confidence_pairformer#0/";
        tiny.assertClose(out.get(0), ck + "out/0", TOL);
        tiny.assertClose(out.get(1), ck + "out/1", TOL);
        String[] keys = {"full_pde", "average_pde", "full_pae", "tmscore_adjusted_pae_global",
                "tmscore_adjusted_pae_interface", "predicted_lddt", "predicted_experimentally_resolved"};
        for (int i = 0; i < keys.length; i++) {
            tiny.assertClose(out.get(i + 2), "confidence/" + keys[i], TOL);
        }
    }

    @Test
    void distogramHeadMatchesReference() {
        TrunkParityTests.load();
        ReferenceCase tiny = TrunkParityTests.tiny;
        NetworkInputs b = TrunkParityTests.batch;
        List<float[]> out = tiny.run(TrunkOptions.unchunked(), root -> {
            Ops tf = root.tf();
            Operand<TFloat32> mask = Tensors.floatConstant(tf, b.get("seq_mask"));
            Operand<TFloat32> pm = tf.math.mul(tf.expandDims(mask, tf.constant(1)), tf.expandDims(mask,
                    tf.constant(0)));
            DistogramHead.Output o = DistogramHead.apply(root.child(DistogramHead.SCOPE),
                    Tensors.floatConstant(tf, tiny.output("trunk/pair")), pm, DistogramHead.Bins.DEFAULT);
            return List.of(o.logits(), o.contactProbs());
        });
        tiny.assertClose(out.get(0), "distogram/distogram", TOL);
        tiny.assertClose(out.get(1), "distogram/contact_probs", TOL);
        tiny.assertClose(DistogramHead.Bins.DEFAULT.edges(), "distogram/bin_edges", 1e-6);
    }
}
