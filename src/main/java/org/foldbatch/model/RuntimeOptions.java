package org.foldbatch.model;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * Session-level knobs: thread pools, XLA JIT, and GPU memory behaviour. The GPU options only take effect with the
 * CUDA native library ({@code mvn -Pgpu}, classifier {@code linux-x86_64-gpu}). TensorFlow allows TF32 matmuls on
 * Ampere and newer GPUs by default; parity with AlphaFold 3's f32 numbers needs {@code NVIDIA_TF32_OVERRIDE=0} in the
 * process environment (TensorFlow Java has no API switch for it).
 *
 * @param intraOpThreads threads inside one op (0: TensorFlow's choice, all cores)
 * @param interOpThreads ops run concurrently (0: TensorFlow's choice)
 * @param xlaJit compile the graph with XLA (global JIT level ON_1, also on CPU)
 * @param gpuMemoryFraction upper bound of each GPU's memory to use (0: TensorFlow's default)
 * @param gpuPreallocate reserve the memory up front; false grows on demand
 * @param gpuUnifiedMemory let GPU allocations spill to host memory (large inputs on small GPUs)
 */
public record RuntimeOptions(int intraOpThreads, int interOpThreads, boolean xlaJit, double gpuMemoryFraction,
        boolean gpuPreallocate, boolean gpuUnifiedMemory) {

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(0, 0, false, 0, true, false);
    }

    public RuntimeOptions withThreads(int intra, int inter) {
        return new RuntimeOptions(intra, inter, xlaJit, gpuMemoryFraction, gpuPreallocate, gpuUnifiedMemory);
    }

    public RuntimeOptions withXlaJit(boolean on) {
        return new RuntimeOptions(intraOpThreads, interOpThreads, on, gpuMemoryFraction, gpuPreallocate,
                gpuUnifiedMemory);
    }

    public RuntimeOptions withGpuMemory(double fraction, boolean preallocate, boolean unifiedMemory) {
        return new RuntimeOptions(intraOpThreads, interOpThreads, xlaJit, fraction, preallocate, unifiedMemory);
    }

    public ConfigProto toConfigProto() {
        ConfigProto.Builder b = ConfigProto.newBuilder().setAllowSoftPlacement(true)
                .setIntraOpParallelismThreads(intraOpThreads).setInterOpParallelismThreads(interOpThreads);
        if (xlaJit) {
            b.setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(OptimizerOptions.newBuilder()
                    .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1).setCpuGlobalJit(true)));
        }
        GPUOptions.Builder gpu = GPUOptions.newBuilder().setAllowGrowth(!gpuPreallocate);
        if (gpuMemoryFraction > 0) {
            gpu.setPerProcessGpuMemoryFraction(gpuMemoryFraction);
        }
        if (gpuUnifiedMemory) {
            gpu.setExperimental(GPUOptions.Experimental.newBuilder().setUseUnifiedMemory(true));
        }
        return b.setGpuOptions(gpu).build();
    }
}
