package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foldbatch random-weights DIR}: a small random-weight model so the whole pipeline runs without the real one. */
@Command(name = "random-weights", mixinStandardHelpOptions = true,
        description = {"Write a small model of RANDOM weights in the official file format (reduced sizes), so the "
                + "whole fold runs where AlphaFold 3's weights are not available.",
                "Its structures and confidences are MEANINGLESS; it exists for samples and tests."},
        footer = {"", "Example:  foldbatch random-weights samples/random-model && "
                + "foldbatch run samples/inputs/5tgy.json --model-dir samples/random-model ..."})
final class RandomWeightsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write " + RandomWeights.FILE_NAME + " into.")
    Path dir;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Path file = RandomWeights.write(dir, ModelConfig.small(), seed);
        System.out.println("wrote " + file + " -- " + RandomWeights.WARNING);
        return 0;
    }
}
