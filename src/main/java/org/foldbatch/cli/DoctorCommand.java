package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code foldbatch doctor}: checks every prerequisite of a run with the settings it would use. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Check everything a run needs, with the same settings flags and --config file as run: Java, "
                + "the build, HMMER 3.3+, GNU time (optional), each database and Z values of sharded ones, the CCD "
                + "file, the weights, the job repository database, the broker when one is configured, free disk.",
                "Prints one line each (OK, NOTE or MISSING, with the fix) and exits 1 when something needed is "
                        + "missing."},
        footer = {"", "Example:  foldbatch doctor --config samples/foldbatch-sample.properties "
                + "--model-dir samples/random-model"})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = {"--output-dir", "--output_dir"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output directory whose free space is checked (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--install-hmmer",
            description = "When HMMER is missing, install a copy into <data-dir>/tools/hmmer now (run does it too).")
    boolean installHmmer;

    @Mixin
    RemoteSettingsOptions settings = new RemoteSettingsOptions();

    @ArgGroup(exclusive = false, validate = false, heading = "%nAlphaFold 3's run_alphafold.py settings flags:%n")
    AlphaFold3Flags af3 = new AlphaFold3Flags();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> properties = settings.springProperties(af3, spec.commandLine());
        if (installHmmer) {
            HmmerInstaller.provideIfMissing(properties);
        }
        List<Checkup> checkups = new Doctor(Settings.load(properties)).examine(outputDir);
        checkups.forEach(c -> System.out.println(c.line()));
        long missing = checkups.stream().filter(c -> c.verdict() == Checkup.Verdict.MISSING).count();
        System.out.println(missing == 0 ? "Ready to run." : missing + " thing(s) missing: see the fixes above.");
        return missing == 0 ? 0 : 1;
    }
}
