package org.foldbatch.output;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.model.ConfidenceHead;
import org.foldbatch.model.DistogramHead;
import org.foldbatch.model.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs the production read-outs of the confidence and distogram heads ({@link ConfidenceHead#readouts},
 * {@link DistogramHead#fromHalfLogits}) on given logits, so tests reach the output numbers through the same
 * TensorFlow ops as inference rather than a re-derivation. All arrays are row-major over N (padded) tokens.
 *
 * @param plddt {@code [N*24]} 0-100
 * @param pae {@code [N*N]} Å
 * @param tmAdjustedPaeGlobal {@code [N*N]}
 * @param tmAdjustedPaeInterface {@code [N*N]}
 * @param contactProbs {@code [N*N]}, or null when no distogram logits were given
 */
record HeadReadouts(float[] plddt, float[] pae, float[] tmAdjustedPaeGlobal, float[] tmAdjustedPaeInterface,
                    float[] contactProbs) {

    static final int SLOTS = 24;
    static final int PAE_BINS = ConfidenceHead.Settings.DEFAULT.numPaeBins();
    static final int PLDDT_BINS = 50;

    /**
     * @param paeLogits {@code [N*N*64]}
     * @param plddtLogits {@code [N*24*50]}
     * @param distogramHalfLogits {@code [N*N*64]} (the distogram Linear's output), or null
     * @param seqMask {@code [N]} 1 for real tokens
     * @param asymId {@code [N]} 1-based chain of each real token, 0 for padding
     */
    static HeadReadouts of(float[] paeLogits, float[] plddtLogits, float[] distogramHalfLogits, float[] seqMask,
                           int[] asymId) {
        int n = seqMask.length;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> mask = Tensors.floatConstant(tf, new int[] {n}, seqMask);
            Operand<TInt32> asym = tf.constant(asymId);
            var r = ConfidenceHead.readouts(tf, Tensors.floatConstant(tf, new int[] {n, n, PAE_BINS}, paeLogits),
                    Tensors.floatConstant(tf, new int[] {n, SLOTS, PLDDT_BINS}, plddtLogits), mask, asym,
                    ConfidenceHead.Settings.DEFAULT);
            List<Operand<TFloat32>> fetch = new ArrayList<>(List.of(r.plddt(), r.fullPae(), r.tmAdjustedPaeGlobal(),
                    r.tmAdjustedPaeInterface()));
            if (distogramHalfLogits != null) {
                Operand<TFloat32> pm = tf.math.mul(tf.expandDims(mask, tf.constant(1)), tf.expandDims(mask,
                        tf.constant(0)));
                int bins = distogramHalfLogits.length / (n * n);
                fetch.add(DistogramHead.fromHalfLogits(tf, Tensors.floatConstant(tf, new int[] {n, n, bins},
                        distogramHalfLogits), pm, DistogramHead.Bins.DEFAULT).contactProbs());
            }
            Session.Runner runner = s.runner();
            fetch.forEach(runner::fetch);
            try (Result result = runner.run()) {
                var out = new ArrayList<float[]>();
                for (int i = 0; i < fetch.size(); i++) {
                    out.add(Tensors.floats((TFloat32) result.get(i)));
                }
                return new HeadReadouts(out.get(0), out.get(1), out.get(2), out.get(3),
                        distogramHalfLogits == null ? null : out.get(4));
            }
        }
    }

    /** The sample these read-outs and dense positions {@code [N*24*3]} give, through the production gather. */
    SampleResult sample(DenseToFlat gather, long seed, int sample, float[] positions, float[] contacts) {
        return gather.sample(seed, sample, positions, plddt, pae, tmAdjustedPaeGlobal, tmAdjustedPaeInterface,
                contacts);
    }
}
