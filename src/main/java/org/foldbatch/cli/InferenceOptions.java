package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** Inference flags (AlphaFold 3's --model_dir, --num_diffusion_samples, ...), mapped onto foldbatch.inference.*. */
final class InferenceOptions {

    @Setting("foldbatch.inference.model-dir")
    @Option(names = "--model-dir", paramLabel = "DIR", defaultValue = "${env:FOLDBATCH_MODEL_DIR}",
            description = "Directory with AlphaFold 3's weights, af3.bin.zst (env FOLDBATCH_MODEL_DIR).")
    Path modelDir;

    @Setting("foldbatch.inference.num-samples")
    @Option(names = "--num-diffusion-samples", description = "Samples per seed (default 5).")
    Integer numSamples;

    @Setting("foldbatch.inference.diffusion-steps")
    @Option(names = "--diffusion-steps", description = "Denoising steps per sample (default 200).")
    Integer diffusionSteps;

    @Setting("foldbatch.inference.num-recycles")
    @Option(names = "--num-recycles", description = "Trunk recycles (default: the model's, 10).")
    Integer numRecycles;

    @Setting("foldbatch.inference.save-embeddings")
    @Option(names = "--save-embeddings", description = "Write seed-S_embeddings/<name>_seed-S_embeddings.npz.")
    boolean saveEmbeddings;

    @Setting("foldbatch.inference.save-distogram")
    @Option(names = "--save-distogram", description = "Write seed-S_distogram/<name>_seed-S_distogram.npz.")
    boolean saveDistogram;

    @Setting("foldbatch.inference.xla-jit")
    @Option(names = "--xla-jit", description = "Turn TensorFlow's XLA JIT on.")
    boolean xlaJit;

    @Setting("foldbatch.inference.gpu-memory-fraction")
    @Option(names = "--gpu-memory-fraction", description = "Per-process GPU memory fraction (GPU builds only).")
    Double gpuMemoryFraction;

    @Setting("foldbatch.inference.gpu-unified-memory")
    @Option(names = "--gpu-unified-memory", description = "Let GPU memory spill to host memory (GPU builds only).")
    boolean gpuUnifiedMemory;

    @Setting("foldbatch.inference.pair-transition-shard-spec")
    @Option(names = "--pair-transition-shard-spec", paramLabel = "SPEC", description = "AlphaFold 3's "
            + "pair_transition_shard_spec: rows of the pair transition per shard by token count (default "
            + "'((2048, None), (None, 1024))'); memory only, same numbers.")
    String pairTransitionShardSpec;

    @Setting("foldbatch.inference.pair-attention-chunk-size")
    @Option(names = "--pair-attention-chunk-size", paramLabel = "SPEC", description = "AlphaFold 3's "
            + "pair_attention_chunk_size: rows of triangle attention per chunk by token count (default "
            + "'((1536, 128), (None, 32))'); memory only, same numbers.")
    String pairAttentionChunkSize;

    Map<String, Object> springProperties() {
        return FlagSettings.of(this);
    }
}
