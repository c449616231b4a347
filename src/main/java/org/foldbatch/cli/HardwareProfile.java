package org.foldbatch.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.FoldbatchException;

/**
 * {@code foldbatch worker --profile}: AlphaFold 3's numbers for the accelerators its performance guide
 * (docs/performance.md) names, as settings. The GPU settings take effect only with the GPU build of TensorFlow
 * ({@code mvn -Pgpu package}); on CPU they are ignored by TensorFlow. AlphaFold 3's V100 advice,
 * {@code --flash_attention_implementation=xla}, has no counterpart to set: Foldbatch's attention is always plain
 * TensorFlow ops (no flash-attention kernel), which is what "xla" means there.
 */
enum HardwareProfile {
    /** 1 x A100 80 GB: up to 5,120 tokens; XLA_PYTHON_CLIENT_PREALLOCATE=true, XLA_CLIENT_MEM_FRACTION=0.95. */
    A100_80G("a100-80g", 5120, "0.95", true, false, null),
    /** 1 x H100 80 GB: as the A100 80 GB. */
    H100_80G("h100-80g", 5120, "0.95", true, false, null),
    /**
     * 1 x A100 40 GB: up to 4,352 tokens with unified memory (PREALLOCATE=false, TF_FORCE_UNIFIED_MEMORY=true,
     * XLA_CLIENT_MEM_FRACTION=3.2) and the pair transition sharded ((2048, None), (3072, 1024), (None, 512)).
     */
    A100_40G("a100-40g", 4352, "3.2", false, true, "((2048, None), (3072, 1024), (None, 512))"),
    /** 1 x V100 16 GB: up to 1,280 tokens (untested by AlphaFold 3 for accuracy), XLA attention. */
    V100_16G("v100-16g", 1280, "0.95", true, false, null),
    /** CPU only: no token limit of its own (host memory bounds it), no GPU settings. */
    CPU("cpu", 0, null, true, false, null);

    final String label;
    final int maxTokens;
    final String gpuMemoryFraction;
    final boolean gpuPreallocate;
    final boolean gpuUnifiedMemory;
    final String pairTransitionShardSpec;

    HardwareProfile(String label, int maxTokens, String gpuMemoryFraction, boolean gpuPreallocate,
            boolean gpuUnifiedMemory, String pairTransitionShardSpec) {
        this.label = label;
        this.maxTokens = maxTokens;
        this.gpuMemoryFraction = gpuMemoryFraction;
        this.gpuPreallocate = gpuPreallocate;
        this.gpuUnifiedMemory = gpuUnifiedMemory;
        this.pairTransitionShardSpec = pairTransitionShardSpec;
    }

    static HardwareProfile of(String label) {
        for (HardwareProfile p : values()) {
            if (p.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new FoldbatchException("--profile: '" + label + "' is not a hardware profile (a100-80g, h100-80g, "
                + "a100-40g, v100-16g or cpu)");
    }

    /** The settings this profile stands for; flags given on the command line win over them. */
    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("foldbatch.remote.max-tokens", maxTokens);
        if (gpuMemoryFraction != null) {
            s.put("foldbatch.inference.gpu-memory-fraction", gpuMemoryFraction);
        }
        s.put("foldbatch.inference.gpu-preallocate", gpuPreallocate);
        s.put("foldbatch.inference.gpu-unified-memory", gpuUnifiedMemory);
        if (pairTransitionShardSpec != null) {
            s.put("foldbatch.inference.pair-transition-shard-spec", pairTransitionShardSpec);
        }
        return s;
    }
}
