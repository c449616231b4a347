package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.FeaturisationResources;
import org.foldbatch.batch.FoldbatchProperties;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.template.UserTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code foldbatch validate}: parse and check inputs, print each error, run nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse and check AlphaFold 3 input files (alphafold3 dialect v1-4 or AlphaFold Server); run nothing.",
        footer = {"", "Example:  foldbatch validate samples/inputs/", "Exit status: 0 if every input is valid, 1 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JSON files, or directories of *.json files.")
    List<Path> inputs;

    @Mixin
    FeaturisationOptions featurisation = new FeaturisationOptions();

    @Override
    public Integer call() {
        int errors = 0;
        // With --ccd-path, what featurisation would reject (unknown CCD codes, bonds to missing atoms) is checked too.
        FeaturisationResources featurisable = new FeaturisationResources(
                FoldbatchProperties.bind(featurisation.springProperties()), null);
        for (Path file : InputFiles.expand(inputs)) {
            try {
                for (FoldInput input : new FoldInputLoader().load(file)) {
                    UserTemplates.requireValid(input, file.toString());
                    if (featurisation.ccdPath != null) {
                        featurisable.checkFeaturisable(input);
                    } else {
                        featurisable.checkSettings();
                    }
                    input.warnings().forEach(w -> System.out.printf("warning: %s: %s: %s%n", file, input.name(), w));
                    System.out.printf("ok: %s: %s (%d chains)%n", file, input.name(), input.chains().size());
                }
            } catch (FoldbatchException e) {
                errors++;
                System.out.println("error: " + e.getMessage());
            }
        }
        return errors == 0 ? 0 : 1;
    }
}
