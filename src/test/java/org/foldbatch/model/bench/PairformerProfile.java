package org.foldbatch.model.bench;

import org.foldbatch.model.GraphParameters;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.weights.ParameterStore;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * Where the time of one Pairformer block goes: wall time per TensorFlow op type from a full trace
 * ([N=256] [--bf16] [--serial]).
 */
public final class PairformerProfile {
    public static void main(String[] args) {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 256;
        Precision precision = java.util.List.of(args).contains("--bf16") ? Precision.BFLOAT16 : Precision.FLOAT32;
        ParameterStore store = SyntheticWeights.stackSlice(SyntheticWeights.TRUNK_BLOCK, 1, 7);
        // --serial runs one op at a time, so each op's wall time is its own and the times add up to the block's
        RuntimeOptions runtime = java.util.List.of(args).contains("--serial")
                ? RuntimeOptions.defaults().withThreads(0, 1) : RuntimeOptions.defaults();
        try (Graph g = new Graph(); Session s = new Session(g, runtime.toConfigProto())) {
            Ops tf = Ops.create(g);
            GraphParameters gp = new GraphParameters(tf, store, precision == Precision.BFLOAT16);
            {
                Operand<TFloat32> out = PairformerBenchmark.buildBlock(tf, gp, precision.type(),
                        TrunkOptions.unchunked(), n);
                gp.upload(s);
                s.runner().fetch(out).run().close();
                RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
                try (Result r = s.runner().fetch(out).setOptions(trace).runAndFetchMetadata()) {
                    OpProfile.print(r.getMetadata().orElseThrow().getStepStats(), 25);
                }
            }
        }
    }
}
