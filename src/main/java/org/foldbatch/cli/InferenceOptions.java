package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Inference flags (AlphaFold 3's --model_dir, --num_diffusion_samples, ...), mapped onto foldbatch.inference.*. */
final class InferenceOptions {

    @Option(names = "--model-dir", paramLabel = "DIR", defaultValue = "${env:FOLDBATCH_MODEL_DIR}",
            description = "Directory with AlphaFold 3's weights, af3.bin.zst (env FOLDBATCH_MODEL_DIR).")
    Path modelDir;

    @Option(names = "--num-diffusion-samples", description = "Samples per seed (default 5).")
    Integer numSamples;

    @Option(names = "--diffusion-steps", description = "Denoising steps per sample (default 200).")
    Integer diffusionSteps;

    @Option(names = "--num-recycles", description = "Trunk recycles (default: the model's, 10).")
    Integer numRecycles;

    @Option(names = "--save-embeddings", description = "Write seed-S_embeddings/<name>_seed-S_embeddings.npz.")
    boolean saveEmbeddings;

    @Option(names = "--save-distogram", description = "Write seed-S_distogram/<name>_seed-S_distogram.npz.")
    boolean saveDistogram;

    @Option(names = "--xla-jit", description = "Turn TensorFlow's XLA JIT on.")
    boolean xlaJit;

    @Option(names = "--gpu-memory-fraction", description = "Per-process GPU memory fraction (GPU builds only).")
    Double gpuMemoryFraction;

    @Option(names = "--gpu-unified-memory", description = "Let GPU memory spill to host memory (GPU builds only).")
    boolean gpuUnifiedMemory;

    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (modelDir != null) {
            p.put("foldbatch.inference.model-dir", modelDir.toAbsolutePath().toString());
        }
        put(p, "num-samples", numSamples);
        put(p, "diffusion-steps", diffusionSteps);
        put(p, "num-recycles", numRecycles);
        put(p, "gpu-memory-fraction", gpuMemoryFraction);
        if (saveEmbeddings) {
            p.put("foldbatch.inference.save-embeddings", "true");
        }
        if (saveDistogram) {
            p.put("foldbatch.inference.save-distogram", "true");
        }
        if (xlaJit) {
            p.put("foldbatch.inference.xla-jit", "true");
        }
        if (gpuUnifiedMemory) {
            p.put("foldbatch.inference.gpu-unified-memory", "true");
        }
        return p;
    }

    private static void put(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put("foldbatch.inference." + key, value.toString());
        }
    }
}
