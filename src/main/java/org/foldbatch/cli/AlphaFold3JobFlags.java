package org.foldbatch.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The per-job flags of AlphaFold 3's {@code run_alphafold.py} on {@code foldbatch run}: inputs, output directory,
 * stages and seeds. Settings flags shared with {@code worker} are {@link AlphaFold3Flags}.
 */
final class AlphaFold3JobFlags {

    @Option(names = "--json_path", paramLabel = "FILE", description = "An input file, as INPUT.")
    Path jsonPath;

    @Option(names = "--input_dir", paramLabel = "DIR", description = "A directory of *.json inputs, as INPUT.")
    Path inputDir;

    @Option(names = "--output_dir", paramLabel = "DIR", description = "= --output-dir")
    Path outputDir;

    @Option(names = "--force_output_dir", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "Write into <output_dir>/<name> even when it is not empty (default false: a new job then "
                    + "writes to <name>_YYYYMMDD_HHMMSS, as AlphaFold 3).")
    Boolean forceOutputDir;

    @Option(names = "--run_data_pipeline", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "false = --no-data-pipeline")
    Boolean runDataPipeline;

    @Option(names = "--run_inference", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "false = --data-pipeline-only")
    Boolean runInference;

    @Option(names = "--num_seeds", paramLabel = "N",
            description = "Replace the input's single seed S by S, S+1, ..., S+N-1 (N > 1), as AlphaFold 3.")
    Integer numSeeds;
}
