package org.foldbatch.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where campaign files are read from and where their folds write, for the commands that run campaigns. */
final class CampaignDirs {

    @Option(names = "--jobs-dir", defaultValue = "jobs", description = "Campaign directory (default ${DEFAULT-VALUE}).")
    Path jobsDir;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "output",
            description = "Outputs go to DIR/<campaign>/<fold name>/ (default: ${DEFAULT-VALUE}).")
    Path outputDir;
}
