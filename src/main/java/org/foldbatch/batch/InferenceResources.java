package org.foldbatch.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.foldbatch.FoldbatchException;
import org.foldbatch.model.DiffusionSampler;
import org.foldbatch.model.FoldModel;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RandomWeights;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.ShardSpec;
import org.foldbatch.model.TrunkOptions;

/**
 * The network, loaded once per process on first use and shared by every seed and job the process runs (graphs are
 * built once per bucket inside {@link FoldModel}).
 */
public final class InferenceResources implements AutoCloseable {

    private final FoldbatchProperties.Inference settings;
    private FoldModel model;

    public InferenceResources(FoldbatchProperties properties) {
        this.settings = properties.inference();
    }

    public FoldbatchProperties.Inference settings() {
        return settings;
    }

    /** Fails early, with what to do, when no weights are configured or found or a memory knob is malformed. */
    public void requireModel() {
        trunkOptions();
        Path dir = settings.modelDir();
        if (dir == null) {
            throw new FoldbatchException("no model directory: set --model-dir (foldbatch.inference.model-dir) to the "
                    + "directory holding AlphaFold 3's af3.bin.zst; for a test-only run, write meaningless random "
                    + "weights with 'foldbatch random-weights DIR'");
        }
        if (!Files.isDirectory(dir)) {
            throw new FoldbatchException("--model-dir " + dir + ": no such directory");
        }
    }

    public synchronized FoldModel model() {
        if (model == null) {
            requireModel();
            Path dir = settings.modelDir();
            boolean random = Files.isRegularFile(dir.resolve(RandomWeights.FILE_NAME));
            ModelConfig config = (random ? ModelConfig.small() : ModelConfig.official())
                    .withRecycles(settings.numRecycles());
            RuntimeOptions runtime = RuntimeOptions.defaults()
                    .withThreads(settings.intraOpThreads(), settings.interOpThreads())
                    .withXlaJit(settings.xlaJit())
                    .withGpuMemory(settings.gpuMemoryFraction(), settings.gpuPreallocate(),
                            settings.gpuUnifiedMemory());
            Precision precision = settings.bfloat16() && !random ? Precision.BFLOAT16 : Precision.FLOAT32;
            try {
                model = FoldModel.load(dir, config, precision, trunkOptions(), runtime);
            } catch (IllegalArgumentException e) {
                throw new FoldbatchException(e.getMessage(), e);
            }
        }
        return model;
    }

    /** The memory knobs of the trunk from the settings; a spec not in AlphaFold 3's notation fails, naming it. */
    public TrunkOptions trunkOptions() {
        try {
            ShardSpec transition = ShardSpec.parse(settings.pairTransitionShardSpec(),
                    "foldbatch.inference.pair-transition-shard-spec");
            ShardSpec attention = ShardSpec.parse(settings.pairAttentionChunkSize(),
                    "foldbatch.inference.pair-attention-chunk-size");
            return new TrunkOptions(transition, attention);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException(e.getMessage(), e);
        }
    }

    public DiffusionSampler.Config sampling(FoldModel loaded) {
        return loaded.sampling().withSteps(settings.diffusionSteps(), settings.numSamples());
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
